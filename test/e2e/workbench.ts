// Page object for the VS Code web workbench: the actions a user takes, written once.
// Every wait is on a condition with a timeout; no fixed sleeps.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type FrameLocator, type Locator, type Page } from 'playwright-core';

export const CONTAINER_TITLE = 'Confluent Cloud';
const QUICK_INPUT = '.quick-input-widget';

export class Workbench {
  constructor(readonly page: Page, readonly timeoutMs = 20_000) {}

  /** Waits until the workbench is laid out and our development extension is loaded. */
  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 90_000 });
    await this.activityBarItem(CONTAINER_TITLE).waitFor({ state: 'visible', timeout: 60_000 });
  }

  activityBarItem(title: string): Locator {
    return this.page.locator(`.part.activitybar .action-item a[aria-label^="${title}"]`).first();
  }

  /** The side bar title, e.g. 'CONFLUENT CLOUD: EXPLORER' (CSS upper-cases it; text is as declared). */
  sideBarTitle(): Locator {
    return this.page.locator('.part.sidebar .title-label').first();
  }

  /** Opens a view container from the activity bar (no-op when it is already showing). */
  async openViewContainer(title = CONTAINER_TITLE): Promise<void> {
    const title_ = this.sideBarTitle();
    if ((await title_.isVisible()) && (await title_.innerText()).toLowerCase().startsWith(title.toLowerCase())) return;
    await this.activityBarItem(title).click();
    await this.page
      .locator('.part.sidebar .title-label', { hasText: new RegExp(`^${escapeRegExp(title)}`, 'i') })
      .waitFor({ state: 'visible', timeout: this.timeoutMs });
  }

  /** A view's pane (header + body) in the side bar by its name, e.g. 'Explorer'. */
  viewPane(name: string): Locator {
    return this.page.locator('.part.sidebar .pane', {
      has: this.page.locator('.pane-header', { hasText: new RegExp(escapeRegExp(name), 'i') }),
    });
  }

  /** A tree row in the side bar whose label matches (exact string or RegExp). */
  treeRow(label: string | RegExp): Locator {
    const text = typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) : label;
    return this.page
      .locator('.part.sidebar .monaco-list-row[role="treeitem"]')
      .filter({ has: this.page.locator('.label-name', { hasText: text }) })
      .first();
  }

  /** All visible tree row labels in the side bar, top to bottom. */
  async treeLabels(): Promise<string[]> {
    return this.page.locator('.part.sidebar .monaco-list-row[role="treeitem"] .label-name').allInnerTexts();
  }

  /**
   * Scrolls the side bar's tree until the row is rendered. The tree renders only the rows in view,
   * and the extension reveals a created item (which scrolls it), so a row asked for next may be
   * out of view: from the top, then down a screen at a time.
   */
  async scrollToRow(label: string | RegExp): Promise<Locator> {
    const row = this.treeRow(label);
    if (await row.isVisible()) return row;
    // The keyboard, not the wheel: a hover card over the list would take the wheel events.
    await this.page.keyboard.press('Escape');
    await this.page.locator('.part.sidebar .monaco-list').first().focus();
    await this.page.keyboard.press('Home');
    for (let step = 0; step < 40; step++) {
      try {
        await row.waitFor({ state: 'visible', timeout: 500 });
        return row;
      } catch {
        await this.page.keyboard.press('PageDown');
      }
    }
    await row.waitFor({ state: 'visible', timeout: this.timeoutMs });
    return row;
  }

  /** Expands a collapsed tree row and waits until it reports expanded. */
  async expand(label: string | RegExp): Promise<void> {
    const row = this.treeRow(label);
    try {
      await row.waitFor({ state: 'visible', timeout: Math.min(5_000, this.timeoutMs) });
    } catch {
      await this.scrollToRow(label);
    }
    // The extension expands the first organization by itself on a first start; a click that
    // lands just after that collapses it again, so check and click until it stays expanded.
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      if ((await row.getAttribute('aria-expanded')) === 'true') return;
      await row.locator('.monaco-tl-twistie').click();
      try {
        await this.page.waitForFunction(
          (el) => el?.getAttribute('aria-expanded') === 'true',
          await row.elementHandle(),
          { timeout: Math.max(1_000, Math.min(3_000, deadline - Date.now())) },
        );
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  /** Right-clicks a tree row and picks a context menu entry. */
  async contextMenu(rowLabel: string | RegExp, item: string | RegExp): Promise<void> {
    const row = this.treeRow(rowLabel);
    try {
      await row.waitFor({ state: 'visible', timeout: Math.min(5_000, this.timeoutMs) });
    } catch {
      await this.scrollToRow(rowLabel);
    }
    await row.click({ button: 'right' });
    // The menu lives in a shadow root; Playwright's CSS engine pierces it.
    const menu = this.page.locator('.monaco-menu').first();
    const entry = menu.locator('.action-item:not(.disabled) .action-label', { hasText: item }).first();
    await entry.waitFor({ state: 'visible', timeout: this.timeoutMs });
    await entry.hover();
    await entry.click();
    // A click that lands while the menu is still settling can be swallowed (seen on a loaded
    // machine); the hovered entry has focus then, so Enter triggers it.
    if (!(await hidden(menu, 2_000))) {
      await this.page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden', timeout: this.timeoutMs });
    }
  }

  /** Runs a command from the F1 palette by its full title, e.g. 'Confluent Cloud: Refresh'. */
  async runCommand(title: string): Promise<void> {
    const widget = this.page.locator(QUICK_INPUT);
    const input = widget.locator('input').first();
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: 5_000 });
        break;
      } catch {
        await this.page.keyboard.press('Escape');
      }
    }
    await input.fill(`>${title}`);
    const row = widget.locator('.monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: this.timeoutMs });
    await row.click();
  }

  /** The quick input (showInputBox / showQuickPick / palette). */
  quickInput(): Locator {
    return this.page.locator(QUICK_INPUT);
  }

  /**
   * Types into the open quick input (an input box the extension showed) and presses Enter.
   * The widget is reused after a palette pick, so wait for it to leave command mode first.
   */
  async fillQuickInput(text: string, { submit = true } = {}): Promise<void> {
    const input = this.quickInput().locator('input').first();
    await input.waitFor({ state: 'visible', timeout: this.timeoutMs });
    await this.page.waitForFunction(
      (el) => !(el as HTMLInputElement | null)?.value.startsWith('>'),
      await input.elementHandle(),
      { timeout: this.timeoutMs },
    );
    await input.fill(text);
    if (submit) await input.press('Enter');
  }

  /** Picks an item in an open quick pick by its label. */
  async pickQuickItem(label: string | RegExp): Promise<void> {
    const row = this.quickInput().locator('.monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: this.timeoutMs });
    await row.click();
  }

  /** Visible notification toasts' messages. */
  notifications(): Locator {
    return this.page.locator('.notifications-toasts .notification-toast .notification-list-item-message');
  }

  /** Waits for a toast whose message matches and returns its text (toasts fade: call right after the action). */
  async waitForNotification(text: string | RegExp): Promise<string> {
    const toast = this.notifications().filter({ hasText: text }).first();
    await toast.waitFor({ state: 'visible', timeout: this.timeoutMs });
    return toast.innerText();
  }

  /** Clicks a button on the toast whose message matches. */
  async clickNotificationButton(text: string | RegExp, button: string | RegExp): Promise<void> {
    const toast = this.page.locator('.notifications-toasts .notification-toast', {
      has: this.page.locator('.notification-list-item-message', { hasText: text }),
    }).first();
    await toast.locator('.monaco-button', { hasText: button }).first().click();
  }

  /** The content of the most recently opened webview (panel or view). */
  webview(): FrameLocator {
    return this.page.locator('iframe.webview.ready').last().contentFrame().frameLocator('#active-frame');
  }

  /** Editor tab by title. */
  editorTab(title: string | RegExp): Locator {
    return this.page.locator('.part.editor .tabs-container .tab', { hasText: title }).first();
  }

  /** Reads the browser clipboard (the context is granted clipboard permissions). */
  async clipboardText(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /**
   * Pastes the clipboard into a new untitled editor and returns the editor text: checks what a
   * user would actually get when pasting, independent of the clipboard API.
   */
  async pasteIntoNewEditor(): Promise<string> {
    await this.runCommand('File: New Untitled Text File');
    const editor = this.page.locator('.part.editor .monaco-editor').last();
    await editor.waitFor({ state: 'visible', timeout: this.timeoutMs });
    await editor.click();
    await this.page.keyboard.press('Control+V');
    const lines = editor.locator('.view-lines');
    await this.page.waitForFunction((el) => (el?.textContent ?? '').trim().length > 0, await lines.elementHandle(), {
      timeout: this.timeoutMs,
    });
    // Monaco renders spaces as U+00A0.
    return (await lines.innerText()).replace(/\u00a0/g, ' ');
  }

  /** Saves a screenshot (e.g. test-results/…, or media/screenshots/ for the README). */
  async screenshot(path: string, { target, mask = [] }: { target?: Locator; mask?: Locator[] } = {}): Promise<void> {
    mkdirSync(dirname(path), { recursive: true });
    if (target) await target.screenshot({ path, mask });
    else await this.page.screenshot({ path, mask });
  }
}

async function hidden(locator: Locator, timeout: number): Promise<boolean> {
  try {
    await locator.waitFor({ state: 'hidden', timeout });
    return true;
  } catch {
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
