import type { ServiceView } from '../directory/service-view.js';

/**
 * fedcat's data services in the shapes of developer.overheid.nl's API register (`GET /apis`, `GET /apis/{id}`), so a
 * client or dashboard of that register can point at fedcat. Pure. The register lists APIs with an OpenAPI document
 * and a contact e-mail; a data service without a description fedcat could read, or without an e-mail, is not listed.
 */

export interface RegisterSummary {
  readonly id: string;
  readonly contact: { readonly email: string; readonly name: string; readonly url: string };
  readonly title: string;
  readonly description: string;
  readonly organisation: { readonly uri: string; readonly label: string };
  readonly adrScore: number | null;
  readonly lifecycle: { readonly status: string; readonly version: string; readonly deprecated?: string; readonly sunset?: string };
}

export interface RegisterDetail extends RegisterSummary {
  readonly oasUrl: string | null;
  readonly auth: readonly string[];
  readonly docsUrl: string | null;
  readonly servers: readonly { readonly url: string; readonly description: string }[];
}

/** The register's filters of `GET /apis` (each list: any of its values). */
export interface RegisterFilters {
  readonly organisation?: string;
  readonly ids?: readonly string[];
  readonly status?: readonly string[];
  readonly oasVersion?: readonly string[];
  /** Exact scores, or `unknown` for APIs without one. */
  readonly adrScore?: readonly string[];
  readonly auth?: readonly string[];
}

/** A data service as the register's ApiDetail, or null when the register would not list it. `page`: its fedcat page. */
export function registerDetail(view: ServiceView, page: string): RegisterDetail | null {
  const api = view.api;
  const email = view.contact?.email;
  if (!api?.lifecycle || !view.publisher || !email) return null;
  const { status, deprecated, sunset } = api.lifecycle;
  return {
    id: view.id,
    contact: { email, name: view.contact?.name ?? view.publisher.name ?? view.title, url: view.contact?.url ?? page },
    title: view.title,
    description: view.description,
    organisation: { uri: view.publisher.uri, label: view.publisher.name ?? view.publisher.uri },
    adrScore: api.designRules.score,
    lifecycle: { status, version: api.version ?? '', ...(deprecated ? { deprecated } : {}), ...(sunset ? { sunset } : {}) },
    oasUrl: api.descriptionUrl || null,
    auth: api.authTypes,
    docsUrl: api.docsUrl,
    servers: api.servers.map((s) => ({ url: s.url, description: s.description ?? '' })),
  };
}

/** The summary part of a detail (what `GET /apis` lists). */
export function registerSummary(d: RegisterDetail): RegisterSummary {
  const { id, contact, title, description, organisation, adrScore, lifecycle } = d;
  return { id, contact, title, description, organisation, adrScore, lifecycle };
}

const anyOf = (wanted: readonly string[] | undefined, has: (v: string) => boolean) => !wanted || wanted.length === 0 || wanted.some(has);

/** Whether an API passes the register's filters. */
export function matchesFilters(d: RegisterDetail, f: RegisterFilters): boolean {
  return (!f.organisation || d.organisation.uri === f.organisation)
    && anyOf(f.ids, (id) => id === d.id)
    && anyOf(f.status, (s) => s === d.lifecycle.status)
    && anyOf(f.oasVersion, (v) => v === d.lifecycle.version)
    && anyOf(f.adrScore, (s) => (s === 'unknown' ? d.adrScore === null : d.adrScore !== null && Number(s) === d.adrScore))
    && anyOf(f.auth, (a) => d.auth.includes(a));
}

/** A query value the register lets be repeated or comma-separated, as a list. */
export function listParam(value: string | readonly string[] | undefined): string[] {
  return (typeof value === 'string' ? [value] : value ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}
