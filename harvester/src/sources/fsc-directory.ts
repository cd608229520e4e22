import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { canonicalDateTime, fedcat, foaf, rdf, xsd } from '@fedcat/vocab';
import { SourceLimitExceeded, SourceUnparsable } from '../errors.js';
import { fetchDocument } from '../fetch/fetch-document.js';
import { hostKey } from '../fetch/host-limiter.js';
import { ContentDigest } from './content-digest.js';
import type { ReadContext, ReadResult } from './read-result.js';

const { namedNode, literal, quad } = DataFactory;

/** Listings per request; FSC allows up to 1000. */
export const FSC_PAGE_LIMIT = 100;

/** The FSC Group ID pattern (FSC Core). */
export const FSC_GROUP_ID = /^[a-zA-Z0-9./_-]{1,100}$/;
const SERVICE_NAME = /^[a-zA-Z0-9-._]{1,100}$/;

/** A peer as `GET /v1/peers` lists it. */
export interface FscPeer { readonly id: string; readonly name: string; readonly manager_address: string }
/** A service as `GET /v1/services` lists it (the `data` of a listing). */
export interface FscServiceData {
  readonly type: string; readonly name: string; readonly protocol: string;
  readonly peer: FscPeer; readonly delegator?: { readonly peer_id: string; readonly peer_name: string };
}

/** The IRI fedcat gives an FSC peer of a group. */
export function fscPeerIri(group: string, peerId: string): string {
  return `urn:fedcat:fsc:${encodeURIComponent(group)}:peer:${encodeURIComponent(peerId)}`;
}
/** The IRI fedcat gives an FSC service listing of a group. */
export function fscServiceIri(group: string, peerId: string, name: string): string {
  return `urn:fedcat:fsc:${encodeURIComponent(group)}:service:${encodeURIComponent(peerId)}:${encodeURIComponent(name)}`;
}

type Json = Record<string, unknown>;
const obj = (x: unknown): Json | null => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Json) : null);
const str = (x: unknown): string | null => (typeof x === 'string' && x.length > 0 ? x : null);

function peerOf(x: unknown): FscPeer | null {
  const p = obj(x);
  const id = str(p?.id);
  const name = str(p?.name);
  const manager = str(p?.manager_address);
  return id && name && manager ? { id, name, manager_address: manager } : null;
}

function serviceOf(x: unknown): FscServiceData | null {
  const data = obj(obj(x)?.data);
  const peer = peerOf(data?.peer);
  const name = str(data?.name);
  if (!data || !peer || !name || !SERVICE_NAME.test(name)) return null;
  const delegator = obj(data.delegator);
  const delegatorId = str(delegator?.peer_id);
  return {
    type: str(data.type) ?? 'SERVICE_TYPE_SERVICE', name, protocol: str(data.protocol) ?? 'PROTOCOL_TCP_HTTP_1.1', peer,
    ...(delegatorId ? { delegator: { peer_id: delegatorId, peer_name: str(delegator?.peer_name) ?? '' } } : {}),
  };
}

/** The RDF fedcat keeps of a Directory's peers and services (fedcat extension vocabulary). Pure. */
export function fscDirectoryQuads(group: string, peers: readonly FscPeer[], services: readonly FscServiceData[], listedAt: string): Quad[] {
  const out: Quad[] = [];
  const at = literal(canonicalDateTime(listedAt), xsd.dateTime);
  const peerQuads = (p: FscPeer) => {
    const s = namedNode(fscPeerIri(group, p.id));
    out.push(quad(s, rdf.type, fedcat.FscPeer), quad(s, fedcat.fscGroup, literal(group)), quad(s, fedcat.peerId, literal(p.id)),
      quad(s, foaf.name, literal(p.name)), quad(s, fedcat.managerAddress, literal(p.manager_address)), quad(s, fedcat.listedAt, at));
  };
  const seenPeers = new Set<string>();
  for (const p of peers) if (!seenPeers.has(p.id)) { seenPeers.add(p.id); peerQuads(p); }
  for (const svc of services) {
    if (!seenPeers.has(svc.peer.id)) { seenPeers.add(svc.peer.id); peerQuads(svc.peer); }
    const s = namedNode(fscServiceIri(group, svc.peer.id, svc.name));
    out.push(quad(s, rdf.type, fedcat.FscServiceListing), quad(s, fedcat.fscGroup, literal(group)), quad(s, fedcat.peerId, literal(svc.peer.id)),
      quad(s, fedcat.serviceName, literal(svc.name)), quad(s, fedcat.protocol, literal(svc.protocol)), quad(s, fedcat.serviceType, literal(svc.type)),
      quad(s, fedcat.listedAt, at));
    if (svc.delegator) {
      out.push(quad(s, fedcat.delegatorPeerId, literal(svc.delegator.peer_id)));
      if (svc.delegator.peer_name) out.push(quad(s, fedcat.delegatorName, literal(svc.delegator.peer_name)));
    }
  }
  return out;
}

/**
 * Reads an FSC Directory (an FSC Manager, `fsc-core-manager.yaml`): `GET {url}/peers` and `GET {url}/services`, each
 * followed through `pagination.next_cursor`, over mutual TLS when a client certificate is configured. A listing that
 * lacks what FSC requires is skipped, never fatal. The answers become RDF in the source graph (no DCAT records).
 */
export async function readFscDirectory(sourceId: string, base: string, group: string | undefined, ctx: ReadContext): Promise<ReadResult> {
  if (!group || !FSC_GROUP_ID.test(group)) throw new SourceUnparsable(sourceId, 'an fsc-directory source needs its FSC group id (fscGroup)');
  const policy = ctx.policy.fscClientTls ? { ...ctx.policy, clientTls: ctx.policy.fscClientTls } : ctx.policy;
  const digest = new ContentDigest();
  let bytes = 0;
  let pages = 0;
  const listing = async <T>(path: 'peers' | 'services', key: 'peers' | 'services', item: (x: unknown) => T | null): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | null = null;
    const seenCursors = new Set<string>();
    do {
      if (pages >= ctx.maxPages) throw new SourceLimitExceeded(sourceId, `more than ${ctx.maxPages} Directory pages`);
      const url = new URL(`${base.replace(/\/+$/, '')}/${path}`);
      url.searchParams.set('limit', String(FSC_PAGE_LIMIT));
      if (cursor) url.searchParams.set('cursor', cursor);
      const doc = await ctx.limiter.run(hostKey(url.href), () => fetchDocument(sourceId, url.href, policy));
      pages++;
      bytes += Buffer.byteLength(doc.body);
      if (bytes > ctx.policy.maxBytes) throw new SourceLimitExceeded(sourceId, `Directory answers exceed ${ctx.policy.maxBytes} bytes together`);
      digest.update(doc.body);
      let page: Json | null;
      try {
        page = obj(JSON.parse(doc.body));
      } catch {
        page = null;
      }
      const list = page?.[key];
      if (!page || !Array.isArray(list)) throw new SourceUnparsable(sourceId, `${url.pathname} did not answer an FSC ${key} listing ({"${key}": [...]})`);
      for (const x of list) {
        const it = item(x);
        if (it) items.push(it);
      }
      cursor = str(obj(page.pagination)?.next_cursor);
      if (cursor && seenCursors.has(cursor)) throw new SourceUnparsable(sourceId, `${url.pathname} repeats cursor ${cursor}`);
      if (cursor) seenCursors.add(cursor);
      ctx.onProgress({ pages, bytes, quads: 0 });
      // An empty page ends the listing even if a cursor came with it.
      if (list.length === 0) cursor = null;
    } while (cursor);
    return items;
  };
  const peers = await listing('peers', 'peers', peerOf);
  const services = await listing('services', 'services', serviceOf);
  const quads = fscDirectoryQuads(group, peers, services, new Date().toISOString());
  return { syntax: 'fsc-json', bytes, pages, quads, etag: null, lastModified: null, digest: digest.digest() };
}
