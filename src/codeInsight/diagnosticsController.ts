/**
 * Keeps the Problems panel in step with open documents: computed when a document opens, again a
 * moment after the user stops typing (debounced), dropped when it closes. Only open documents are
 * ever scanned; lookups go through the shared cache and the per-pass budget in problems.ts.
 */
import * as vscode from 'vscode';
import { type DocumentScans, isInsightDocument } from './documentScope';
import { computeProblems, type Problem } from './problems';
import type { ResourceLookup } from './resourceLookup';

export const DIAGNOSTIC_SOURCE = 'Confluent Cloud';
const DEBOUNCE_MS = 600;

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('confluentCloud');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generation = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly settled = new vscode.EventEmitter<vscode.Uri>();

  /** Fires after a document's diagnostics were (re)computed; tests wait on it. */
  readonly onDidUpdate = this.settled.event;

  constructor(
    private readonly scans: DocumentScans,
    private readonly lookup: ResourceLookup,
    private readonly log: (message: string) => void,
  ) {
    this.subscriptions.push(
      this.collection,
      this.settled,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d)),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /**
   * Recomputes the documents shown in editors (organizations changed). Documents open in the
   * background catch up when they are next edited or opened, so a change costs no requests for
   * files nobody is looking at.
   */
  refreshAll(): void {
    const shown = new Set(vscode.window.visibleTextEditors.map((e) => e.document));
    for (const document of shown) this.schedule(document, 0);
  }

  /** Computes one document now and resolves with its diagnostics (used by tests and commands). */
  async update(document: vscode.TextDocument): Promise<readonly vscode.Diagnostic[]> {
    const key = document.uri.toString();
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    if (!isInsightDocument(document)) {
      this.collection.delete(document.uri);
      return [];
    }
    const version = document.version;
    const scan = this.scans.scan(document);
    let problems: Problem[];
    try {
      problems = await computeProblems(scan, this.lookup);
    } catch (error) {
      this.log(`code insight: ${error instanceof Error ? error.message : String(error)}`);
      return this.collection.get(document.uri) ?? [];
    }
    // A newer pass (or an edit, or a close) superseded this one.
    if (this.generation.get(key) !== generation || document.isClosed || document.version !== version) return this.collection.get(document.uri) ?? [];
    const diagnostics = problems.map((p) => toDiagnostic(document, p));
    this.collection.set(document.uri, diagnostics);
    this.settled.fire(document.uri);
    return diagnostics;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.subscriptions) d.dispose();
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return;
    const key = document.uri.toString();
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.update(document);
    }, delay));
  }

  private clear(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
    this.collection.delete(document.uri);
    this.scans.forget(document);
  }
}

function toDiagnostic(document: vscode.TextDocument, problem: Problem): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(problem.start), document.positionAt(problem.end));
  const severity = problem.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(range, problem.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}
