import { createContext } from '@lit/context';
import type { CatalogueApi } from './api/client.js';

/** The API client, provided by <fedcat-app> (or any host page) to every component below it. */
export const apiContext = createContext<CatalogueApi>(Symbol('fedcat-api'));
