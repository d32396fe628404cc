export type { LoadOptions } from './load/load-api.js';
export { loadApi } from './load/load-api.js';
