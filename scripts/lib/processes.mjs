// Process helpers shared by start, the host-test runner and the e2e harness.
// Every long-lived child runs in its own process group (detached) so one signal to the group
// also reaches grandchildren (the extension host, Chromium renderers, tsx's node).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** pid → name of every group started here and not yet stopped. */
const groups = new Map();

const WATCHDOG = fileURLToPath(new URL('./watchdog.mjs', import.meta.url));

/**
 * Starts a command in a new process group led by watchdog.mjs, which kills the group if this
 * process disappears without cleaning up. Output is piped unless `stdio` says otherwise.
 * @returns {import('node:child_process').ChildProcess} the group leader (its pid is the group id)
 */
export function spawnGroup(cmd, args, { name = cmd, ...options } = {}) {
  const child = spawn(process.execPath, [WATCHDOG, String(process.pid), cmd, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
    detached: true,
  });
  // Tracked until stopGroup: the leader may exit while others in its group live on.
  if (child.pid !== undefined) groups.set(child.pid, name);
  return child;
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * Stops a whole process group: SIGTERM, then SIGKILL after `graceMs`, then polls until no process
 * of the group is left (a group can still answer signal 0 for a moment after SIGKILL).
 */
export async function stopGroup(pid, { graceMs = 4000, timeoutMs = 15000 } = {}) {
  if (pid === undefined) return;
  const started = Date.now();
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    groups.delete(pid);
    return;
  }
  let killed = false;
  while (groupAlive(pid)) {
    const elapsed = Date.now() - started;
    if (!killed && elapsed > graceMs) {
      killed = true;
      try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    if (elapsed > timeoutMs) throw new Error(`process group ${pid} (${groups.get(pid)}) did not stop`);
    await delay(50);
  }
  groups.delete(pid);
}

/** Stops every group this process started, most recent first. */
export async function stopAllGroups() {
  const pids = [...groups.keys()].reverse();
  for (const pid of pids) {
    await stopGroup(pid).catch((err) => console.error(String(err)));
  }
}

/** Names of the groups still running (for diagnostics and tests of the harness itself). */
export function runningGroups() {
  return [...groups.entries()].filter(([pid]) => groupAlive(pid)).map(([pid, name]) => ({ pid, name }));
}

/** Temp folders to delete when this process exits, however it exits (except SIGKILL). */
const tempPaths = new Set();
export function removeOnExit(path) {
  tempPaths.add(path);
  return () => {
    tempPaths.delete(path);
    rmSync(path, { recursive: true, force: true });
  };
}

let handlersInstalled = false;
/**
 * On Ctrl-C / SIGTERM: stop all groups, then exit. On a plain exit (crash included) there is no
 * time for async work, so send SIGKILL to every group synchronously.
 */
export function stopGroupsOnExit({ onSignal } = {}) {
  if (handlersInstalled) return;
  handlersInstalled = true;
  let stopping = false;
  const handler = (signal) => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      if (onSignal) await onSignal(signal);
      await stopAllGroups();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    })();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  process.on('SIGHUP', handler);
  process.on('exit', () => {
    for (const pid of groups.keys()) {
      try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
    }
    for (const path of tempPaths) rmSync(path, { recursive: true, force: true });
  });
}

/**
 * Runs a command to completion with inherited (streamed) output.
 * @returns {Promise<number>} the exit code (signals map to 128+n like a shell).
 */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 + (osSignal(signal)) : 1)));
  });
}

function osSignal(name) {
  return { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[name] ?? 1;
}

/** Runs a command and collects its output (no streaming). */
export function capture(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** A free TCP port on 127.0.0.1; `preferred` is tried first. */
export async function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const srv = createServer();
      srv.once('error', () => resolve(undefined));
      srv.listen(port, '127.0.0.1', () => {
        const { port: got } = srv.address();
        srv.close(() => resolve(got));
      });
    });
  if (preferred) {
    for (let p = preferred; p < preferred + 20; p++) {
      const got = await tryPort(p);
      if (got) return got;
    }
  }
  return tryPort(0);
}

/**
 * Polls `check` until it returns a truthy value or the timeout passes. Waiting on a condition,
 * never on a fixed time.
 */
export async function waitFor(check, { timeoutMs = 30000, intervalMs = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
    }
    await delay(intervalMs);
  }
}

/** Resolves with the first stdout/stderr line matching `pattern` (or rejects on exit/timeout). */
export function waitForLine(child, pattern, { timeoutMs = 30000, what = String(pattern) } = {}) {
  return new Promise((resolve, reject) => {
    const listeners = [];
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    // One buffer per stream so a line split across chunks is matched whole.
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      let buffer = '';
      const onData = (chunk) => {
        buffer += chunk;
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          const match = line.match(pattern);
          if (match) return finish(undefined, match);
        }
      };
      stream.on('data', onData);
      listeners.push([stream, onData]);
    }
    const onExit = (code) => finish(new Error(`${what}: process exited (${code}) first`));
    child.once('exit', onExit);
    function finish(err, match) {
      clearTimeout(timer);
      for (const [stream, fn] of listeners) stream.off('data', fn);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(match);
    }
  });
}
