import { sourceKind, type SourceKind } from '@fedcat/catalogue';
import { cliActor } from '../control/actor.js';
import { InvalidSource, UnknownSource } from '../control/sources.js';
import type { Runtime } from '../runtime.js';
import { dropSourceData } from '../maintenance/remove-source.js';
import { describeRuns, describeSources } from './report.js';
import { UsageError } from './usage-error.js';

export interface SourceArgs {
  readonly id?: string;
  readonly org?: string;
  readonly kind?: string;
  readonly 'fsc-group'?: string;
  readonly every?: string;
  readonly invalid?: string;
  readonly profile?: string;
  readonly 'max-bytes'?: string;
  readonly 'max-pages'?: string;
  readonly 'max-records'?: string;
  readonly json?: boolean;
}

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidSource(`--${name} must be a positive integer, not '${value}'`);
  return n;
}

async function registered(runtime: Runtime, id: string | undefined, usage: string) {
  const source = id ? await runtime.sources.get(id) : undefined;
  if (!source) throw new InvalidSource(`give the id of a registered source: fedcat sources ${usage} ID (see fedcat sources list)`);
  return source;
}

/** `fedcat sources add|list|runs|pause|resume|remove`; changes are audited as made by the OS user. */
export async function sourcesCommand(runtime: Runtime, sub: string | undefined, arg: string | undefined, args: SourceArgs): Promise<number> {
  switch (sub) {
    case 'add': {
      if (!arg) throw new InvalidSource('give the URL of a DCAT catalogue: fedcat sources add URL');
      const source = await runtime.sources.upsert({
        url: arg, ...(args.id !== undefined ? { id: args.id } : {}), ...(args.org !== undefined ? { org: args.org } : {}),
        ...(args.kind !== undefined ? { kind: args.kind as SourceKind } : {}),
        ...(args['fsc-group'] !== undefined ? { fscGroup: args['fsc-group'] } : {}),
        ...(args.every !== undefined ? { interval: args.every === 'off' ? null : args.every } : {}),
        ...(args.invalid !== undefined ? { invalidRecords: args.invalid as 'skip' | 'quarantine' } : {}),
        ...(args.profile !== undefined ? { profile: args.profile === 'default' ? null : args.profile } : {}),
        limits: { maxBytes: positive('max-bytes', args['max-bytes']), maxPages: positive('max-pages', args['max-pages']), maxRecords: positive('max-records', args['max-records']) },
      }, cliActor());
      console.log(args.json ? JSON.stringify(source) : `Registered ${source.id} (${sourceKind(source)}) → ${source.url}${source.interval ? `, every ${source.interval}` : ''}${source.profile ? `, validated with ${source.profile}` : ''}${source.paused ? ' (paused)' : ''}`);
      return 0;
    }
    case 'runs': {
      const source = await registered(runtime, arg, 'runs');
      const runs = await runtime.runs.history(source.id);
      console.log(args.json ? JSON.stringify(runs, null, 2) : describeRuns(runs));
      return 0;
    }
    case 'list': {
      const rows = await Promise.all((await runtime.sources.list()).map(async (s) => ({ ...s, ...(await runtime.runs.status(s.id)) })));
      console.log(args.json ? JSON.stringify(rows, null, 2) : describeSources(rows));
      return 0;
    }
    case 'pause':
    case 'resume': {
      const source = await registered(runtime, arg, sub);
      await runtime.sources.update(source.id, { paused: sub === 'pause' }, cliActor());
      console.error(sub === 'pause' ? `Paused ${source.id}: its data stays; it is not harvested until fedcat sources resume ${source.id}.` : `Resumed ${source.id}.`);
      return 0;
    }
    case 'remove': {
      const source = await registered(runtime, arg, 'remove');
      if (await runtime.running.get(source.id)) throw new UsageError(`${source.id} is being harvested; remove it when the harvest has ended`);
      await runtime.sources.remove(source.id, cliActor()).catch((err: unknown) => { throw err instanceof UnknownSource ? new InvalidSource(err.message) : err; });
      await dropSourceData(source.id, runtime);
      console.error(`Removed ${source.id} and everything harvested from it.`);
      return 0;
    }
    default:
      return 2;
  }
}
