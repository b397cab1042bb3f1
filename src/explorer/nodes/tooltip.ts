import * as vscode from 'vscode';
import { tooltipMarkdown } from '../markdown';

/**
 * A tooltip for untrusted API text: every value is escaped, and the MarkdownString is neither
 * trusted nor allowed HTML or theme icons, so a hostile name renders as the characters it is.
 */
export function safeTooltip(title: string, fields: ReadonlyArray<readonly [string, string | number | null | undefined]>): vscode.MarkdownString {
  const md = new vscode.MarkdownString(
    tooltipMarkdown(title, fields.map(([label, value]) => [label, value ?? undefined] as const)),
    false,
  );
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
