import * as vscode from 'vscode';

/**
 * Composition root: builds the long-lived objects, wires them together and hands every
 * disposable to the extension context. No behaviour lives here.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Confluent Cloud', { log: true });
  context.subscriptions.push(log);
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
