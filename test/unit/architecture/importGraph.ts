import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** Repository root, from this file's place in test/unit/architecture. */
export const REPO = join(__dirname, '..', '..', '..');

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Every `.ts` file below `dir`, relative to the repository root with `/` separators. */
export function tsFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) out.push(relative(REPO, path).split(sep).join('/'));
    }
  };
  walk(join(REPO, dir));
  return out.sort();
}

/** The top-level unit of `src/` a file belongs to: `src/commands`, `src/extension.ts`, … */
export function unitOf(file: string): string {
  const [root, first] = file.split('/');
  return `${root}/${first}`;
}

/** Relative imports of a source text, resolved to repository paths (without extension). */
export function relativeImports(file: string, text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2];
    if (spec) out.push(normalize(join(dirname(file), spec)).split(sep).join('/'));
  }
  return out;
}

/** Unit → units it imports (self-imports left out), with one example file per edge. */
export function unitGraph(files: readonly string[]): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of files) {
    const from = unitOf(file);
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const target of relativeImports(file, readFileSync(join(REPO, file), 'utf8'))) {
      if (!target.startsWith('src/')) continue;
      const to = unitOf(target.endsWith('.ts') || target.split('/').length > 2 ? target : `${target}.ts`);
      if (to !== from && !edges.has(to)) edges.set(to, file);
    }
  }
  return graph;
}

/** Every cycle of the graph, each as the list of its units (first repeated at the end). */
export function cycles(graph: ReadonlyMap<string, ReadonlyMap<string, string>>): string[][] {
  const found: string[][] = [];
  const seen = new Set<string>();
  const visit = (node: string, path: string[]): void => {
    const at = path.indexOf(node);
    if (at >= 0) {
      found.push([...path.slice(at), node]);
      return;
    }
    if (seen.has(node)) return;
    path.push(node);
    for (const next of graph.get(node)?.keys() ?? []) visit(next, path);
    path.pop();
    seen.add(node);
  };
  for (const node of graph.keys()) visit(node, []);
  return found;
}
