/** Saves a chart's CSV where the user chooses (Export CSV); the webview never touches files. */
import * as vscode from 'vscode';

/** "lkc-1-sa-2-received_bytes.csv": ids and metric only, and only filename-safe characters. */
export function csvFileName(clusterId: string, principalId: string | undefined, metric: string): string {
  const short = metric.slice(metric.lastIndexOf('/') + 1);
  return `${clusterId}${principalId ? `-${principalId}` : ''}-${short}.csv`.replace(/[^\w.-]/g, '_');
}

/** Asks for a path (suggesting the first workspace folder) and writes the file; reports the outcome. */
export async function exportCsvFile(csv: string | undefined, fileName: string): Promise<void> {
  if (!csv) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no data to export yet.'));
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
    filters: { CSV: ['csv'] },
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!uri) return;
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(csv));
    void vscode.window.showInformationMessage(vscode.l10n.t({ message: 'Exported the chart to {0}.', args: [vscode.workspace.asRelativePath(uri)], comment: ['{0} is a file path'] }));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t("Couldn't export the chart: {0}", error instanceof Error ? error.message : String(error)));
  }
}
