// Helpers for the chat tool tests: invoking a tool through vscode.lm, and asserting the
// properties every result must have (organization named, bounded, server text inert).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES } from '../../sandbox/fixtures';

/** Runs a tool the way Copilot does (outside a chat request: no invocation token). */
export async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

/** Longest result any list-style call may return (characters): a model context must not flood. */
export const RESULT_MAX = 8000;

/** The shared properties: organization named, size bounded, no live link, icon or bidi override. */
export function assertWellFormed(text: string): void {
  assert.ok(text.includes(FIXTURES.organization.id), `the result names the organization:\n${text.slice(0, 300)}`);
  assert.ok(text.length <= RESULT_MAX, `result of ${text.length} characters exceeds ${RESULT_MAX}`);
  assert.doesNotMatch(text, /\]\(command:/, 'no command link survives');
  assert.doesNotMatch(text, /\$\((alert|icon)\)/, 'no codicon survives');
  assert.ok(!text.includes('\u202E'), 'no bidi override survives');
}

/** The continuation handle a result offers, if any. */
export function pageTokenOf(text: string): string | undefined {
  return text.match(/"pageToken": "(p\d+)"/)?.[1];
}

/** IDs in list rows (`- \`id\` …`). */
export function rowIds(text: string): string[] {
  return [...text.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]!);
}
