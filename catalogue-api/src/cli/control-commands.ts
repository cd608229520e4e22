import type { Role } from '../control/actor.js';
import { cliActor } from '../control/actor.js';
import { InvalidTokenRequest } from '../control/tokens.js';
import { UsageError } from './usage-error.js';
import type { Runtime } from '../runtime.js';
import { describeAudit, describeTokens } from './control-report.js';

export interface ControlArgs {
  readonly org?: string;
  readonly admin?: boolean;
  readonly name?: string;
  readonly source?: string;
  readonly limit?: string;
  readonly json?: boolean;
}

/**
 * `fedcat tokens create|list|revoke`. A new token is printed once, alone on stdout (so a script can capture it);
 * what it is goes to stderr. Only its SHA-256 is kept.
 */
export function tokensCommand(runtime: Runtime, sub: string | undefined, arg: string | undefined, args: ControlArgs): number {
  const { tokens } = runtime;
  switch (sub) {
    case 'create': {
      const role: Role = args.admin ? 'admin' : 'organisation';
      if (!args.admin && !args.org) throw new InvalidTokenRequest('say whom the token acts for: --org <organisation IRI>, or --admin for an operator');
      const { token, record } = tokens.create({ role, org: args.admin ? (args.org ?? null) : args.org!, name: args.name ?? '' }, cliActor());
      console.log(args.json ? JSON.stringify({ token, ...record }) : token);
      console.error(`Created ${role === 'admin' ? 'an admin' : 'an organisation'} token ${record.id} '${record.name}'${record.org ? ` for ${record.org}` : ''}.`
        + ' It is shown only now and fedcat keeps only its hash: store it safely. Revoke it with fedcat tokens revoke ' + record.id);
      return 0;
    }
    case 'list':
      console.log(args.json ? JSON.stringify(tokens.list(), null, 2) : describeTokens(tokens.list()));
      return 0;
    case 'revoke': {
      if (!arg) throw new InvalidTokenRequest('give the id of the token to revoke: fedcat tokens revoke ID (see fedcat tokens list)');
      const record = tokens.revoke(arg, cliActor());
      console.error(`Revoked token ${record.id} '${record.name}' at ${record.revokedAt}.`);
      return 0;
    }
    default:
      return 2;
  }
}

/** `fedcat audit [--source ID] [--limit N]`: the audit log, newest first. */
export function auditCommand(runtime: Runtime, args: ControlArgs): number {
  const limit = args.limit === undefined ? 50 : Number(args.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive integer, not '${args.limit}'`);
  const entries = runtime.audit.list({ ...(args.source ? { target: `source:${args.source}` } : {}), limit });
  console.log(args.json ? JSON.stringify(entries, null, 2) : describeAudit(entries));
  return 0;
}
