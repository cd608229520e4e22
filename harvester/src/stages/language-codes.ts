import { DataFactory } from 'n3';
import type { Stage } from './stage.js';
import { termText } from './term-text.js';

const AUTH = 'http://publications.europa.eu/resource/authority/language/';

// ISO 639-1 → EU language authority codes (ISO 639-2/B style) of the EU's official languages and a few more.
const CODES: Record<string, string> = {
  nl: 'NLD', en: 'ENG', de: 'DEU', fr: 'FRA', es: 'SPA', it: 'ITA', pt: 'POR', pl: 'POL', cs: 'CES', sk: 'SLK', sl: 'SLV',
  hu: 'HUN', ro: 'RON', bg: 'BUL', el: 'ELL', da: 'DAN', sv: 'SWE', fi: 'FIN', et: 'EST', lv: 'LAV', lt: 'LIT', ga: 'GLE',
  mt: 'MLT', hr: 'HRV', fy: 'FRY', lb: 'LTZ', no: 'NOR', nb: 'NOB', nn: 'NNO', is: 'ISL', tr: 'TUR', ru: 'RUS', uk: 'UKR', ar: 'ARA',
};
const THREE = new Set(Object.values(CODES));

/**
 * Turns `dct:language` literals ("nl", "NLD", "en-GB") into the EU language authority IRIs DCAT-AP requires.
 * Unknown codes are left as they are, for validation to report.
 */
export const languageCodes: Stage = (quads, ctx) =>
  quads.map((q) => {
    if (q.predicate.value !== 'http://purl.org/dc/terms/language' || q.object.termType !== 'Literal') return q;
    const raw = q.object.value.trim();
    const primary = raw.split(/[-_]/)[0]!.toLowerCase();
    const code = CODES[primary] ?? (THREE.has(raw.toUpperCase()) ? raw.toUpperCase() : undefined);
    if (!code) return q;
    ctx.note({ stage: 'languageCodes', subject: q.subject.value, predicate: q.predicate.value, original: termText(q.object), normalised: `<${AUTH}${code}>` });
    return DataFactory.quad(q.subject, q.predicate, DataFactory.namedNode(`${AUTH}${code}`), q.graph);
  });
