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
    void vscode.window.showInformationMessage('There is no data to export yet.');
    return;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
    filters: { CSV: ['csv'] },
    saveLabel: 'Export',
  });
  if (!uri) return;
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(csv));
    void vscode.window.showInformationMessage(`Exported the chart to ${vscode.workspace.asRelativePath(uri)}.`);
  } catch (error) {
    void vscode.window.showErrorMessage(`Couldn't export the chart: ${error instanceof Error ? error.message : String(error)}`);
  }
}
