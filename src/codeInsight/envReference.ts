/**
 * "Replace with an environment variable reference": the syntax each file type reads a variable
 * with, and the edit that swaps a plain-text secret (and its quotes) for it. Pure: no vscode import.
 *
 * `.env` files *are* the place variables are defined, and JSON and `.tfvars` cannot refer to
 * anything, so those get no fix.
 */
import * as l10n from '@vscode/l10n';

/** The file families this fix knows. */
export type FileFamily = 'dotenv' | 'properties' | 'yaml' | 'terraform' | 'tfvars' | 'javascript' | 'python' | 'shell' | 'json' | 'other';

/** The variable the fixes refer to; the key ID stays where it is (it is not secret). */
export const SECRET_VARIABLE = 'CONFLUENT_API_SECRET';
const TERRAFORM_VARIABLE = 'confluent_api_secret';

/** Classifies a document by VS Code language ID, then by file name (the host may not know `.tf`). */
export function fileFamily(languageId: string, fileName: string): FileFamily {
  const base = fileName.replace(/^.*[\\/]/, '').toLowerCase();
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env') || languageId === 'dotenv') return 'dotenv';
  if (base.endsWith('.tfvars')) return 'tfvars';
  if (base.endsWith('.tf') || languageId === 'terraform' || languageId === 'hcl') return 'terraform';
  if (base.endsWith('.properties') || languageId === 'properties' || languageId === 'java-properties') return 'properties';
  if (/\.ya?ml$/.test(base) || languageId === 'yaml') return 'yaml';
  if (/\.(?:[cm]?[jt]sx?)$/.test(base) || ['typescript', 'javascript', 'typescriptreact', 'javascriptreact'].includes(languageId)) return 'javascript';
  if (base.endsWith('.py') || languageId === 'python') return 'python';
  if (/\.(?:sh|bash|zsh)$/.test(base) || languageId === 'shellscript') return 'shell';
  if (/\.jsonc?$/.test(base) || languageId === 'json' || languageId === 'jsonc') return 'json';
  return 'other';
}

export interface TextEditSpec {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface EnvReplacement {
  /** Shown as the quick fix's title. */
  readonly title: string;
  readonly edits: readonly TextEditSpec[];
}

const QUOTES = new Set(['"', "'", '`']);

/** The quick fix's title; the reference is code, so it is an argument the translator leaves alone. */
function title(reference: string): string {
  return l10n.t({ message: 'Replace with an environment variable reference: {0}', args: [reference], comment: ['{0} is code, e.g. process.env.CONFLUENT_API_SECRET'] });
}

/** The secret's range widened to its surrounding quotes, when it is a whole quoted literal. */
function quotedRange(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const before = text[start - 1];
  const after = text[end];
  return before !== undefined && before === after && QUOTES.has(before) ? { start: start - 1, end: end + 1 } : undefined;
}

/**
 * The edits replacing the secret at [start, end) in `text`, or undefined when this file type has
 * no way to read a variable (or the secret sits where a reference cannot go).
 */
export function envReplacement(family: FileFamily, text: string, start: number, end: number): EnvReplacement | undefined {
  const quoted = quotedRange(text, start, end);
  switch (family) {
    case 'properties':
      // Kafka clients resolve ${env:NAME} through EnvVarConfigProvider (config.providers=env).
      return { title: title(`\${env:${SECRET_VARIABLE}}`), edits: [{ start, end, newText: `\${env:${SECRET_VARIABLE}}` }] };
    case 'yaml':
      return { title: title(`\${${SECRET_VARIABLE}}`), edits: [{ start, end, newText: `\${${SECRET_VARIABLE}}` }] };
    case 'shell':
      return { title: title(`"$${SECRET_VARIABLE}"`), edits: [{ ...(quoted ?? { start, end }), newText: `"\${${SECRET_VARIABLE}}"` }] };
    case 'terraform':
      if (!quoted) return undefined;
      return {
        title: l10n.t({
          message: 'Replace with an environment variable reference: {0} (set {1})',
          args: [`var.${TERRAFORM_VARIABLE}`, `TF_VAR_${TERRAFORM_VARIABLE}`],
          comment: ['{0} is Terraform code, {1} the environment variable that sets it'],
        }),
        edits: [{ ...quoted, newText: `var.${TERRAFORM_VARIABLE}` }],
      };
    case 'javascript':
      if (!quoted) return undefined;
      return { title: title(`process.env.${SECRET_VARIABLE}`), edits: [{ ...quoted, newText: `process.env.${SECRET_VARIABLE}` }] };
    case 'python': {
      if (!quoted) return undefined;
      const edits: TextEditSpec[] = [{ ...quoted, newText: `os.environ["${SECRET_VARIABLE}"]` }];
      if (!/^\s*(?:import\s+os\b|from\s+os\s+import\b)/m.test(text)) edits.unshift({ start: 0, end: 0, newText: 'import os\n' });
      return { title: title(`os.environ["${SECRET_VARIABLE}"]`), edits };
    }
    default:
      return undefined;
  }
}
