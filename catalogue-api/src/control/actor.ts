import { userInfo } from 'node:os';

/** What a token may do: everything (operators) or manage one organisation's sources. */
export type Role = 'admin' | 'organisation';

/** Who made a change, as the audit log records it. Never carries a token's secret. */
export type Actor =
  | { readonly kind: 'token'; readonly tokenId: string; readonly name: string; readonly role: Role; readonly org: string | null }
  /** Someone with access to the data directory, using the `fedcat` command. */
  | { readonly kind: 'cli'; readonly user: string }
  /** fedcat itself (the demo's registrations, importing an older data directory). */
  | { readonly kind: 'system'; readonly reason: string };

export const SYSTEM_ACTOR: Actor = { kind: 'system', reason: 'fedcat' };

/** The operating-system user running this `fedcat` command. */
export function cliActor(): Actor {
  let user = 'unknown';
  try { user = userInfo().username; } catch { /* no passwd entry (containers) */ }
  return { kind: 'cli', user };
}
