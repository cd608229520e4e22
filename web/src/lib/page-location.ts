/**
 * Where the page is, in the browser and on the server (lit SSR renders the same elements in Node, where there is no
 * `location`): the server renders links as paths on a placeholder origin that is never shown.
 */
const SERVER_PAGE = 'http://fedcat.server.invalid/';

/** Whether this code runs on the server (no browser page around it). */
export function onServer(): boolean {
  return typeof location === 'undefined';
}

/** The page's URL; on the server a placeholder origin, so page paths stay paths. */
export function pageHref(): string {
  return onServer() ? SERVER_PAGE : location.href;
}

/** The page's origin (see pageHref). */
export function pageOrigin(): string {
  return new URL(pageHref()).origin;
}
