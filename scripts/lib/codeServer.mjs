// Starts code-server (VS Code server + web workbench) in an isolated temp folder: its own
// user-data, extensions dir and XDG dirs, so nothing leaks into $HOME or between runs.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureHost } from './hostInstaller.mjs';
import { codeServerEntry, node24Env } from './hostInstaller.mjs';
import { freePort, removeOnExit, run, spawnGroup, stopGroup, waitFor } from './processes.mjs';
import { redact } from './secrets.mjs';

/** Settings that keep the workbench quiet and deterministic for scripted use. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
};

/** XDG dirs inside `root`: code-server and Chromium both write config and logs there. */
export function xdgEnv(root) {
  return {
    XDG_CONFIG_HOME: join(root, 'xdg', 'config'),
    XDG_DATA_HOME: join(root, 'xdg', 'data'),
    XDG_CACHE_HOME: join(root, 'xdg', 'cache'),
  };
}

/**
 * @typedef {object} CodeServerOptions
 * @property {string} extensionDevelopmentPath absolute path of the extension folder
 * @property {number} [port] default: a free port
 * @property {Record<string,string>} [env] extra environment; it reaches the extension host's process.env
 * @property {Record<string,unknown>} [settings] user settings merged over QUIET_SETTINGS
 * @property {boolean} [smokeTestDriver] default true: without it the workbench ignores the payload
 * @property {boolean} [echo] stream server output to stdout
 * @property {boolean} [keepTemp] keep the temp folder after stop (debugging)
 * @property {string} [vsix] install this packaged extension before starting (as a user would)
 * @property {string} [locale] display language of the workbench and `vscode.env.language` of the
 *   extension host (code-server --locale), e.g. 'qps-ploc' for the pseudo language
 */

/**
 * The server switches the workbench (and so `vscode.env.language` in the extension host) to a
 * locale only when a language pack for it is registered in the user-data dir; otherwise it stays
 * in English whatever --locale says. No pack exists offline (nor at all for the pseudo language),
 * so register an empty one: VS Code's own texts stay English, while extensions read their
 * `package.nls.<locale>.json` and `l10n/bundle.l10n.<locale>.json`.
 */
function registerLanguagePack(userData, locale) {
  const translations = join(userData, 'empty-language-pack.i18n.json');
  writeFileSync(translations, JSON.stringify({ contents: {} }));
  const pack = { hash: `empty-${locale}`, extensions: [{ extensionIdentifier: { id: 'ccx.empty-language-pack' }, version: '0.0.0' }], translations: { vscode: translations }, label: locale };
  writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/** @param {CodeServerOptions} options */
export async function startCodeServer(options) {
  const { extensionDevelopmentPath, env = {}, settings = {}, smokeTestDriver = true, echo = false, keepTemp = false } = options;
  const host = await ensureHost();
  const port = options.port ?? (await freePort());
  const temp = mkdtempSync(join(tmpdir(), 'ccx-host-'));
  const removeTemp = keepTemp ? () => {} : removeOnExit(temp);
  const userData = join(temp, 'user-data');
  const extensionsDir = join(temp, 'extensions');
  const workspace = join(temp, 'workspace');
  for (const dir of [join(userData, 'User'), extensionsDir, workspace]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(temp, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  if (options.locale && !options.locale.startsWith('en')) registerLanguagePack(userData, options.locale);

  const childEnv = {
    ...node24Env(host),
    ...xdgEnv(temp),
    // No marketplace: offline, and extension recommendations would only add noise.
    EXTENSIONS_GALLERY: '{}',
    ...env,
  };
  // Flags meant for the system Node 20 (e.g. a tsx loader) must not reach Node 24.
  delete childEnv.NODE_OPTIONS;

  if (options.vsix) {
    const installed = await run(host.node, [
      codeServerEntry(host), '--extensions-dir', extensionsDir, '--user-data-dir', userData, '--install-extension', options.vsix, '--force',
    ], { env: childEnv, cwd: temp, stdio: ['ignore', 'ignore', 'inherit'] });
    if (installed !== 0) {
      removeTemp();
      throw new Error(`code-server could not install ${options.vsix} (exit ${installed})`);
    }
  }

  const args = [
    codeServerEntry(host),
    '--config', join(temp, 'config.yaml'),
    '--user-data-dir', userData,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.locale ? ['--locale', options.locale] : []),
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    workspace,
  ];
  const child = spawnGroup(host.node, args, { env: childEnv, cwd: temp, name: 'code-server' });
  let output = '';
  const onData = (chunk) => {
    const clean = redact(String(chunk));
    output += clean;
    if (echo) process.stdout.write(clean.replace(/^(?=.)/gm, '[code-server] '));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited;
  // Resolves when the group leader exits, for callers that must notice an unexpected stop.
  const exitedPromise = new Promise((resolve) => child.once('exit', (code) => resolve((exited = code ?? 'signal'))));

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopGroup(child.pid);
    removeTemp();
  };
  try {
    await waitFor(
      async () => {
        if (exited !== undefined) throw new Error(`code-server exited (${exited}) before it was ready:\n${output}`);
        return (await fetch(`${url}/healthz`)).ok;
      },
      { timeoutMs: 60000, intervalMs: 200, what: `code-server at ${url}` },
    );
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    url,
    port,
    pid: child.pid,
    temp,
    workspace,
    userData,
    extensionDevelopmentPath,
    output: () => output,
    exited: exitedPromise,
    stop,
    /**
     * The workbench URL that loads the extension in development mode and, with
     * `extensionTestsPath`, runs its in-host tests (the smoke-test driver payload).
     */
    workbenchUrl({ extensionTestsPath, folder = workspace } = {}) {
      const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
      const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
      if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
      return `${url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
  };
}
