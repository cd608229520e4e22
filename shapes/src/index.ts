export { loadValidator, shapeFilePath, DEFAULT_ENGINE, type Validator, type ShaclSummary, type ShaclResult, type Severity, type TermKind, type LoadOptions, type ValidateOptions } from './validate.js';
export { loadValidatorPool } from './validator-pool.js';
export { PROFILES, DEFAULT_PROFILE_ID, defaultProfile, dcatAp3Base, profileById, customProfile, type Profile } from './profiles.js';
export { groupResults, ReportTally, reportTurtle, reportText, type ReportGroup, type ValidationReport } from './report.js';
export type { EngineName } from './engines/engine.js';
export type { Messages } from './messages.js';
export { builtExecArgv } from './worker-exec-argv.js';
