const FILE_TYPE = 'http://publications.europa.eu/resource/authority/file-type/';
const IANA = /^https?:\/\/www\.iana\.org\/assignments\/media-types\//;

/** Media types and the EU file-type code of the same format. */
const MEDIA_TYPE_CODES: Readonly<Record<string, string>> = {
  'text/csv': 'CSV', 'text/tab-separated-values': 'TSV', 'application/json': 'JSON', 'application/ld+json': 'JSON_LD',
  'application/geo+json': 'GEOJSON', 'application/vnd.geo+json': 'GEOJSON', 'application/xml': 'XML', 'text/xml': 'XML',
  'application/rdf+xml': 'RDF_XML', 'text/turtle': 'RDF_TURTLE', 'application/n-triples': 'RDF_N_TRIPLES',
  'application/n-quads': 'RDF_N_QUADS', 'application/trig': 'RDF_TRIG', 'text/n3': 'N3', 'text/html': 'HTML',
  'application/xhtml+xml': 'XHTML', 'text/plain': 'TXT', 'application/pdf': 'PDF', 'application/zip': 'ZIP',
  'application/gzip': 'GZIP', 'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX', 'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS', 'application/vnd.oasis.opendocument.text': 'ODT',
  'application/gml+xml': 'GML', 'application/vnd.google-earth.kml+xml': 'KML', 'application/vnd.google-earth.kmz': 'KMZ',
  'application/geopackage+sqlite3': 'GPKG', 'application/x-netcdf': 'NETCDF', 'application/vnd.apache.parquet': 'PARQUET',
  'application/vnd.shp': 'SHP', 'application/x-shapefile': 'SHP', 'application/yaml': 'YAML', 'application/atom+xml': 'ATOM', 'application/rss+xml': 'RSS',
  'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/tiff': 'TIFF', 'image/svg+xml': 'SVG', 'application/sparql-query': 'SPARQLQ',
  'application/sparql-results+json': 'SPARQLQRES', 'application/sparql-results+xml': 'SPARQLQRES',
};

/**
 * File-type codes of formats with an open, freely usable specification (the "non-proprietary" of the five-star
 * scheme: CSV rather than Excel). fedcat's own classification, written from the formats' specifications.
 */
export const NON_PROPRIETARY: ReadonlySet<string> = new Set([
  'CSV', 'TSV', 'JSON', 'JSON_LD', 'GEOJSON', 'XML', 'RDF', 'RDF_XML', 'RDF_TURTLE', 'RDF_N_TRIPLES', 'RDF_N_QUADS', 'RDF_TRIG',
  'N3', 'HTML', 'XHTML', 'TXT', 'ODS', 'ODT', 'ODP', 'ODG', 'PDF', 'PDFA1A', 'PDFA1B', 'PDFA2A', 'PDFA2B', 'GML', 'KML', 'KMZ',
  'GPKG', 'NETCDF', 'HDF', 'PNG', 'SVG', 'JPEG', 'TIFF', 'GEOTIFF', 'ZIP', 'GZIP', 'TAR', 'SPARQLQ', 'SPARQLQRES', 'WMS_SRVC',
  'WFS_SRVC', 'WCS_SRVC', 'WMTS_SRVC', 'ATOM', 'RSS', 'YAML', 'PARQUET',
]);

/** File-type codes of formats a program can read as data (not only display): the "machine-readable" indicator. */
export const MACHINE_READABLE: ReadonlySet<string> = new Set([
  'CSV', 'TSV', 'JSON', 'JSON_LD', 'GEOJSON', 'XML', 'RDF', 'RDF_XML', 'RDF_TURTLE', 'RDF_N_TRIPLES', 'RDF_N_QUADS', 'RDF_TRIG',
  'N3', 'XLS', 'XLSX', 'ODS', 'GML', 'KML', 'KMZ', 'GPKG', 'SHP', 'NETCDF', 'HDF', 'PARQUET', 'YAML', 'SPARQLQ',
  'SPARQLQRES', 'WFS_SRVC', 'WCS_SRVC', 'ATOM', 'RSS', 'DBF', 'MDB', 'SQL', 'GEOTIFF',
]);

/** Whether an IRI is a media type of IANA's registry (http or https). */
export const isIanaMediaType = (iri: string): boolean => IANA.test(iri);

/** Whether an IRI is a concept of the EU file-type table's namespace. */
export const isFileTypeIri = (iri: string): boolean => iri.startsWith(FILE_TYPE);

/**
 * The EU file-type code a `dct:format` or `dcat:mediaType` value names: the code of a file-type IRI, or the
 * code of a known IANA media type; null for anything else.
 */
export function fileTypeCode(value: string): string | null {
  if (isFileTypeIri(value)) return value.slice(FILE_TYPE.length) || null;
  if (isIanaMediaType(value)) return MEDIA_TYPE_CODES[value.replace(IANA, '').toLowerCase()] ?? null;
  return null;
}

/**
 * The EU file-type IRI of the format a `dct:format` or `dcat:mediaType` value names (a file-type IRI itself, or a
 * known IANA media type: `…/media-types/text/csv` gives `…/file-type/CSV`); null for anything else.
 */
export function fileTypeIri(value: string): string | null {
  const code = fileTypeCode(value);
  return code ? `${FILE_TYPE}${code}` : null;
}
