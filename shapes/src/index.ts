export { loadValidator, type Validator, type ShaclSummary, type ShaclResult, type Severity } from './validate.js';
export { loadValidatorPool } from './validator-pool.js';
export { dcatAp3Base, type Profile } from './profiles.js';
