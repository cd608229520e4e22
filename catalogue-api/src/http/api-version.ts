/** The API version, sent as the `API-Version` header (NL API Design Rules). */
export const API_VERSION = '0.1.0';
