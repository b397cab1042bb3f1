// Helpers for in-host tests (mocha inside the real extension host). Import from './helpers'.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'cc-explorer.confluent-cloud-explorer';

/** The extension under test, activated. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this host`);
  await ext.activate();
  return ext;
}

/** The package.json contributions as the host sees them (so new commands are picked up automatically). */
export function manifest(ext: vscode.Extension<unknown>): {
  contributes?: { commands?: { command: string; title: string }[]; views?: Record<string, { id: string }[]> };
  activationEvents?: string[];
} {
  return ext.packageJSON;
}

/** URL of the sandbox the runner started for this suite (control endpoints live under /_sandbox/). */
export function sandboxUrl(): string {
  const url = process.env.CCX_SANDBOX_URL;
  assert.ok(url, 'CCX_SANDBOX_URL is not set: run these tests through scripts/runHostTests.mjs');
  return url;
}

async function control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sandboxUrl()}/_sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${res.status}`);
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

/** Test-only sandbox controls: recorded requests, fault injection, reset to the seed data. */
export const sandbox = {
  requests: () => control('GET', 'requests'),
  clearRequests: () => control('DELETE', 'requests'),
  reset: () => control('POST', 'reset', {}),
  setFaults: (spec: unknown) => control('POST', 'faults', typeof spec === 'string' ? { spec } : spec),
};

/** Polls until `check` returns a truthy value; no fixed sleeps in tests. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 10000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
