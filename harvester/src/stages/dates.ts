import { canonicalDateTime } from '@fedcat/vocab';
import { DataFactory } from 'n3';
import type { Stage } from './stage.js';
import { termText } from './term-text.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const DATE_PROPERTIES = new Set(['http://purl.org/dc/terms/modified', 'http://purl.org/dc/terms/issued',
  'http://www.w3.org/ns/dcat#startDate', 'http://www.w3.org/ns/dcat#endDate']);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const YEAR = /^\d{4}$/;

/** The right xsd type for a date value, or null when it is not a date fedcat recognises. */
function typed(value: string): { value: string; type: string } | null {
  const v = value.trim();
  if (DATE.test(v)) return { value: v, type: 'date' };
  const t = v.replace(' ', 'T');
  if (DATE_TIME.test(t)) return { value: canonicalDateTime(/T\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?$/.test(t) ? t.replace(/(T\d{2}:\d{2})/, '$1:00') : t), type: 'dateTime' };
  if (YEAR.test(v)) return { value: v, type: 'gYear' };
  return null;
}

/**
 * Types date literals of `dct:modified`, `dct:issued`, `dcat:startDate` and `dcat:endDate` as xsd:date,
 * xsd:dateTime or xsd:gYear: plain strings, misspelt datatypes (`xsd:datetime`) and `2020-01-01 10:00` forms.
 */
export const dates: Stage = (quads, ctx) =>
  quads.map((q) => {
    if (!DATE_PROPERTIES.has(q.predicate.value) || q.object.termType !== 'Literal') return q;
    const t = typed(q.object.value);
    if (!t) return q;
    const datatype = `${XSD}${t.type}`;
    if (q.object.datatype.value === datatype && q.object.value === t.value) return q;
    ctx.note({ stage: 'dates', subject: q.subject.value, predicate: q.predicate.value, original: termText(q.object), normalised: `"${t.value}"^^<${datatype}>` });
    return DataFactory.quad(q.subject, q.predicate, DataFactory.literal(t.value, DataFactory.namedNode(datatype)), q.graph);
  });
