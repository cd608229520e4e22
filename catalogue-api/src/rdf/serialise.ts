import type { Quad } from '@rdfjs/types';
import { DataFactory, Writer } from 'n3';
import oxigraph from 'oxigraph';

/** Prefixes Turtle output is written with. */
const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/', foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#', hydra: 'http://www.w3.org/ns/hydra/core#', xsd: 'http://www.w3.org/2001/XMLSchema#',
  adms: 'http://www.w3.org/ns/adms#', skos: 'http://www.w3.org/2004/02/skos/core#', dcatap: 'http://data.europa.eu/r5r/',
};

/**
 * Writes a small graph (a feed page, a record) in one of the four graph media types: Turtle with prefixes and
 * N-Triples by n3, JSON-LD and RDF/XML by oxigraph's serialisers (the ones the SPARQL endpoint uses).
 */
export function serialiseGraph(quads: readonly Quad[], mediaType: string): string {
  if (mediaType === 'text/turtle' || mediaType === 'application/n-triples') {
    const writer = new Writer(mediaType === 'text/turtle' ? { prefixes: PREFIXES } : { format: 'N-Triples' });
    writer.addQuads(quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object)));
    let text = '';
    writer.end((err, result: string) => { if (err) throw err; text = result; });
    return text;
  }
  const store = new oxigraph.Store();
  for (const q of quads) store.add(oxigraph.triple(oxigraph.fromTerm(q.subject), oxigraph.fromTerm(q.predicate), oxigraph.fromTerm(q.object)));
  return store.dump({ format: mediaType, from_graph_name: oxigraph.defaultGraph() });
}
