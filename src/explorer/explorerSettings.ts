import * as vscode from 'vscode';
import type { ExplorerSettings } from './explorerProvider';
import { loadAllLimitSetting, pageSizeSetting } from './settingBounds';

/** Explorer settings backed by the workspace configuration, read on each use. */
export function explorerSettingsFromConfiguration(): ExplorerSettings {
  return {
    pageSize: () => pageSizeSetting(vscode.workspace.getConfiguration('confluentCloud').get<number>('pageSize')),
    loadAllLimit: () => loadAllLimitSetting(vscode.workspace.getConfiguration('confluentCloud').get<number>('loadAllLimit')),
  };
}
