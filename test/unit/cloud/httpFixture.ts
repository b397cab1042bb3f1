// Purpose-built local servers plus an HttpClient aimed at them, all closed after the file's tests.
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { Dispatchers } from '../../../src/cloud/dispatchers';
import { isCloudApiError, type CloudApiError } from '../../../src/cloud/errors';
import { HttpClient, type HttpClientOptions } from '../../../src/cloud/http';
import { type RequestLogEntry } from '../../../src/cloud/requestLog';
import { fastRetry, startServer, type Handler, type TestServer } from './servers';

export interface HttpFixture {
  /** Starts a server that answers with `handler`. */
  readonly server: (handler: Handler) => Promise<TestServer>;
  /** An HttpClient for `baseUrl` with fast retries, logging every attempt into `log`. */
  readonly client: (baseUrl: string, extra?: Partial<HttpClientOptions>) => { http: HttpClient; log: RequestLogEntry[] };
  /** Registers something else to close with the rest. */
  readonly track: <T extends { close(): Promise<void> }>(item: T) => T;
}

/** Call at the top of a test file: everything it starts is closed in the file's `after` hook. */
export function useHttpFixture(credentials: { key: string; secret: string }): HttpFixture {
  const open: { close(): Promise<void> }[] = [];
  after(async () => {
    await Promise.all(open.map((o) => o.close()));
  });
  const track = <T extends { close(): Promise<void> }>(item: T): T => {
    open.push(item);
    return item;
  };
  return {
    track,
    server: async (handler) => track(await startServer(handler)),
    client: (baseUrl, extra = {}) => {
      const log: RequestLogEntry[] = [];
      const dispatchers = track(new Dispatchers({ env: {} }));
      const http = new HttpClient({
        baseUrl, dispatchers, retry: fastRetry, getCredentials: async () => credentials,
        onRequest: (e) => log.push(e), ...extra,
      });
      return { http, log };
    },
  };
}

/** The CloudApiError a call rejects with; fails the test if it resolves or throws anything else. */
export async function failure(p: Promise<unknown>): Promise<CloudApiError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isCloudApiError(e), `expected CloudApiError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to fail');
}
