import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PrivateAccess } from '@fedcat/harvester';
import type { Source } from '@fedcat/catalogue';
import { harvestAll } from '../harvest/runner.js';
import { loadConfig, servedBaseUrl, type Config } from '../config/load-config.js';
import { baseUrlChange } from '../control/minted-base.js';
import { freePort } from './free-port.js';
import { startDemoPublisher } from '../demo/publisher.js';
import { InvalidSource } from '../control/sources.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { startServer } from '../http/server.js';
import { describeOutcome } from './report.js';
import { auditCommand, tokensCommand } from './control-commands.js';
import { sourcesCommand } from './sources-command.js';
import { UsageError } from './usage-error.js';
import { UserError } from '../user-error.js';
import { ProgressView } from './progress-view.js';
import { limitHeapGrowth } from './heap-growth.js';
import { DEFAULT_PROFILE_ID, PROFILES } from '@fedcat/shapes';
import { qualityCommand } from './quality-command.js';
import { validateCommand } from './validate-command.js';
import { migrateCommand, reindexCommand } from './backend-commands.js';
import { runnerDeps } from '../harvest/runner-deps.js';

const USAGE = `fedcat: federated data catalogue

Usage:
  fedcat serve [--port N] [--data DIR] [--host H]    serve API and UI (FEDCAT_PORT=8080, FEDCAT_DATA_DIR=./data)
  fedcat demo [--port N] [--data DIR]                serve with the demo organisations harvested
  fedcat sources add URL|PATH [options]              register (or update) a source
      --id ID             short id (default: from the URL)
      --org IRI           owning organisation
      --kind KIND         catalogue (RDF document, Hydra paging followed; default), sparql (endpoint), files (file or directory),
                          fsc-directory (an FSC Directory Manager's /v1 base: its peers and services)
      --fsc-group ID      the FSC group an fsc-directory source lists
      --every INTERVAL    harvest on a schedule while fedcat serves, e.g. 30m, 6h, 1d ('off' removes it)
      --max-bytes N, --max-pages N, --max-records N    per-source caps
      --invalid MODE      records failing a gating shape: quarantine (kept apart, default) or skip
      --profile NAME      the validation profile that gates its records ('default': FEDCAT_HARVEST_PROFILE, ${DEFAULT_PROFILE_ID} unless set)
  fedcat sources list [--json]                       list sources and their last harvest
  fedcat sources runs ID [--json]                    a source's last 50 harvest runs, newest first
  fedcat sources pause ID | resume ID                stop or restart harvesting a source (its data stays)
  fedcat sources remove ID                           unregister a source and drop everything harvested from it
  fedcat tokens create --org IRI --name NAME         an API token for one organisation's data owners (printed once)
  fedcat tokens create --admin --name NAME           an API token for operators (every source)
  fedcat tokens list [--json] | revoke ID            tokens (never their secrets) / revoke one at once
  fedcat audit [--source ID] [--limit N] [--json]    who changed which source or token, when, before and after
  fedcat validate FILE|URL [options]                 validate a catalogue without storing it; exit 1 on violations
      --profile NAME      ${PROFILES.map((p) => p.id).join(', ')} (default ${DEFAULT_PROFILE_ID})
      --shapes FILE       validate with your own shape files instead (repeatable)
      --format F          text (default), json or turtle (an sh:ValidationReport); --lang nl|en for text
  fedcat quality FILE|URL [options]                  the EU metadata quality score (MQA) of each dataset, per indicator
      --profile NAME      the profile that decides DCAT-AP compliance (default: FEDCAT_HARVEST_PROFILE)
      --offline           do not check access and download URLs (their indicators stay unmeasured)
      --format F          text (default) or json; --lang nl|en
  fedcat harvest [--all | --source ID] [--full]      harvest now (incremental; --full revalidates all), sources in parallel
                                                     with live progress; exit 1 if a source failed
  fedcat reindex                                     rebuild the search index from the store (e.g. after restoring a backup)
  fedcat migrate --to sparql|oxigraph [--search embedded|meilisearch]
                                                     copy every graph from the configured store (FEDCAT_STORE) to the other
                                                     one, then rebuild the search index (--search: into that backend)

Harvesting from private or loopback addresses is refused unless FEDCAT_HARVEST_ALLOW_PRIVATE is
'true' or a comma-separated list of host:port origins; local files only below FEDCAT_HARVEST_FILES.
FEDCAT_HARVEST_CONCURRENCY (2) sources run at once, with at most FEDCAT_HARVEST_PER_HOST (2) requests per host;
FEDCAT_HARVEST_HEAP_GROWTH (30) percent of heap growth before a harvest collects garbage (lower: leaner, slower).
JSON-LD contexts named by URL are never fetched: only those in FEDCAT_JSONLD_CONTEXTS (a directory with an index.json).

Backends: FEDCAT_STORE=oxigraph (embedded, default) or sparql (FEDCAT_STORE_QUERY_URL, FEDCAT_STORE_UPDATE_URL,
FEDCAT_STORE_GSP_URL, FEDCAT_STORE_USER + FEDCAT_STORE_PASSWORD or FEDCAT_STORE_TOKEN); FEDCAT_SEARCH=embedded (default)
or meilisearch (FEDCAT_MEILI_URL, FEDCAT_MEILI_KEY). See docs/deployment.md.`;

const options = {
  port: { type: 'string' }, data: { type: 'string' }, host: { type: 'string' }, id: { type: 'string' }, org: { type: 'string' },
  json: { type: 'boolean' }, all: { type: 'boolean' }, full: { type: 'boolean' }, source: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  admin: { type: 'boolean' }, name: { type: 'string' }, limit: { type: 'string' },
  profile: { type: 'string' }, shapes: { type: 'string', multiple: true }, format: { type: 'string' }, lang: { type: 'string' },
  offline: { type: 'boolean' }, to: { type: 'string' }, search: { type: 'string' }, invalid: { type: 'string' }, kind: { type: 'string' }, 'fsc-group': { type: 'string' }, every: { type: 'string' }, 'max-bytes': { type: 'string' }, 'max-pages': { type: 'string' }, 'max-records': { type: 'string' },
} as const;

/** On SIGINT or SIGTERM, closes each part in order and exits. */
function stopOnSignal(...closers: (() => Promise<unknown>)[]): void {
  const stop = async () => {
    for (const close of closers) await close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Harvests one source (by id), or every unpaused source (of those `only` keeps, when it is a filter). */
async function harvest(runtime: Runtime, config: Config, only?: string | ((s: Source) => boolean), full = false): Promise<number> {
  const all = typeof only === 'function' ? (await runtime.sources.list()).filter(only) : await runtime.sources.list();
  const one = typeof only === 'string' ? only : undefined;
  const sources = one ? all.filter((s) => s.id === one) : all.filter((s) => !s.paused);
  if (one && sources.length === 0) throw new InvalidSource(`no source with id '${one}'; see fedcat sources list`);
  if (one && sources[0]!.paused) throw new UsageError(`${one} is paused; resume it first: fedcat sources resume ${one}`);
  for (const s of all.filter((x) => x.paused && !one)) console.error(`- ${s.id}: paused, not harvested (fedcat sources resume ${s.id})`);
  if (sources.length === 0) {
    console.error('No sources registered. Add one with: fedcat sources add URL');
    return 0;
  }
  const change = baseUrlChange(runtime.mintedBase.record(config.baseUrl), config.baseUrl);
  if (change) console.error(`! ${change}`);
  const view = new ProgressView(process.stderr, process.stdout);
  const results = await harvestAll(sources, await runnerDeps(runtime, config, {
    full,
    onEvent: async (e) => {
      switch (e.phase) {
        case 'started': view.start(e.source.id); view.print(`… harvesting ${e.source.id} from ${e.source.url}`); break;
        case 'progress': view.update(e.source.id, e.progress); break;
        case 'busy': view.print(`- ${e.source.id}: skipped, another fedcat process is harvesting it`); break;
        case 'warning': view.print(`! ${e.source.id}: ${e.message}`); break;
        case 'ended': view.end(e.source.id, describeOutcome(e.outcome, await runtime.runs.status(e.source.id))); break;
      }
    },
  }));
  view.stop();
  const failed = results.filter((o) => o.kind === 'failed').length;
  const busy = results.filter((o) => o.kind === 'busy').length;
  console.error(`${results.length - failed - busy} of ${results.length} sources harvested${failed ? `, ${failed} failed` : ''}${busy ? `, ${busy} already being harvested` : ''}.`);
  return failed > 0 ? 1 : 0;
}

async function demo(config: Config): Promise<void> {
  const publisher = await startDemoPublisher();
  // The demo publisher is on loopback: allow it, besides whatever FEDCAT_HARVEST_ALLOW_PRIVATE allows already.
  const allowed = config.fetchPolicy.privateAccess;
  const privateAccess: PrivateAccess = allowed.kind === 'all' ? allowed
    : { kind: 'origins', origins: new Set([publisher.origin.slice(7), ...(allowed.kind === 'origins' ? allowed.origins : [])]) };
  const demoConfig: Config = {
    ...config, fetchPolicy: { ...config.fetchPolicy, privateAccess },
    // A link outside the demo names a host that does not exist: do not wait long for it.
    linkCheck: config.linkCheck && { ...config.linkCheck, timeoutMs: Math.min(config.linkCheck.timeoutMs, 3000) },
    serviceCheck: config.serviceCheck && { ...config.serviceCheck, timeoutMs: Math.min(config.serviceCheck.timeoutMs, 3000) },
  };
  const runtime = openRuntime(demoConfig);
  // The demo's sources, owned by their organisations (the publisher's port is new each start: their URLs follow it).
  for (const source of publisher.sources) await runtime.sources.upsert(source, { kind: 'system', reason: 'demo' });
  const app = await startServer(demoConfig, runtime);
  console.error(`fedcat demo: publisher at ${publisher.origin}; harvesting ${publisher.sources.length} demo sources…`);
  // Only the demo's own sources: others registered in this data directory keep their own schedule.
  const ids = new Set(publisher.sources.map((s) => s.id));
  await harvest(runtime, demoConfig, (s) => ids.has(s.id));
  const owned = publisher.sources.find((s) => s.org);
  const url = servedBaseUrl(config.host, config.port);
  console.error(`\nfedcat is running: open ${url}/ (API docs: ${url}/v1/docs; /v1/search, /sparql, /catalog, /metrics). Ctrl-C stops.`);
  if (owned) {
    console.error(`To manage the demo source ${owned.id} as its owner, create a token for its organisation (printed once):\n`
      + `  npx fedcat tokens create --org ${owned.org} --name demo${config.dataDir === resolve('./data') ? '' : ` --data ${config.dataDir}`}\n`
      + `then: curl -H "Authorization: Bearer <token>" ${url}/v1/sources/${owned.id}`);
  }
  stopOnSignal(() => app.close(), () => runtime.close(), () => publisher.close());
}

/** The command line, read against the options; an unknown option or a missing value is a UsageError. */
function parsedArguments(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    if (err instanceof TypeError) throw new UsageError(err.message);
    throw err;
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parsedArguments(argv);
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const flags = { port: values.port, data: values.data, host: values.host };
  let config = loadConfig(process.env, flags);
  // Any free port (0) for a server whose links follow the address served: take one now, so links name it.
  if ((command === 'serve' || command === 'demo') && config.port === 0 && config.baseUrlFrom === 'served') {
    config = loadConfig(process.env, { ...flags, port: String(await freePort(config.host)) });
  }
  switch (command) {
    case 'serve': {
      const runtime = openRuntime(config);
      const app = await startServer(config, runtime);
      stopOnSignal(() => app.close(), () => runtime.close());
      return -1;
    }
    case 'demo':
      await demo(config);
      return -1;
    case 'sources': {
      const runtime = openRuntime(config, { lazyStore: true });
      try {
        const code = await sourcesCommand(runtime, sub, arg, values);
        if (code === 2) console.error(USAGE);
        return code;
      } finally {
        await runtime.close();
      }
    }
    case 'tokens':
    case 'audit': {
      const runtime = openRuntime(config, { lazyStore: true });
      try {
        const code = command === 'tokens' ? tokensCommand(runtime, sub, arg, values) : auditCommand(runtime, { ...values, source: values.source ?? sub });
        if (code === 2) console.error(USAGE);
        return code;
      } finally {
        await runtime.close();
      }
    }
    case 'validate':
      return validateCommand(sub, values, { policy: config.fetchPolicy, defaultProfile: config.harvestProfile });
    case 'quality':
      return qualityCommand(sub, values, { policy: config.fetchPolicy, profile: config.harvestProfile, linkCheck: config.linkCheck, perHost: config.harvestPerHost });
    case 'harvest': {
      const runtime = openRuntime(config, { lazyStore: true });
      try {
        limitHeapGrowth(config.harvestHeapGrowth);
        return await harvest(runtime, config, values.all ? undefined : values.source, values.full ?? false);
      } finally {
        await runtime.close();
      }
    }
    case 'reindex':
    case 'migrate': {
      // An embedded store is read from its files and started only to list its graphs: no second copy in memory.
      const runtime = openRuntime(config, { lazyStore: true });
      // The store's worker and poll timer do not hold the process open; while waiting on them, this does.
      const keepAlive = setInterval(() => undefined, 60_000);
      try {
        return command === 'reindex' ? await reindexCommand(runtime) : await migrateCommand(runtime, config, values.to, values.search);
      } finally {
        clearInterval(keepAlive);
        await runtime.close();
      }
    }
    default:
      console.error(`Unknown command '${command}'.\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => { if (code >= 0) process.exitCode = code; },
  (err: unknown) => {
    if (err instanceof UserError) {
      console.error(`fedcat: ${err.message}`);
      process.exitCode = err.exitCode;
    } else if ((err as { code?: string }).code === 'EADDRINUSE') {
      console.error(`fedcat: ${(err as Error).message}; choose another port with --port or FEDCAT_PORT`);
      process.exitCode = 1;
    } else {
      console.error(err);
      process.exitCode = 1;
    }
    // Servers or workers started before the failure must not keep a failed command alive.
    setTimeout(() => process.exit(), 100).unref();
  },
);
