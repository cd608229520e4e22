import { DataFactory } from 'n3';
import type { Stage } from './stage.js';

const TEXT_PROPERTIES = new Set(['http://purl.org/dc/terms/title', 'http://purl.org/dc/terms/description', 'http://www.w3.org/ns/dcat#keyword']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text from HTML-ish text: tags become spaces or line breaks, entities are decoded, whitespace runs collapse. */
export function plainText(s: string): string {
  return s
    .replace(/<\s*(br|\/p|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<[^>]{0,500}>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[ \n]*/g, (m) => (m.split('\n').length > 2 ? '\n\n' : '\n'))
    .trim();
}

/**
 * Cleans titles, descriptions and keywords: HTML tags and entities out, whitespace collapsed. Only text gets
 * stored and indexed; the UI still renders it as text. Not reported per value: it changes nothing a
 * publisher meant to say.
 */
export const textCleanup: Stage = (quads) =>
  quads.map((q) => {
    if (!TEXT_PROPERTIES.has(q.predicate.value) || q.object.termType !== 'Literal') return q;
    const clean = plainText(q.object.value);
    if (clean === q.object.value) return q;
    return DataFactory.quad(q.subject, q.predicate, DataFactory.literal(clean, q.object.language || q.object.datatype), q.graph);
  });
