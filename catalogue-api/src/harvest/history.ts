import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { HarvestState } from '@fedcat/harvester';
import type { Source } from '@fedcat/catalogue';
import { adms, canonicalDateTime, changetype, dcat, dct, fedcat, foaf, prov, rdf, xsd } from '@fedcat/vocab';
import type { RunRecord } from '../control/runs.js';

const { namedNode, literal, quad } = DataFactory;

/** The IRI of fedcat's catalogue record about one harvested record of a source. */
export function catalogRecordIri(sourceId: string, recordIri: string): string {
  return `urn:fedcat:record:${encodeURIComponent(sourceId)}:${encodeURIComponent(recordIri)}`;
}

const dateTime = (value: string) => literal(canonicalDateTime(value), xsd.dateTime);
const integer = (n: number) => literal(String(n), xsd.integer);

/** PROV description of one harvest run with its outcome and counts. */
function runQuads(source: Source, run: RunRecord): Quad[] {
  const r = namedNode(run.id);
  const out = [
    quad(r, rdf.type, prov.Activity), quad(r, rdf.type, fedcat.HarvestRun),
    quad(r, prov.startedAtTime, dateTime(run.startedAt)), quad(r, prov.endedAtTime, dateTime(run.endedAt)),
    quad(r, prov.used, namedNode(source.url)), quad(r, fedcat.outcome, literal(run.status)),
  ];
  if (run.stats) {
    const c = run.stats.records;
    out.push(
      quad(r, fedcat.bytes, integer(run.stats.bytes)), quad(r, fedcat.pages, integer(run.stats.pages)),
      quad(r, fedcat.recordsAdded, integer(c.added)), quad(r, fedcat.recordsUpdated, integer(c.updated)),
      quad(r, fedcat.recordsUnchanged, integer(c.unchanged)), quad(r, fedcat.recordsRemoved, integer(c.removed)),
      quad(r, fedcat.recordsInvalid, integer(c.invalid)),
    );
  }
  if (run.error) out.push(quad(r, fedcat.errorCode, literal(run.error.code)), quad(r, fedcat.errorMessage, literal(run.error.message)));
  return out;
}

/** A source's recent runs as `prov:Activity` with outcome and counts, for {@link runsGraph}. Pure. */
export function runsQuads(source: Source, runs: readonly RunRecord[]): Quad[] {
  return runs.flatMap((run) => runQuads(source, run));
}

/**
 * A source's record history as RDF, for {@link historyGraph}: a DCAT-AP `dcat:CatalogRecord` per record that
 * is or was in the catalogue (`foaf:primaryTopic`, `dct:issued`, `dct:modified`, and `adms:status` created /
 * updated / deleted). "What changed since T" is then a filter on `dct:modified`. Pure: the same state gives
 * the same quads.
 */
export function historyQuads(source: Source, state: HarvestState): Quad[] {
  const out: Quad[] = [];
  const record = (iri: string, issued: string, modified: string, status: 'created' | 'updated' | 'deleted') => {
    const cr = namedNode(catalogRecordIri(source.id, iri));
    out.push(
      quad(cr, rdf.type, dcat.CatalogRecord), quad(cr, foaf.primaryTopic, namedNode(iri)),
      quad(cr, dct.issued, dateTime(issued)), quad(cr, dct.modified, dateTime(modified)), quad(cr, adms.status, changetype[status]),
    );
  };
  for (const [iri, r] of Object.entries(state.records)) {
    if (!r.issued || !r.modified || iri.startsWith('_:')) continue;
    record(iri, r.issued, r.modified, !r.accepted ? 'deleted' : r.issued === r.modified ? 'created' : 'updated');
  }
  for (const [iri, t] of Object.entries(state.removed ?? {})) record(iri, t.issued, t.modified, 'deleted');
  return out;
}
