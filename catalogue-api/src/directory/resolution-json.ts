import type { FscCoordinates, FscListingView, FscPeerView, ServiceView } from './service-view.js';

/** Where a data service's record, access conditions and resolution live in this API. */
export const paths = {
  record: (id: string) => `/v1/dataservices/${id}`,
  accessConditions: (id: string) => `/v1/dataservices/${id}/access-conditions`,
  resolve: (id: string) => `/v1/resolve?service=${id}`,
  fscResolve: (c: { groupId: string; peerId: string; serviceName: string }) =>
    `/v1/fsc/resolve?group_id=${encodeURIComponent(c.groupId)}&peer_id=${encodeURIComponent(c.peerId)}&service_name=${encodeURIComponent(c.serviceName)}`,
};

/** The key of FSC coordinates. */
export const fscKey = (groupId: string, peerId: string, serviceName: string) => `${groupId}\n${peerId}\n${serviceName}`;

/**
 * What a gateway that does not speak FSC needs to reach a data service (`GET /v1/resolve`): its endpoints, the servers
 * of its OpenAPI description (only those of `environment` when one is asked for), the description's URL and hash,
 * authentication, lifecycle, health (the description's last fetch), access rights, its FSC coordinates and where the
 * access conditions are. Pure.
 */
export function resolveAnswer(view: ServiceView, published: (c: FscCoordinates) => boolean, environment?: string) {
  const api = view.api;
  const env = environment?.trim().toLowerCase();
  const servers = (api?.servers ?? []).filter((s) => !env || (s.description ?? '').toLowerCase().includes(env) || s.url.toLowerCase().includes(env));
  return {
    service: { id: view.id, iri: view.iri, title: view.title, publisher: view.publisher },
    endpoints: view.endpointUrls,
    servers,
    openapi: api && {
      url: api.descriptionUrl, sha256: api.sha256, status: api.status, openapiVersion: api.openapiVersion, version: api.version, docsUrl: api.docsUrl,
    },
    auth: api?.authTypes ?? [],
    lifecycle: api?.lifecycle ?? null,
    health: api ? { description: api.status === 'unreachable' ? 'unreachable' : 'reachable', httpStatus: api.httpStatus, checkedAt: api.checkedAt } : null,
    accessRights: view.accessRights,
    fsc: view.fsc.map((c) => ({
      groupId: c.groupId, peerId: c.peerId, serviceName: c.serviceName, publishedInDirectory: published(c), resolve: paths.fscResolve(c),
    })),
    accessConditions: paths.accessConditions(view.id),
    record: paths.record(view.id),
  };
}

/** What `GET /v1/fsc/groups/{group}/services` adds beside FSC's own listing: the catalogue's view of the service. */
export function catalogueLink(view: ServiceView) {
  return {
    dataservice_id: view.id, dataservice_uri: view.iri, publisher_tooi: view.publisher?.uri ?? null, access_rights: view.accessRights,
    oas_url: view.api?.descriptionUrl ?? null, lifecycle_status: view.api?.lifecycle?.status ?? null,
    access_conditions: paths.accessConditions(view.id),
  };
}

/** One FSC `serviceListing` exactly as FSC shapes it (`type` on the wrapper too, as its schema requires), plus `catalogue`. */
export function fscServiceListing(listing: FscListingView, peer: FscPeerView | undefined, view: ServiceView | undefined) {
  const data = {
    type: listing.type, name: listing.name, protocol: listing.protocol,
    peer: { id: listing.peerId, name: peer?.name ?? listing.peerId, manager_address: peer?.managerAddress ?? '' },
    ...(listing.delegator ? { delegator: { peer_id: listing.delegator.peerId, peer_name: listing.delegator.peerName } } : {}),
  };
  return { type: listing.type, data, ...(view ? { catalogue: catalogueLink(view) } : {}) };
}

/** One FSC `peer`. */
export function fscPeer(peer: FscPeerView) {
  return { id: peer.id, name: peer.name, manager_address: peer.managerAddress };
}

const CONNECTION_GRANTS = ['GRANT_TYPE_SERVICE_CONNECTION', 'GRANT_TYPE_DELEGATED_SERVICE_CONNECTION'] as const;

/**
 * `GET /v1/fsc/resolve`: what an Outway-side tool needs to prepare a connection to an FSC service: the provider's
 * Manager, its token and contract endpoints, the connection grant types, grant properties the provider requires
 * (regulated area), the OpenAPI description and its hash, and where the access conditions are. Never a grant hash,
 * token or Inway address: those are per consumer, and FSC gives the Inway only in the access token. Pure.
 */
export function fscResolveAnswer(listing: FscListingView, peer: FscPeerView, view: ServiceView | undefined, groupPeer: (peerId: string) => FscPeerView | undefined) {
  const manager = peer.managerAddress.replace(/\/+$/, '');
  const coordinates = view?.fsc.find((c) => c.groupId === listing.groupId && c.peerId === listing.peerId && c.serviceName === listing.name);
  const area = coordinates?.regulatedArea ?? null;
  const administrator = coordinates?.membershipAdministrator ?? null;
  const administratorPeer = administrator ? groupPeer(administrator) : undefined;
  return {
    group_id: listing.groupId,
    service: {
      peer_id: listing.peerId, name: listing.name, protocol: listing.protocol, type: listing.type,
      delegator: listing.delegator ? { peer_id: listing.delegator.peerId, peer_name: listing.delegator.peerName } : null,
    },
    provider_manager_address: peer.managerAddress,
    token_endpoint: `${manager}/v1/token`,
    contract_endpoint: `${manager}/v1/contracts`,
    connection_grant_types: [...CONNECTION_GRANTS],
    ...(area ? {
      required_grant_properties: { regulated_area_name: area, ...(administrator ? { membership_administrator_peer_id: administrator } : {}) },
      regulated_area: {
        name: area,
        ...(administratorPeer ? { members_url: `${administratorPeer.managerAddress.replace(/\/+$/, '')}/v1/regulated-areas/${encodeURIComponent(area)}/members` } : {}),
      },
    } : {}),
    oas_url: view?.api?.descriptionUrl ?? null,
    oas_sha256: view?.api?.sha256 ?? null,
    access: view ? { href: paths.accessConditions(view.id) } : null,
    catalogue: view ? catalogueLink(view) : null,
    source: { listed_at: listing.listedAt },
  };
}
