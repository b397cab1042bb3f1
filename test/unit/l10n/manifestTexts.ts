/**
 * The manifest fields a person reads, found in a package.json object. Everything listed here must
 * be a `%key%` resolved from package.nls.json; `modelDescription` and the tools' `inputSchema`
 * are read by a language model and stay English, IDs, `when` clauses and icons are not text.
 */
export interface ManifestText {
  /** The entry of FIELD_PATHS it was found by. */
  readonly field: (typeof FIELD_PATHS)[number];
  readonly path: string;
  readonly value: unknown;
}

type Json = Record<string, unknown>;

const asArray = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

/** Checked when present, so a field added later (a deprecation message, a short title) is caught too. */
export const FIELD_PATHS = [
  'displayName',
  'description',
  'contributes.commands[].title',
  'contributes.commands[].shortTitle',
  'contributes.commands[].category',
  'contributes.configuration.title',
  'contributes.configuration.properties.*.description',
  'contributes.configuration.properties.*.markdownDescription',
  'contributes.configuration.properties.*.enumDescriptions[]',
  'contributes.configuration.properties.*.markdownEnumDescriptions[]',
  'contributes.configuration.properties.*.deprecationMessage',
  'contributes.configuration.properties.*.markdownDeprecationMessage',
  'contributes.viewsContainers.*[].title',
  'contributes.views.*[].name',
  'contributes.views.*[].contextualTitle',
  'contributes.viewsWelcome[].contents',
  'contributes.walkthroughs[].title',
  'contributes.walkthroughs[].description',
  'contributes.walkthroughs[].steps[].title',
  'contributes.walkthroughs[].steps[].description',
  'contributes.walkthroughs[].steps[].media.altText',
  'contributes.languageModelTools[].displayName',
  'contributes.languageModelTools[].userDescription',
] as const;

/** Every value at one of FIELD_PATHS (`[]` walks an array, `*` an object's values). */
export function manifestTexts(manifest: unknown): ManifestText[] {
  const found: ManifestText[] = [];
  for (const fieldPath of FIELD_PATHS) {
    let nodes: { path: string; value: unknown }[] = [{ path: '', value: manifest }];
    for (const step of fieldPath.split('.')) {
      const name = step.replace(/\[\]$/, '');
      const next: { path: string; value: unknown }[] = [];
      for (const node of nodes) {
        const children = name === '*'
          ? Object.entries(asObject(node.value)).map(([key, value]) => ({ path: `${node.path}.${key}`, value }))
          : name in asObject(node.value) ? [{ path: `${node.path}.${name}`, value: asObject(node.value)[name] }] : [];
        for (const child of children) {
          if (step.endsWith('[]')) asArray(child.value).forEach((value, i) => next.push({ path: `${child.path}[${i}]`, value }));
          else next.push(child);
        }
      }
      nodes = next;
    }
    for (const node of nodes) found.push({ field: fieldPath, path: node.path.slice(1), value: node.value });
  }
  return found;
}

/** What is wrong with the manifest's texts against a package.nls.json: one line per problem. */
export function manifestTextProblems(manifest: unknown, nls: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const used = new Set<string>();
  for (const { path, value } of manifestTexts(manifest)) {
    const key = typeof value === 'string' ? /^%([^%]+)%$/.exec(value)?.[1] : undefined;
    if (key === undefined) problems.push(`${path} is not a %key%: ${JSON.stringify(value)}`);
    else if (typeof nls[key] !== 'string') problems.push(`${path} names %${key}%, which package.nls.json lacks`);
    else used.add(key);
  }
  for (const key of Object.keys(nls)) if (!used.has(key)) problems.push(`package.nls.json has ${key}, which no manifest field uses`);
  return problems;
}
