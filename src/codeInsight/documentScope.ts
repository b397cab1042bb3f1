/**
 * Which documents code insight looks at (open files and untitled editors of any language, never
 * output channels, diffs of git objects or settings) and a per-version cache of what they contain.
 */
import type * as vscode from 'vscode';
import { findReferences, type Reference } from './idPatterns';
import { findSecrets, type SecretFinding } from './secretScan';

/** Every language, but only real files and untitled editors. */
export const INSIGHT_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** Files larger than this (minified bundles, data dumps) are skipped. */
const MAX_CHARACTERS = 1_000_000;

export function isInsightDocument(document: vscode.TextDocument): boolean {
  return (document.uri.scheme === 'file' || document.uri.scheme === 'untitled') && document.getText().length <= MAX_CHARACTERS;
}

export interface ScannedDocument {
  readonly version: number;
  readonly references: readonly Reference[];
  readonly secrets: readonly SecretFinding[];
}

/** Scans each document version once, however many providers ask. */
export class DocumentScans {
  private readonly cache = new Map<string, ScannedDocument>();

  scan(document: vscode.TextDocument): ScannedDocument {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached?.version === document.version) return cached;
    const text = isInsightDocument(document) ? document.getText() : '';
    const scanned = { version: document.version, references: findReferences(text), secrets: findSecrets(text) };
    this.cache.set(key, scanned);
    return scanned;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}
