import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import { cycles, REPO, tsFiles, unitGraph } from './importGraph';

interface Layer {
  readonly name: string;
  readonly paths: readonly string[];
  readonly siblingsIsolated?: boolean;
}

async function layers(): Promise<readonly Layer[]> {
  const mod = (await import(join(REPO, 'scripts', 'layers.mjs'))) as { LAYERS: readonly Layer[] };
  return mod.LAYERS;
}

/** The block of eslint.config.mjs that carries the layer rule, as `npm run lint` uses it. */
async function layerRuleConfig(): Promise<Linter.Config> {
  const mod = (await import(join(REPO, 'eslint.config.mjs'))) as { default: Linter.Config[] };
  const block = mod.default.find((c) => c.rules && 'import-x/no-restricted-paths' in c.rules);
  assert.ok(block, 'eslint.config.mjs has an import-x/no-restricted-paths block');
  const tsParser = mod.default.find((c) => c.languageOptions?.parser)?.languageOptions?.parser;
  return { ...block, files: ['**/*.ts'], languageOptions: { parser: tsParser } };
}

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO, overrideConfigFile: true, overrideConfig: [await layerRuleConfig()] });
  const [result] = await eslint.lintText(code, { filePath: join(REPO, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

void describe('architecture: layers', () => {
  void it('has no import cycle between top-level folders of src/', () => {
    const found = cycles(unitGraph(tsFiles('src')));
    assert.deepEqual(found.map((c) => c.join(' → ')), []);
  });

  void it('finds a folder cycle when one exists (the check can fail)', () => {
    const graph = new Map([
      ['src/commands', new Map([['src/metrics', 'src/commands/a.ts']])],
      ['src/metrics', new Map([['src/commands', 'src/metrics/b.ts']])],
    ]);
    assert.deepEqual(cycles(graph), [['src/commands', 'src/metrics', 'src/commands']]);
  });

  void it('places every top-level entry of src/ in exactly one layer', async () => {
    const placed = (await layers()).flatMap((l) => l.paths);
    assert.equal(new Set(placed).size, placed.length, 'no path in two layers');
    const entries = readdirSync(join(REPO, 'src')).map((name) => `src/${name}`);
    assert.deepEqual(entries.filter((e) => !placed.includes(e)), [], 'add new folders to scripts/layers.mjs');
  });

  void it('only imports downwards (the real source obeys the layer table)', async () => {
    const all = await layers();
    const rank = (unit: string): number => all.findIndex((l) => l.paths.includes(unit));
    const upward: string[] = [];
    for (const [from, edges] of unitGraph(tsFiles('src'))) {
      for (const [to, example] of edges) {
        const sideways = rank(from) === rank(to) && all[rank(from)]?.siblingsIsolated === true;
        if (rank(to) < rank(from) || sideways) upward.push(`${example} → ${to}`);
      }
    }
    assert.deepEqual(upward, []);
  });

  void it('lint rejects an upward import (cloud → auth) with the layer rule', async () => {
    const messages = await lintAs('src/cloud/upward.ts', "import type { OrgConnection } from '../auth/orgConnection';\nexport type X = OrgConnection;\n");
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0]!, /^import-x\/no-restricted-paths: .*cloud sits below/);
  });

  void it('lint rejects a feature importing the commands layer or another feature', async () => {
    const up = await lintAs('src/metrics/upward.ts', "import { registerMetricsCommands } from '../commands/metricsCommands';\nexport const x = registerMetricsCommands;\n");
    assert.equal(up.length, 1, up.join('\n'));
    const sideways = await lintAs('src/secretPanel/sideways.ts', "import type { ExplorerNode } from '../explorer/nodes/explorerNode';\nexport type X = ExplorerNode;\n");
    assert.equal(sideways.length, 1, sideways.join('\n'));
    assert.match(sideways[0]!, /Features do not import each other/);
  });

  void it('lint accepts a downward import (commands → cloud)', async () => {
    assert.deepEqual(await lintAs('src/commands/downward.ts', "import type { ApiKey } from '../cloud/schemas/apiKey';\nexport type X = ApiKey;\n"), []);
  });
});
