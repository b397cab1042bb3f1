// Headless Chromium (the Debian package) driven by playwright-core, plus console formatting.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { hostPaths } from './hostPaths.mjs';
import { xdgEnv } from './codeServer.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox', // running as root in CI containers
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-breakpad',
];

/**
 * Launches a persistent context whose profile and XDG dirs live under `root` (a run's temp dir),
 * so Chromium writes nothing to $HOME.
 */
export async function launchBrowser(root, { headless = true, viewport = { width: 1440, height: 900 } } = {}) {
  const profile = join(root, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: hostPaths().chromium,
    headless,
    viewport,
    env: { ...process.env, ...xdgEnv(root) },
    args: CHROMIUM_ARGS,
    // Clipboard access for copy/paste checks.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/**
 * Applies console format specifiers (%s %d %i %f %o %O %j %c) the way a devtools console does.
 * Forwarded extension-host messages nest formats ('%c INFO', css, '  %d passing (%s)', 4, '1s'):
 * when arguments are left over and the next one is a string, it is formatted as well.
 */
export function formatConsoleArgs(values) {
  if (values.length === 0) return '';
  const [first, ...rest] = values;
  if (typeof first !== 'string') return values.map(show).join(' ');
  let i = 0;
  const text = first.replace(/%([sdifoOjc%])/g, (all, spec) => {
    if (spec === '%') return '%';
    if (i >= rest.length) return all;
    const value = rest[i++];
    switch (spec) {
      case 'c': return ''; // CSS styling: nothing to show in a terminal
      case 'd': case 'i': return String(Math.trunc(Number(value)));
      case 'f': return String(Number(value));
      case 's': return typeof value === 'string' ? value : show(value);
      default: return show(value);
    }
  });
  const remaining = rest.slice(i);
  if (remaining.length === 0) return text;
  const tail = typeof remaining[0] === 'string' ? formatConsoleArgs(remaining) : remaining.map(show).join(' ');
  return `${text} ${tail}`;
}

function show(value) {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Formats a Playwright console message from its live arguments (msg.text() keeps raw %s). */
export async function formatConsoleMessage(msg) {
  try {
    const values = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => String(a))));
    return formatConsoleArgs(values).trim();
  } catch {
    return msg.text();
  }
}
