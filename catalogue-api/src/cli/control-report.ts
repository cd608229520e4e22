import type { Actor } from '../control/actor.js';
import type { AuditEntry } from '../control/audit-log.js';
import type { TokenRecord } from '../control/tokens.js';

/** Who an actor is, in a few words. */
export function describeActor(actor: Actor): string {
  switch (actor.kind) {
    case 'token': return `token ${actor.tokenId} '${actor.name}' (${actor.role === 'admin' ? 'admin' : actor.org})`;
    case 'cli': return `fedcat command by ${actor.user}`;
    case 'system': return `fedcat (${actor.reason})`;
  }
}

/** A table of tokens: id, role, organisation, name, created, last used, revoked. Never a secret. */
export function describeTokens(tokens: readonly TokenRecord[]): string {
  if (tokens.length === 0) return 'No tokens. Create one with: fedcat tokens create --org IRI --name NAME (or --admin)';
  return tokens.map((t) => [t.id, t.revokedAt ? `revoked ${t.revokedAt}` : t.role, t.org ?? '*', t.name,
    `created ${t.createdAt}`, t.lastUsedAt ? `last used ${t.lastUsedAt}` : 'never used'].join('\t')).join('\n');
}

/** The fields of a change that differ, as `field: before → after`. */
function changes(before: unknown, after: unknown): string {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return '';
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${k}: ${JSON.stringify(b[k]) ?? '–'} → ${JSON.stringify(a[k]) ?? '–'}`).join(', ');
}

/** Audit entries, one line each, newest first. */
export function describeAudit(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return 'No changes recorded.';
  return entries.map((e) => {
    const what = changes(e.before, e.after);
    return `${e.at}\t${e.action}\t${e.target}\t${describeActor(e.actor)}${what ? `\t${what}` : ''}`;
  }).join('\n');
}
