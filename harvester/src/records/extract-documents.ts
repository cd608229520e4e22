import type { Quad, Term } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { adms, conceptLabel, dcat, dct, foaf, rdf, rdfs, skos, vcard } from '@fedcat/vocab';
import { recordId, type CatalogueDocument, type RecordType } from '@fedcat/catalogue';
import { matchKeys } from './match-keys.js';
import { bestLiteral, langOf, LANGUAGE_PREFERENCE } from './preferred-literal.js';

function iris(store: Store, subject: Term, predicate: Term): string[] {
  return store.getObjects(subject, predicate, null).filter((o) => o.termType === 'NamedNode').map((o) => o.value);
}

function literalsInPreferredLanguage(store: Store, subject: Term, predicate: Term): string[] {
  const all = store.getObjects(subject, predicate, null).filter((o) => o.termType === 'Literal');
  const langs = new Set(all.map(langOf));
  const lang = LANGUAGE_PREFERENCE.find((l) => langs.has(l)) ?? [...langs][0];
  return [...new Set(all.filter((l) => langOf(l) === lang).map((l) => l.value.trim()))];
}

function agentName(store: Store, agent: Term): string | null {
  return bestLiteral(store, agent, [foaf.name, vcard.fn, skos.prefLabel]);
}

const unique = (xs: Iterable<string>) => [...new Set(xs)].sort();

/**
 * The names the source gives licence documents no vocabulary fedcat holds names (`dct:title`, else `rdfs:label`
 * of a publisher's own licence): what a facet or record page shows instead of the IRI's last segment.
 */
function licenceNames(store: Store, licences: readonly string[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const iri of licences) {
    if (conceptLabel(iri)) continue;
    const name = bestLiteral(store, DataFactory.namedNode(iri), [dct.title, rdfs.label]);
    if (name) out[iri] = name;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function formatsOf(store: Store, distributions: readonly Term[]): string[] {
  return distributions.flatMap((d) => [
    ...store.getObjects(d, dct.format, null).map((o) => o.value),
    ...store.getObjects(d, dcat.mediaType, null).map((o) => o.value),
  ]);
}

/**
 * Turns one source's quads into search documents: one per `dcat:Dataset` and `dcat:DataService`,
 * with titles and descriptions in the preferred language (nl, en, none), and facet values as IRIs.
 * Pure: same quads in, same documents out.
 */
export function extractDocuments(quads: readonly Quad[], source: string, harvestedAt: string): CatalogueDocument[] {
  const store = new Store([...quads]);
  const docs: CatalogueDocument[] = [];
  const kinds: [RecordType, Term][] = [['Dataset', dcat.Dataset], ['DataService', dcat.DataService]];
  const seen = new Set<string>();
  for (const [type, cls] of kinds) {
    for (const subject of store.getSubjects(rdf.type, cls, null)) {
      const iri = subject.termType === 'BlankNode' ? `_:${subject.value}` : subject.value;
      if (seen.has(iri)) continue;
      seen.add(iri);
      const distributions = store.getObjects(subject, dcat.distribution, null);
      const publisher = store.getObjects(subject, dct.publisher, null)[0];
      const modified = bestLiteral(store, subject, [dct.modified]) ?? bestLiteral(store, subject, [dct.issued]);
      const licenses = unique([...iris(store, subject, dct.license), ...distributions.flatMap((d) => iris(store, d, dct.license))]);
      const valueLabels = licenceNames(store, licenses);
      docs.push({
        id: recordId(iri),
        iri,
        type,
        title: bestLiteral(store, subject, [dct.title]) ?? '',
        description: bestLiteral(store, subject, [dct.description]) ?? '',
        keywords: literalsInPreferredLanguage(store, subject, dcat.keyword),
        publisher: publisher?.termType === 'NamedNode' ? publisher.value : null,
        publisherName: publisher ? agentName(store, publisher) : null,
        themes: unique(iris(store, subject, dcat.theme)),
        formats: unique(formatsOf(store, distributions)),
        licenses,
        accessRights: unique(iris(store, subject, dct.accessRights)),
        modified,
        endpointUrls: unique(iris(store, subject, dcat.endpointURL)),
        source,
        harvestedAt,
        matchKeys: matchKeys({
          iri,
          identifiers: [
            ...store.getObjects(subject, dct.identifier, null).map((o) => o.value),
            ...store.getObjects(subject, adms.identifier, null).flatMap((i) => i.termType === 'Literal' ? [i.value]
              : [...store.getObjects(i, skos.notation, null).map((n) => n.value), ...(i.termType === 'NamedNode' ? [i.value] : [])]),
          ],
          landingPages: iris(store, subject, dcat.landingPage),
        }),
        ...(valueLabels ? { valueLabels } : {}),
      });
    }
  }
  return docs;
}
