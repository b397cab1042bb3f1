import * as vscode from 'vscode';
import type { ExplorerSettings } from './explorerProvider';

/** Default and bounds of `confluentCloud.pageSize` (the API caps `page_size` at 100). */
export const PAGE_SIZE = { default: 50, min: 1, max: 100 } as const;

/** Clamps a page size setting into 1..100, falling back to the default for junk. */
export function clampPageSize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return PAGE_SIZE.default;
  return Math.min(PAGE_SIZE.max, Math.max(PAGE_SIZE.min, Math.floor(value)));
}

/** Default and floor of `confluentCloud.loadAllLimit`. */
export const LOAD_ALL_LIMIT = { default: 10_000, min: 1 } as const;

/** Clamps the item limit of paging loops; junk falls back to the default. */
export function clampLoadAllLimit(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return LOAD_ALL_LIMIT.default;
  return Math.max(LOAD_ALL_LIMIT.min, Math.floor(value));
}

/** Explorer settings backed by the workspace configuration, read on each use. */
export function explorerSettingsFromConfiguration(): ExplorerSettings {
  return {
    pageSize: () => clampPageSize(vscode.workspace.getConfiguration('confluentCloud').get<number>('pageSize')),
    loadAllLimit: () => clampLoadAllLimit(vscode.workspace.getConfiguration('confluentCloud').get<number>('loadAllLimit')),
  };
}
