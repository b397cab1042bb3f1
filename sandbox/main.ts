// `npm run sandbox -- [options]`: runs the sandbox until Ctrl-C or SIGTERM.

import { parseArgs } from 'node:util';
import { DEFAULT_PORT, FIXTURES } from './fixtures';
import { startSandbox, type SandboxOptions } from './server';

const USAGE = `Usage: npm run sandbox -- [options]
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' }, 'api-key': { type: 'string' }, 'api-secret': { type: 'string' }, seed: { type: 'string' },
      latency: { type: 'string' }, faults: { type: 'string' }, 'rate-limit': { type: 'string' },
      'metrics-rate-limit': { type: 'string' }, drift: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
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

  const sandbox = await startSandbox(options);
  console.log(`Confluent Cloud sandbox listening on ${sandbox.url}`);
  console.log(`  API key:    ${sandbox.apiKey}`);
  console.log(`  API secret: ${sandbox.apiSecret}`);
  console.log(`  seed ${sandbox.seed}${options.drift ? ', drift on' : ''}${values.faults ? `, faults "${values.faults}"` : ''}`);
  console.log(`  organization ${FIXTURES.organization.id}; control endpoints under ${sandbox.url}/_sandbox/`);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing sandbox`);
    sandbox.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(2);
});
