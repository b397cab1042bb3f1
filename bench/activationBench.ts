/**
 * Bundle load and activate() time. Each sample is a fresh Node process that loads the bundle with
 * `vscode` resolved to a stand-in module (bench/host/vscodeShim.cjs), so the figure covers our
 * code only, not VS Code's own extension-host overhead.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { median } from './stats';

export interface ActivationFigures {
  readonly loadMs: number;
  readonly activateMs: number;
  readonly totalMs: number;
  readonly samples: number;
}

export function runActivationBench(bundle: string, samples = 15): ActivationFigures {
  const child = join(__dirname, 'host', 'activateChild.cjs');
  const load: number[] = [];
  const activate: number[] = [];
  const total: number[] = [];
  // No environment organization: activation must not make network calls on its own.
  const env = { ...process.env };
  delete env.CONFLUENT_CLOUD_API_KEY;
  delete env.CONFLUENT_CLOUD_API_SECRET;
  for (let i = 0; i < samples; i++) {
    const out = execFileSync(process.execPath, [child, resolve(bundle)], { encoding: 'utf8', env });
    const figures = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { loadMs: number; activateMs: number };
    load.push(figures.loadMs);
    activate.push(figures.activateMs);
    total.push(figures.loadMs + figures.activateMs);
  }
  return { loadMs: median(load), activateMs: median(activate), totalMs: median(total), samples };
}
