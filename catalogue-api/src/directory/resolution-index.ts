import { entityTag } from '../http/caching.js';
import type { QuadStore } from '@fedcat/catalogue';
import { ChangeLog } from './change-log.js';
import { fscListingsQuery, SERVICE_PAGE, serviceDescriptionQuery, servicePageQuery } from './directory-queries.js';
import { fscKey, resolveAnswer } from './resolution-json.js';
import { fscViews, serviceViews, type FscCoordinates, type FscListingView, type FscPeerView, type ServiceView } from './service-view.js';

/** A data service's resolution answer, serialised once per build. */
export interface ResolutionEntry {
  readonly view: ServiceView;
  readonly json: string;
  readonly etag: string;
}

/** What one FSC group holds, sorted as FSC pages it (peers by id, services by peer id and name). */
export interface FscGroupView {
  readonly peers: readonly FscPeerView[];
  readonly peersById: ReadonlyMap<string, FscPeerView>;
  readonly services: readonly FscListingView[];
}

/** An organisation as the directory knows it: its OINs and FSC peers (the OIN ↔ TOOI crosswalk). */
export interface OrganisationDirectory {
  readonly oins: readonly string[];
  readonly fscPeers: readonly { readonly groupId: string; readonly peerId: string; readonly name: string; readonly managerAddress: string }[];
}

/** Adds `value` to the list under `key`. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const today = (now: Date) => now.toISOString().slice(0, 10);
const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

/**
 * The service directory in memory: every data service's resolution answer (JSON and ETag, serialised once), the FSC
 * Directories' groups, peers and services, and the organisation crosswalk. Built from the store when it is ready and
 * again whenever graphs change (debounced; builds never overlap), page by page so the event loop is never held long.
 * Answers are then map lookups: resolution never waits on the store, and a heavy SPARQL query never delays it.
 */
export class ResolutionIndex {
  private entries = new Map<string, ResolutionEntry>();
  private byIri = new Map<string, string>();
  private groups = new Map<string, FscGroupView>();
  private listings = new Map<string, FscListingView>();
  /** Peer id + service name → the groups listing it. */
  private listingGroups = new Map<string, string[]>();
  private claimedBy = new Map<string, string>();
  private organisations = new Map<string, OrganisationDirectory>();
  /** OIN → the organisations holding it. */
  private organisationsByOin = new Map<string, string[]>();
  private builtFor = '';
  private building: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private readyOnce: Promise<void> | null = null;
  private lastError: string | null = null;
  private dayCheckedAt = 0;
  builds = 0;

  constructor(private readonly store: QuadStore, readonly changes: ChangeLog, private readonly now: () => Date = () => new Date(), private readonly debounceMs = 100) {}

  /** Loads the change log, builds once the store is ready, and rebuilds on every change of the store. */
  start(): Promise<void> {
    this.readyOnce ??= (async () => {
      await this.changes.load();
      await this.store.ready();
      this.unsubscribe = this.store.onChange(() => this.schedule());
      await this.rebuild();
    })();
    return this.readyOnce;
  }

  /** Resolves once the first build is done. */
  ready(): Promise<void> {
    return this.start();
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
  }

  state(): { readonly services: number; readonly builds: number; readonly error: string | null } {
    return { services: this.entries.size, builds: this.builds, error: this.lastError };
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = null; void this.rebuild().catch(() => undefined); }, this.debounceMs);
    this.timer.unref();
  }

  /** Builds from the store now (or after the build under way, once more). */
  rebuild(): Promise<void> {
    if (this.building) {
      this.again = true;
      return this.building;
    }
    this.building = (async () => {
      try {
        do {
          this.again = false;
          await this.build();
        } while (this.again);
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  private async select(sparql: string): Promise<string[]> {
    return (await this.store.select(sparql)).flatMap((row) => (row.s ? [row.s.value] : []));
  }

  /**
   * A data service as the directory sees it, read from the store now and with its design-rule findings (which the
   * in-memory index leaves out: resolution never needs them). Undefined when the store does not hold it.
   */
  async describe(iri: string): Promise<ServiceView | undefined> {
    const view = serviceViews(await this.construct(serviceDescriptionQuery([iri], { findings: true })), today(this.now()))[0];
    const known = view?.publisher && this.organisations.get(view.publisher.uri);
    // The publisher's OINs as the directory knows them from all its records, as /v1/resolve and /v1/organisations say.
    return view && known ? { ...view, publisher: { ...view.publisher!, oins: known.oins } } : view;
  }

  private construct(sparql: string) {
    return this.store.construct(sparql);
  }

  private async build(): Promise<void> {
    const now = this.now();
    const day = today(now);
    try {
      const fsc = fscViews(await this.construct(fscListingsQuery()));
      const listings = new Map(fsc.services.map((l) => [fscKey(l.groupId, l.peerId, l.name), l]));
      const views = new Map<string, ServiceView>();
      for (let offset = 0; ; offset += SERVICE_PAGE) {
        const iris = await this.select(servicePageQuery(offset));
        if (iris.length > 0) {
          for (const view of serviceViews(await this.construct(serviceDescriptionQuery(iris)), day)) views.set(view.id, view);
        }
        if (iris.length < SERVICE_PAGE) break;
        await yieldToEventLoop();
      }
      const entries = this.install(views, fsc, listings);
      this.builtFor = day;
      this.builds++;
      this.lastError = null;
      await this.changes.record(new Map([...entries].map(([id, e]) => [id, { iri: e.view.iri, etag: e.etag }])), now);
    } catch (err) {
      // The last good directory keeps answering; the next change or day tries again.
      this.lastError = (err as Error).message;
    }
  }

  /**
   * Puts a build in place and returns its entries: each service's answer is serialised here, after the organisations
   * are known, so a publisher's OINs in `/v1/resolve` are those `/v1/organisations` lists (from all its records).
   */
  private install(views: Map<string, ServiceView>, fsc: { peers: FscPeerView[]; services: FscListingView[] }, listings: Map<string, FscListingView>): Map<string, ResolutionEntry> {
    const groups = new Map<string, { peers: Map<string, FscPeerView>; services: FscListingView[] }>();
    const group = (id: string) => groups.get(id) ?? groups.set(id, { peers: new Map(), services: [] }).get(id)!;
    for (const p of fsc.peers) group(p.groupId).peers.set(p.id, p);
    for (const l of fsc.services) group(l.groupId).services.push(l);
    const claimedBy = new Map<string, string>();
    const organisations = new Map<string, { oins: Set<string> }>();
    // A service's coordinates are claimed by the data service whose publisher holds the peer's OIN, else the first by IRI.
    for (const view of [...views.values()].sort((a, b) => a.iri.localeCompare(b.iri))) {
      const pub = view.publisher;
      if (pub) {
        const org = organisations.get(pub.uri) ?? organisations.set(pub.uri, { oins: new Set() }).get(pub.uri)!;
        for (const oin of pub.oins) org.oins.add(oin);
      }
      for (const c of view.fsc) {
        const key = fscKey(c.groupId, c.peerId, c.serviceName);
        const held = claimedBy.get(key);
        const owns = pub?.oins.includes(c.peerId) ?? false;
        if (!held || (owns && !(views.get(held)?.publisher?.oins.includes(c.peerId) ?? false))) claimedBy.set(key, view.id);
      }
    }
    // A publisher that declares FSC coordinates with its own services is that peer, when it names no OIN otherwise.
    for (const view of views.values()) {
      const pub = view.publisher;
      if (pub && pub.oins.length === 0) for (const c of view.fsc) organisations.get(pub.uri)!.oins.add(c.peerId);
    }
    const published = (c: FscCoordinates) => listings.has(fscKey(c.groupId, c.peerId, c.serviceName));
    const entries = new Map<string, ResolutionEntry>();
    for (const view of views.values()) {
      const pub = view.publisher;
      const withOrganisation: ServiceView = pub ? { ...view, publisher: { ...pub, oins: [...organisations.get(pub.uri)!.oins].sort() } } : view;
      const json = JSON.stringify(resolveAnswer(withOrganisation, published));
      entries.set(view.id, { view: withOrganisation, json, etag: entityTag(json) });
    }
    const peersById = new Map<string, FscPeerView[]>();
    for (const p of fsc.peers) push(peersById, p.id, p);
    const listingGroups = new Map<string, string[]>();
    for (const l of fsc.services) push(listingGroups, fscKey('', l.peerId, l.name), l.groupId);
    this.entries = entries;
    this.byIri = new Map([...entries.values()].map((e) => [e.view.iri, e.view.id]));
    this.groups = new Map([...groups].map(([id, g]) => [id, {
      peers: [...g.peers.values()].sort((a, b) => a.id.localeCompare(b.id)),
      peersById: g.peers,
      services: g.services.sort((a, b) => a.peerId.localeCompare(b.peerId) || a.name.localeCompare(b.name)),
    }]));
    this.listings = listings;
    this.listingGroups = new Map([...listingGroups].map(([k, ids]) => [k, ids.sort()]));
    this.claimedBy = claimedBy;
    this.organisations = new Map([...organisations].map(([uri, o]) => {
      const oins = [...o.oins].sort();
      const fscPeers = oins.flatMap((oin) => peersById.get(oin) ?? []).map((p) => ({ groupId: p.groupId, peerId: p.id, name: p.name, managerAddress: p.managerAddress }))
        .sort((a, b) => a.groupId.localeCompare(b.groupId) || a.peerId.localeCompare(b.peerId));
      return [uri, { oins, fscPeers }];
    }));
    const byOin = new Map<string, string[]>();
    for (const [uri, o] of organisations) for (const oin of o.oins) push(byOin, oin, uri);
    this.organisationsByOin = new Map([...byOin].map(([oin, uris]) => [oin, uris.sort()]));
    return entries;
  }

  /** A data service's resolution by record id or IRI. Lifecycle states are of the day of the build; a new day rebuilds. */
  get(idOrIri: string): ResolutionEntry | undefined {
    const now = Date.now();
    if (now - this.dayCheckedAt > 1000) {
      this.dayCheckedAt = now;
      if (this.builtFor && this.builtFor !== today(this.now())) this.schedule();
    }
    return this.entries.get(idOrIri) ?? this.entries.get(this.byIri.get(idOrIri) ?? '');
  }

  /** Every data service the directory holds, by record id. */
  views(): ServiceView[] {
    return [...this.entries.values()].map((e) => e.view).sort((a, b) => a.id.localeCompare(b.id));
  }

  groupIds(): string[] {
    return [...this.groups.keys()].sort();
  }

  group(id: string): FscGroupView | undefined {
    return this.groups.get(id);
  }

  /** A peer as the Directory of its group lists it. */
  peer(groupId: string, peerId: string): FscPeerView | undefined {
    return this.groups.get(groupId)?.peersById.get(peerId);
  }

  /** The listing of FSC coordinates in a harvested Directory. */
  listing(groupId: string, peerId: string, serviceName: string): FscListingView | undefined {
    return this.listings.get(fscKey(groupId, peerId, serviceName));
  }

  /** The data service that describes the FSC service with these coordinates. */
  serviceFor(groupId: string, peerId: string, serviceName: string): ServiceView | undefined {
    const id = this.claimedBy.get(fscKey(groupId, peerId, serviceName));
    return id ? this.entries.get(id)?.view : undefined;
  }

  /** Groups listing a service of this peer with this name (to tell an ambiguous resolution). */
  groupsListing(peerId: string, serviceName: string): readonly string[] {
    return this.listingGroups.get(fscKey('', peerId, serviceName)) ?? [];
  }

  organisation(uri: string): OrganisationDirectory | undefined {
    return this.organisations.get(uri);
  }

  /** Organisations (their IRIs, TOOI where publishers use it) that hold an OIN: the crosswalk from an FSC peer. */
  organisationsWithOin(oin: string): readonly string[] {
    return this.organisationsByOin.get(oin) ?? [];
  }
}
