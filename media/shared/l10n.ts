/**
 * Loads the display language's translations the host put on `<main id="app">`; call it before
 * anything is drawn. Absent (English) or unreadable, every text stays as written: a broken bundle
 * must not cost the user the view.
 */
import * as l10n from '@vscode/l10n';
import { L10N_ATTRIBUTE } from '../../src/ui/webviewL10n';

export function useHostTranslations(view: string): void {
  const json = document.getElementById('app')?.getAttribute(L10N_ATTRIBUTE);
  if (!json) return;
  try {
    l10n.config({ contents: JSON.parse(json) as l10n.l10nJsonFormat });
  } catch {
    console.warn(`${view}: ignored unreadable translations`);
  }
}
