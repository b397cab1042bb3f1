/**
 * Runs the real build script (scripts/build.mjs, development mode) with a scratch folder as its
 * working directory, so its dist/ lands there and the repository's dist/ is left alone. The
 * script's paths are relative to the working directory; the sources are linked in.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';

export const REPO = join(__dirname, '..', '..');

/** Builds once before the suite's tests and removes the folder after them; call inside `describe`. */
export function useScratchBuild(prefix: string): { readonly root: string } {
  const scratch = { root: '' };
  before(() => {
    scratch.root = mkdtempSync(join(tmpdir(), prefix));
    for (const name of ['src', 'sandbox', 'media', 'node_modules', 'package.json', 'tsconfig.json']) {
      symlinkSync(join(REPO, name), join(scratch.root, name));
    }
    execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')], { cwd: scratch.root, stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
  });
  after(() => rmSync(scratch.root, { recursive: true, force: true }));
  return scratch;
}
