import { DataFactory } from 'n3';
import type { Stage } from './stage.js';
import { termText } from './term-text.js';

const MEDIA_TYPE = 'http://www.w3.org/ns/dcat#mediaType';
const FORMAT = 'http://purl.org/dc/terms/format';
const IANA = 'https://www.iana.org/assignments/media-types/';
const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const MEDIA = /^[a-z]+\/[a-z0-9.+-]+$/i;

/** Literal file formats fedcat maps to the EU file-type table (by name or media type). */
const FORMATS: Record<string, string> = {
  csv: 'CSV', 'text/csv': 'CSV', json: 'JSON', 'application/json': 'JSON', xml: 'XML', 'application/xml': 'XML', 'text/xml': 'XML',
  pdf: 'PDF', 'application/pdf': 'PDF', zip: 'ZIP', 'application/zip': 'ZIP', html: 'HTML', 'text/html': 'HTML',
  xlsx: 'XLSX', xls: 'XLS', geojson: 'GEOJSON', 'application/geo+json': 'GEOJSON', gml: 'GML', gpkg: 'GPKG', wms: 'WMS_SRVC',
  wfs: 'WFS_SRVC', 'rdf/xml': 'RDF_XML', 'application/rdf+xml': 'RDF_XML', turtle: 'RDF_TURTLE', 'text/turtle': 'RDF_TURTLE',
  'json-ld': 'JSON_LD', 'application/ld+json': 'JSON_LD', txt: 'TXT', 'text/plain': 'TXT', odt: 'ODT', ods: 'ODS', shp: 'SHP',
};

/**
 * Turns literal `dcat:mediaType` values ("text/csv") into IANA media-type IRIs and literal `dct:format`
 * values ("CSV", "application/json") into EU file-type IRIs, as DCAT-AP requires; unknown values stay.
 */
export const mediaTypes: Stage = (quads, ctx) =>
  quads.map((q) => {
    if (q.object.termType !== 'Literal') return q;
    const v = q.object.value.trim();
    let iri: string | null = null;
    if (q.predicate.value === MEDIA_TYPE && MEDIA.test(v)) iri = `${IANA}${v.toLowerCase()}`;
    else if (q.predicate.value === FORMAT && FORMATS[v.toLowerCase()]) iri = `${FILE_TYPE}${FORMATS[v.toLowerCase()]}`;
    if (!iri) return q;
    ctx.note({ stage: 'mediaTypes', subject: q.subject.value, predicate: q.predicate.value, original: termText(q.object), normalised: `<${iri}>` });
    return DataFactory.quad(q.subject, q.predicate, DataFactory.namedNode(iri), q.graph);
  });
