// Repository-relative paths for the scripts (they may be started from any working directory).
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const inRepo = (...parts) => join(repoRoot, ...parts);
