import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { Stage } from './stage.js';

const ACCESS = 'http://www.w3.org/ns/dcat#accessURL';
const DOWNLOAD = 'http://www.w3.org/ns/dcat#downloadURL';

/**
 * Gives a distribution that has a `dcat:downloadURL` but no `dcat:accessURL` its download URL as access URL,
 * as DCAT's usage note advises (DCAT-AP makes accessURL mandatory; CKAN exports often carry only the download).
 */
export const accessUrlFromDownload: Stage = (quads, ctx) => {
  const hasAccess = new Set<string>();
  const firstDownload = new Map<string, Quad>();
  for (const q of quads) {
    if (q.predicate.value === ACCESS) hasAccess.add(q.subject.value);
    else if (q.predicate.value === DOWNLOAD && q.object.termType === 'NamedNode' && !firstDownload.has(q.subject.value)) firstDownload.set(q.subject.value, q);
  }
  const added: Quad[] = [];
  for (const [subject, q] of firstDownload) {
    if (hasAccess.has(subject)) continue;
    added.push(DataFactory.quad(q.subject, DataFactory.namedNode(ACCESS), q.object, q.graph));
    ctx.note({ stage: 'accessUrlFromDownload', subject, predicate: ACCESS, original: '(none)', normalised: `<${q.object.value}>` });
  }
  return added.length > 0 ? [...quads, ...added] : [...quads];
};
