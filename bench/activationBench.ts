/**
 * Start-up: bundle load and activate(), the JavaScript that evaluates, and the cost moved to the
 * first command. Each sample is a fresh Node process that loads the bundle with `vscode` resolved
 * to a stand-in module (bench/host/vscodeShim.cjs), so the figure covers our code only, not VS
 * Code's own extension-host overhead. Samples alternate with an empty extension bundle, so the
 * ratio between the two does not depend on how busy the machine is.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { median } from './stats';

export interface ActivationFigures {
  readonly loadMs: number;
  readonly activateMs: number;
  readonly totalMs: number;
  /** Empty extension bundle, load + activate, same run. */
  readonly emptyTotalMs: number;
  readonly ratioToEmpty: number;
  /** JavaScript files required during load + activate, with their sizes. */
  readonly evaluated: readonly { file: string; bytes: number }[];
  readonly evaluatedBytes: number;
  /** First use after activation: loading and wiring the lazily loaded features. */
  readonly firstUseMs: number | undefined;
  /** First request: loading the cloud client's implementation and undici. */
  readonly firstRequestMs: number | undefined;
  readonly samples: number;
}

interface ChildFigures {
  loadMs: number;
  activateMs: number;
  evaluated: { file: string; bytes: number }[];
  featuresMs?: number;
  cloudMs?: number;
}

function sample(bundle: string, env: NodeJS.ProcessEnv): ChildFigures {
  const child = join(__dirname, 'host', 'activateChild.cjs');
  const out = execFileSync(process.execPath, [child, resolve(bundle)], { encoding: 'utf8', env });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ChildFigures;
}

export function runActivationBench(bundle: string, samples = 15): ActivationFigures {
  const empty = join(__dirname, 'host', 'emptyExtension.cjs');
  const load: number[] = [];
  const activate: number[] = [];
  const total: number[] = [];
  const emptyTotal: number[] = [];
  const firstUse: number[] = [];
  const firstRequest: number[] = [];
  let evaluated: { file: string; bytes: number }[] = [];
  // No environment organization: activation must not make network calls on its own.
  const env = { ...process.env };
  delete env.CONFLUENT_CLOUD_API_KEY;
  delete env.CONFLUENT_CLOUD_API_SECRET;
  for (let i = 0; i < samples; i++) {
    const baseline = sample(empty, env);
    emptyTotal.push(baseline.loadMs + baseline.activateMs);
    const figures = sample(bundle, env);
    load.push(figures.loadMs);
    activate.push(figures.activateMs);
    total.push(figures.loadMs + figures.activateMs);
    if (figures.featuresMs !== undefined) firstUse.push(figures.featuresMs);
    if (figures.cloudMs !== undefined) firstRequest.push(figures.cloudMs);
    evaluated = figures.evaluated;
  }
  const totalMs = median(total);
  const emptyTotalMs = median(emptyTotal);
  return {
    loadMs: median(load), activateMs: median(activate), totalMs, emptyTotalMs, ratioToEmpty: totalMs / emptyTotalMs,
    evaluated, evaluatedBytes: evaluated.reduce((sum, f) => sum + f.bytes, 0),
    firstUseMs: firstUse.length ? median(firstUse) : undefined,
    firstRequestMs: firstRequest.length ? median(firstRequest) : undefined, samples,
  };
}
