// Installs the offline VS Code host used by `npm start`, the in-host tests and the e2e tests:
//   Node 24 (code-server requires it), code-server, and Debian's chromium.
// Idempotent: a stamp file with the pinned versions makes a warm run take well under a second.
//   node scripts/hostInstall.mjs [--force]
import { pathToFileURL } from 'node:url';
import { ensureHost } from './lib/hostInstaller.mjs';

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const paths = await ensureHost({ force: process.argv.includes('--force') });
    console.log(`host ready in ${paths.cache}`);
  } catch (err) {
    console.error(`\nhost install failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}

export { ensureHost };
