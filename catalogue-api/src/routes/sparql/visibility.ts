import type { FastifyRequest } from 'fastify';
import type { GraphVisibility } from '@fedcat/catalogue';
import type { Authenticator } from '../../http/auth.js';
import type { SourceRegistry } from '../../control/sources.js';

/** What a SPARQL request may see, and who asks (the key its fair share is kept under). */
export interface RequestScope {
  readonly visibility: GraphVisibility;
  readonly client: string;
  /** True when the answer depends on the token (it may then only be cached privately). */
  readonly personal: boolean;
}

/**
 * The published graphs for everyone; with an organisation's token also the quarantine graphs of that organisation's
 * sources; with an admin token every quarantine graph. The client is the token's name, else the address.
 */
export function requestScope(auth: Authenticator, sources: SourceRegistry) {
  return async (request: FastifyRequest): Promise<RequestScope> => {
    const principal = auth.principal(request);
    if (!principal) return publicScope(request);
    const client = `token:${principal.name}`;
    if (principal.role === 'admin') return { visibility: { quarantineOf: 'all' }, client, personal: true };
    const own = (await sources.list()).filter((s) => s.org === principal.org).map((s) => s.id);
    return { visibility: { quarantineOf: own }, client, personal: true };
  };
}

/** The scope of a request when no tokens are known (tests, the federated endpoint): public, by address. */
export const publicScope = async (request: FastifyRequest): Promise<RequestScope> => ({ visibility: { quarantineOf: [] }, client: `ip:${request.ip}`, personal: false });
