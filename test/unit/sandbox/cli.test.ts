import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseCliOptions } from '../../../sandbox/cli';
import { DEFAULT_API_KEY, DEFAULT_API_SECRET } from '../../../sandbox/fixtures';
import { basic } from './helpers';

const ROOT = resolve(__dirname, '../../..');

function run(args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  return { child, output: () => out };
}

async function waitFor(output: () => string, pattern: RegExp, ms = 15_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(output());
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}: ${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

void describe('npm run sandbox', () => {
  void it('prints its URL and credentials, serves with custom credentials, and exits cleanly on SIGTERM', async () => {
    const { child, output } = run(['--port', '0', '--api-key', 'CLIKEY0000000001', '--api-secret', 'cli-secret', '--seed', '7', '--drift']);
    try {
      const [, url = ''] = await waitFor(output, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      // The banner is several writes; the pipe may deliver them in separate chunks.
      await waitFor(output, /control endpoints under/);
      assert.match(output(), /CLIKEY0000000001/);
      assert.match(output(), /cli-secret/);
      const ok = await fetch(`${url}/org/v2/environments`, { headers: { Authorization: basic('CLIKEY0000000001', 'cli-secret') } });
      assert.equal(ok.status, 200);
      assert.deepEqual(((await ok.json()) as { metadata: unknown }).metadata, {}, '--drift is on');
      const wrong = await fetch(`${url}/org/v2/environments`, { headers: { Authorization: basic(DEFAULT_API_KEY, DEFAULT_API_SECRET) } });
      assert.equal(wrong.status, 401);
      const exit = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exit;
      assert.equal(code, 0);
      assert.match(output(), /SIGTERM: closing sandbox/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  void it('parses options, defaulting the port to 8787, and rejects bad values', () => {
    assert.deepEqual(parseCliOptions([]), { port: 8787, drift: false });
    assert.deepEqual(parseCliOptions(['--port', '0', '--seed', '9', '--latency', '20', '--rate-limit', '10', '--metrics-rate-limit', '4',
      '--faults', '503:x1@/org/', '--drift', '--api-key', 'K', '--api-secret', 'S']), {
      port: 0, seed: 9, latencyMs: 20, rateLimitPerMinute: 10, metricsRateLimitPerMinute: 4, faults: '503:x1@/org/', drift: true, apiKey: 'K', apiSecret: 'S',
    });
    assert.equal(parseCliOptions(['--help']), 'help');
    assert.throws(() => parseCliOptions(['--port', 'eighty']), /--port must be a whole number/);
    assert.throws(() => parseCliOptions(['--bogus']));
  });
});
