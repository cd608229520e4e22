import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { Stage } from './stage.js';
import { termText } from './term-text.js';

const URL_PROPERTIES = new Set([
  'http://www.w3.org/ns/dcat#accessURL', 'http://www.w3.org/ns/dcat#downloadURL', 'http://www.w3.org/ns/dcat#endpointURL',
  'http://www.w3.org/ns/dcat#landingPage', 'http://xmlns.com/foaf/0.1/page', 'http://www.w3.org/ns/dcat#endpointDescription',
]);

function asIri(value: string): string | null {
  const v = value.trim();
  if (!/^https?:\/\/\S+$/i.test(v)) return null;
  try {
    return new URL(v).href;
  } catch {
    return null;
  }
}

/** Turns literal access/download/endpoint URLs and landing pages that are valid http(s) IRIs into IRIs. */
export const literalUrls: Stage = (quads, ctx) =>
  quads.map((q) => {
    if (q.object.termType !== 'Literal' || !URL_PROPERTIES.has(q.predicate.value)) return q;
    const iri = asIri(q.object.value);
    if (!iri) return q;
    ctx.note({ stage: 'literalUrls', subject: q.subject.value, predicate: q.predicate.value, original: termText(q.object), normalised: `<${iri}>` });
    return DataFactory.quad(q.subject, q.predicate, DataFactory.namedNode(iri), q.graph);
  });
