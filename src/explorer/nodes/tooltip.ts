import * as vscode from 'vscode';
import { cap, LABEL_MAX, plainLine, TOOLTIP_MAX } from '../../ui/inertText';
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
  return lockDown(md);
}

// Names are capped at LABEL_MAX where nodes build their rows; a whole row (an error sentence, a
// description with a decorator's "active 3 h ago") may run a little longer.
const ROW_MAX = LABEL_MAX + 40;

/** No command links, no HTML, no `$(icon)`: whatever a Markdown tooltip holds stays text. */
export function lockDown(md: vscode.MarkdownString): vscode.MarkdownString {
  md.isTrusted = false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

/**
 * The last word on every row the view shows, applied by the provider to each node's item: the
 * label and description become one plain, capped line with hidden characters revealed; a string
 * tooltip is capped; a Markdown tooltip is locked down. Node classes already build safe text;
 * this keeps a node that forgets from showing a 10 KB name or a bidi override.
 */
export function sanitizeTreeItem(item: vscode.TreeItem): vscode.TreeItem {
  if (typeof item.label === 'string') item.label = plainLine(item.label, ROW_MAX) || ' ';
  else if (item.label) item.label = { label: plainLine(item.label.label, ROW_MAX) || ' ' };
  if (typeof item.description === 'string') item.description = plainLine(item.description, ROW_MAX);
  if (typeof item.tooltip === 'string') item.tooltip = cap(item.tooltip, TOOLTIP_MAX);
  else if (item.tooltip instanceof vscode.MarkdownString) lockDown(item.tooltip);
  return item;
}
