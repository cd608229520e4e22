import { accessUrlFromDownload } from './access-url-from-download.js';
import { dates } from './dates.js';
import { languageCodes } from './language-codes.js';
import { legacyNamespaces } from './legacy-namespaces.js';
import { literalUrls } from './literal-urls.js';
import { mediaTypes } from './media-types.js';
import type { Stage } from './stage.js';
import { textCleanup } from './text-cleanup.js';

/** The normalisation stages every harvest runs, in order (namespaces first: the others match on DCAT/DCTERMS IRIs). */
export const defaultStages: readonly Stage[] = [legacyNamespaces, literalUrls, accessUrlFromDownload, mediaTypes, languageCodes, dates, textCleanup];
