// Bundles the in-host tests (test/host/index.ts + every test/host/**/*.test.ts) into out/test/host/.
// Each test file becomes one CommonJS bundle; `vscode` and `mocha` stay external because the
// extension host provides the first and the repo's node_modules the second.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inRepo } from './repo.mjs';

export const HOST_TESTS_SRC = inRepo('test', 'host');
export const HOST_TESTS_OUT = inRepo('out', 'test', 'host');
export const HOST_TESTS_ENTRY = join(HOST_TESTS_OUT, 'index.js');

export function findFiles(dir, suffix) {
  const found = [];
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findFiles(full, suffix));
    else if (entry.name.endsWith(suffix)) found.push(full);
  }
  return found.sort();
}

/** @param {string} [outDir] default out/test/host (what .vscode-test.mjs loads) */
export async function buildHostTests(outDir = HOST_TESTS_OUT) {
  rmSync(outDir, { recursive: true, force: true });
  const tests = findFiles(HOST_TESTS_SRC, '.test.ts');
  await esbuild.build({
    entryPoints: [join(HOST_TESTS_SRC, 'index.ts'), ...tests],
    outbase: HOST_TESTS_SRC,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return tests.map((t) => relative(HOST_TESTS_SRC, t));
}
