// Runs the local Confluent Cloud emulator (sandbox/main.ts) as a child process group and talks to
// its test-only control endpoints (/_sandbox/...). Used by start, the host-test runner and e2e.
import { existsSync } from 'node:fs';
import { freePort, spawnGroup, stopGroup, waitFor } from './processes.mjs';
import { inRepo, repoRoot } from './repo.mjs';
import { redact, registerSecret } from './secrets.mjs';

export const DEFAULT_SANDBOX_KEY = 'SANDBOXKEY000001';
export const DEFAULT_SANDBOX_SECRET = 'sandbox-secret-not-for-production';

/**
 * Starts a fresh sandbox on a free port and waits until it answers.
 * @param {{ port?: number, args?: string[], echo?: boolean, env?: NodeJS.ProcessEnv }} [options]
 *   `args` are passed through to sandbox/main.ts (e.g. ['--latency', '50']).
 */
export async function startSandboxProcess({ port, args = [], echo = false, env = process.env } = {}) {
  const entry = inRepo('sandbox', 'main.ts');
  if (!existsSync(entry)) throw new Error(`the sandbox entry ${entry} does not exist yet`);
  registerSecret(DEFAULT_SANDBOX_SECRET);
  const chosen = port ?? (await freePort());
  // `node --import tsx` instead of `npx tsx`: one process less and no npx lookup.
  const child = spawnGroup(process.execPath, ['--import', 'tsx', entry, '--port', String(chosen), ...args], {
    cwd: repoRoot,
    env,
    name: 'sandbox',
  });
  let output = '';
  let apiKey = DEFAULT_SANDBOX_KEY;
  let apiSecret = DEFAULT_SANDBOX_SECRET;
  const onData = (chunk) => {
    const text = String(chunk);
    // The CLI prints its credentials; learn them (so non-default ones work) before redacting.
    const key = text.match(/\bkey\b\W+([A-Z0-9]{16})\b/i);
    if (key) apiKey = key[1];
    const secret = text.match(/\bsecret\b\W+(\S+)/i);
    if (secret && secret[1].length >= 8) {
      apiSecret = secret[1];
      registerSecret(apiSecret);
    }
    const clean = redact(text);
    output += clean;
    if (echo) process.stdout.write(clean.replace(/^/gm, '[sandbox] '));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited;
  // Resolves when the group leader exits, for callers that must notice an unexpected stop.
  const exitedPromise = new Promise((resolve) => child.once('exit', (code) => resolve((exited = code ?? 'signal'))));

  const url = `http://127.0.0.1:${chosen}`;
  try {
    await waitFor(
      async () => {
        if (exited !== undefined) throw new Error(`sandbox exited (${exited}) before it was ready:\n${output}`);
        const res = await fetch(`${url}/_sandbox/requests`);
        return res.ok;
      },
      { timeoutMs: 30000, intervalMs: 100, what: `the sandbox at ${url}` },
    );
  } catch (err) {
    await stopGroup(child.pid);
    throw err;
  }
  return {
    url,
    port: chosen,
    apiKey,
    apiSecret,
    pid: child.pid,
    output: () => output,
    exited: exitedPromise,
    stop: () => stopGroup(child.pid),
    ...sandboxControl(url),
  };
}

/** Client for the sandbox's control endpoints (no auth; never part of the cloud API surface). */
export function sandboxControl(url) {
  const call = async (method, path, body) => {
    const res = await fetch(`${url}/_sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  };
  return {
    requests: () => call('GET', 'requests'),
    clearRequests: () => call('DELETE', 'requests'),
    reset: () => call('POST', 'reset', {}),
    setFaults: (spec) => call('POST', 'faults', typeof spec === 'string' ? { spec } : spec),
  };
}

/** The environment variables that connect the extension to a sandbox organization. */
export function sandboxHostEnv(sandbox) {
  return {
    CONFLUENT_CLOUD_API_KEY: sandbox.apiKey,
    CONFLUENT_CLOUD_API_SECRET: sandbox.apiSecret,
    CONFLUENT_CLOUD_ENDPOINT: sandbox.url,
    CONFLUENT_CLOUD_METRICS_ENDPOINT: sandbox.url,
    CCX_SANDBOX_URL: sandbox.url,
  };
}
