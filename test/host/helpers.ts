// Helpers for in-host tests (mocha inside the real extension host). Import from './helpers'.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_API_KEY, DEFAULT_API_SECRET } from '../../sandbox/fixtures';
import type { ClientSettings, CloudClientFactory } from '../../src/auth/orgConnection';
import { ProfileStore } from '../../src/auth/orgProfile';
import { OrgRegistry } from '../../src/auth/orgRegistry';
import { CloudClient } from '../../src/cloud/cloudClient';

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

/** globalState stand-in that keeps what was written, as JSON would store it; `undefined` removes the key, as in VS Code. */
export class MemoryMemento implements vscode.Memento {
  readonly data = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.data.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return (this.data.has(key) ? this.data.get(key) : fallback) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.parse(JSON.stringify(value)));
  }
}

/** SecretStorage stand-in that fires change events like the real one, so registries sharing it see each other's writes. */
export class MemorySecrets implements vscode.SecretStorage {
  readonly data = new Map<string, string>();
  /** Stores and deletes so far. */
  writes = 0;
  private readonly emitter = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.emitter.event;
  async get(key: string): Promise<string | undefined> {
    return this.data.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.data.set(key, value);
    this.writes++;
    this.emitter.fire({ key });
  }
  async delete(key: string): Promise<void> {
    this.data.delete(key);
    this.writes++;
    this.emitter.fire({ key });
  }
}

/** Client settings for connections a test builds itself: a short timeout, no proxy, no request log. */
export const testClientSettings: ClientSettings = { timeoutMs: () => 10_000, proxyUrl: () => undefined, onRequest: () => undefined };

export const createTestClient: CloudClientFactory = (options) => new CloudClient(options);

/** The environment variables that connect an organization to the sandbox with its default key. */
export function sandboxEnv(): Record<string, string> {
  return { CONFLUENT_CLOUD_API_KEY: DEFAULT_API_KEY, CONFLUENT_CLOUD_API_SECRET: DEFAULT_API_SECRET, CONFLUENT_CLOUD_ENDPOINT: sandboxUrl() };
}

/** In-memory globalState and SecretStorage; one pair shared by two registries stands for two windows. */
export interface MemoryStores {
  readonly memento: MemoryMemento;
  readonly secrets: MemorySecrets;
}

export function memoryStores(): MemoryStores {
  return { memento: new MemoryMemento(), secrets: new MemorySecrets() };
}

/** A registry apart from the running extension's, over `stores` and reading `env` as its environment variables. */
export function memoryRegistry(env: Readonly<Record<string, string | undefined>> = {}, stores: MemoryStores = memoryStores()): OrgRegistry {
  return new OrgRegistry(new ProfileStore(stores.memento, stores.secrets), stores.secrets, createTestClient, testClientSettings, env);
}
