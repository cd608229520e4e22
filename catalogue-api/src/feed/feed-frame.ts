import type { NamedNode, Quad, Quad_Object } from '@rdfjs/types';
import { DataFactory } from 'n3';
import type { RecordType } from '@fedcat/catalogue';
import { dcat, dct, foaf, hydra, rdf, vcard, xsd } from '@fedcat/vocab';

const { namedNode, literal, quad } = DataFactory;

/** Who runs this fedcat: the publisher and contact point of the federation catalogue. */
export interface CatalogueOperator {
  readonly title: string;
  readonly description: string;
  readonly publisher: string;
  readonly publisherName: string;
  /** `mailto:` or http(s) IRI. */
  readonly contact: string;
}

/** A record listed on a feed page. */
export interface FeedItem { readonly iri: string; readonly type: RecordType; readonly source: string }

/** A source with records on the page: a sub-catalogue. */
export interface FeedSource { readonly id: string; readonly url: string; readonly org: string | null }

/** One page of the feed: where it is, what it lists, and how the paging goes on. */
export interface FeedPage {
  /** The collection's IRI (the catalogue this page belongs to), without paging parameters. */
  readonly catalogue: string;
  /** IRI of a sub-catalogue per source. */
  readonly sourceCatalogue: (id: string) => string;
  /** URL of page `n` of this collection. */
  readonly pageUrl: (n: number) => string;
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly items: readonly FeedItem[];
  readonly sources: readonly FeedSource[];
  readonly operator: CatalogueOperator;
}

/**
 * The triples a feed page adds around its records: the catalogue with its publisher, contact point and
 * `dcat:dataset` / `dcat:service` links, one `dct:hasPart` sub-catalogue per source with records on the page
 * (typed, titled and linked to those records), and the Hydra view with first/previous/next/last.
 */
export function feedFrame(p: FeedPage): Quad[] {
  const out: Quad[] = [];
  const add = (s: string, pred: NamedNode, o: Quad_Object) => out.push(quad(namedNode(s), pred, o) as Quad);
  const contact = `${p.catalogue}#contact`;
  const member = (t: RecordType) => (t === 'DataService' ? dcat.service : dcat.dataset);

  add(p.catalogue, rdf.type, dcat.Catalog);
  add(p.catalogue, rdf.type, hydra.Collection);
  add(p.catalogue, dct.title, literal(p.operator.title, 'nl'));
  add(p.catalogue, dct.description, literal(p.operator.description, 'nl'));
  add(p.catalogue, dct.publisher, namedNode(p.operator.publisher));
  add(p.catalogue, dcat.contactPoint, namedNode(contact));
  add(p.operator.publisher, rdf.type, foaf.Agent);
  add(p.operator.publisher, foaf.name, literal(p.operator.publisherName));
  add(contact, rdf.type, vcard.Organization);
  add(contact, vcard.fn, literal(p.operator.publisherName));
  add(contact, p.operator.contact.startsWith('mailto:') ? vcard.hasEmail : vcard.hasURL, namedNode(p.operator.contact));
  for (const item of p.items) add(p.catalogue, member(item.type), namedNode(item.iri));

  for (const s of p.sources) {
    const sub = p.sourceCatalogue(s.id);
    if (sub !== p.catalogue) add(p.catalogue, dct.hasPart, namedNode(sub));
    add(sub, rdf.type, dcat.Catalog);
    if (sub === p.catalogue) continue;
    add(sub, dct.title, literal(`Bron ${s.id}`, 'nl'));
    add(sub, dct.title, literal(`Source ${s.id}`, 'en'));
    add(sub, dct.description, literal(`Records harvested from ${s.url}`, 'en'));
    add(sub, dct.publisher, namedNode(s.org ?? p.operator.publisher));
    add(sub, dcat.contactPoint, namedNode(contact));
    for (const item of p.items.filter((i) => i.source === s.id)) add(sub, member(item.type), namedNode(item.iri));
  }

  const last = Math.max(1, Math.ceil(p.total / p.pageSize));
  const view = p.pageUrl(p.page);
  add(p.catalogue, hydra.totalItems, literal(String(p.total), xsd.integer));
  add(p.catalogue, hydra.view, namedNode(view));
  add(view, rdf.type, hydra.PartialCollectionView);
  add(view, hydra.first, namedNode(p.pageUrl(1)));
  add(view, hydra.last, namedNode(p.pageUrl(last)));
  if (p.page > 1) add(view, hydra.previous, namedNode(p.pageUrl(Math.min(p.page - 1, last))));
  if (p.page < last) add(view, hydra.next, namedNode(p.pageUrl(p.page + 1)));
  return out;
}
