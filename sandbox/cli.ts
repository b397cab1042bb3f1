// Command-line options for `npm run sandbox`, kept apart from main.ts so they can be tested
// without starting a process.

import { parseArgs } from 'node:util';
import { DEFAULT_PORT } from './fixtures';
import type { SandboxOptions } from './server';

export const USAGE = `Usage: npm run sandbox -- [options]
  --port <n>                 listen on 127.0.0.1:<n> (default ${DEFAULT_PORT}; 0 = any free port)
  --api-key <k> --api-secret <s>   credentials to accept (defaults are printed on start)
  --seed <n>                 seed for the generated organization
  --latency <ms>             delay every response
  --faults <spec>            e.g. "429:0.2,500:0.1,drop:0.05,slow=3000:0.1@POST /iam/v2/api-keys" (see sandbox/README.md)
  --rate-limit <n>           control-plane requests per minute per key (default 3000)
  --metrics-rate-limit <n>   Metrics API requests per minute per key (default 3000)
  --drift                    answer like the live service drifts from its specs`;

function integer(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new Error(`--${name} must be a whole number, got '${raw}'`);
  return Number(raw);
}

/** Parsed options, or 'help'. Throws with a one-line message on bad input. */
export function parseCliOptions(argv: string[]): SandboxOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, 'api-key': { type: 'string' }, 'api-secret': { type: 'string' }, seed: { type: 'string' },
      latency: { type: 'string' }, faults: { type: 'string' }, 'rate-limit': { type: 'string' },
      'metrics-rate-limit': { type: 'string' }, drift: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const options: SandboxOptions = { port: integer('port', values.port) ?? DEFAULT_PORT, drift: values.drift ?? false };
  if (values['api-key'] !== undefined) options.apiKey = values['api-key'];
  if (values['api-secret'] !== undefined) options.apiSecret = values['api-secret'];
  const seed = integer('seed', values.seed);
  if (seed !== undefined) options.seed = seed;
  const latency = integer('latency', values.latency);
  if (latency !== undefined) options.latencyMs = latency;
  if (values.faults !== undefined) options.faults = values.faults;
  const rate = integer('rate-limit', values['rate-limit']);
  if (rate !== undefined) options.rateLimitPerMinute = rate;
  const metricsRate = integer('metrics-rate-limit', values['metrics-rate-limit']);
  if (metricsRate !== undefined) options.metricsRateLimitPerMinute = metricsRate;
  return options;
}
