export { quadStoreContract, type StoreBackend } from './testing/store-contract.js';
export { searchIndexContract, FIXTURE } from './testing/search-contract.js';
