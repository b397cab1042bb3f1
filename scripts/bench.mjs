// npm run bench: runs bench/main.ts with a collectable heap so memory figures are settled.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/main.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
