// `npm run sandbox -- [options]`: runs the sandbox until Ctrl-C or SIGTERM.

import { USAGE, parseCliOptions } from './cli';
import { FIXTURES } from './fixtures';
import { startSandbox } from './server';

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const sandbox = await startSandbox(options);
  console.log(`Confluent Cloud sandbox listening on ${sandbox.url}`);
  console.log(`  API key:    ${sandbox.apiKey}`);
  console.log(`  API secret: ${sandbox.apiSecret}`);
  const faults = typeof options.faults === 'string' && options.faults !== '' ? `, faults "${options.faults}"` : '';
  console.log(`  seed ${sandbox.seed}${options.drift ? ', drift on' : ''}${faults}`);
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
