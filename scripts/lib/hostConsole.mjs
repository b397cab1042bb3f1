// Captures the workbench page's console (the extension host's console, mocha output included,
// arrives there) into a log file, redacting secrets, and optionally echoes it.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatConsoleMessage } from './browser.mjs';
import { redact } from './secrets.mjs';

// Workbench noise that says nothing about the extension (missing optional wasm, CSP reports…).
const NOISE = [/vsda/, /additional builtin extensions/, /Failed to load resource/, /\[Violation\]/];

/** Drops the log level the workbench puts in front of forwarded messages (' INFO   4 passing'). */
export function stripLevel(text) {
  return text.replace(/^\s*(?:TRACE|DEBUG|INFO|WARN|ERROR)(?: |$)/, '');
}

/**
 * @param {import('playwright-core').Page} page
 * @param {{ logFile: string, echo?: (line: string) => boolean | void }} options
 *   `echo` decides per line whether it is printed to stdout (return true).
 */
export function captureConsole(page, { logFile, echo }) {
  mkdirSync(dirname(logFile), { recursive: true });
  writeFileSync(logFile, '');
  const lines = [];
  // Keep messages in arrival order even though formatting is async.
  let chain = Promise.resolve();
  page.on('console', (msg) => {
    chain = chain.then(async () => {
      const text = redact(await formatConsoleMessage(msg));
      const line = `[${msg.type()}] ${text}`;
      lines.push(line);
      appendFileSync(logFile, `${line}\n`);
      if (echo && !NOISE.some((re) => re.test(text)) && echo(text)) process.stdout.write(`${stripLevel(text)}\n`);
    });
  });
  page.on('pageerror', (err) => {
    const line = `[pageerror] ${redact(err.stack ?? err.message)}`;
    lines.push(line);
    appendFileSync(logFile, `${line}\n`);
  });
  return {
    lines: () => lines,
    /** Resolves once every message received so far has been written. */
    flush: () => chain,
  };
}
