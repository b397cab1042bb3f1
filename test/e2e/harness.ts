// Per-suite harness for end-to-end tests: a fresh sandbox, code-server with the extension in
// development mode and a headless Chromium on the workbench. Everything is stopped in `after`,
// failing hooks included; a failing test leaves a screenshot and the host log in test-results/e2e/.
//
//   describe('my feature', () => {
//     const session = useWorkbench();
//     it('does something', async () => {
//       const wb = session.workbench;
//       await wb.openViewContainer();
//     });
//   });
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, type Page } from 'playwright-core';
import { Workbench } from './workbench';

export const REPO_ROOT = join(__dirname, '..', '..');
export const RESULTS_DIR = join(REPO_ROOT, 'test-results', 'e2e');

/**
 * The process/host helpers are plain ESM (.mjs) shared with the Node scripts; this CommonJS
 * TypeScript file loads them dynamically and declares the parts it uses below.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- typed by the interfaces below
function lib(name: string): Promise<any> {
  return import(pathToFileURL(join(REPO_ROOT, 'scripts', 'lib', name)).href);
}

/** The sandbox this suite talks to (see sandbox/). Its secret is passed on, never printed. */
export interface SandboxProcess {
  url: string;
  port: number;
  apiKey: string;
  apiSecret: string;
  /** Requests the sandbox received, oldest first. */
  requests(): Promise<unknown>;
  clearRequests(): Promise<unknown>;
  /** Back to the seed data. */
  reset(): Promise<unknown>;
  /** Fault injection (a string is sent as the sandbox's fault spec). */
  setFaults(spec: unknown): Promise<unknown>;
  output(): string;
  stop(): Promise<void>;
}

export interface CodeServer {
  url: string;
  port: number;
  temp: string;
  workspace: string;
  output(): string;
  stop(): Promise<void>;
  workbenchUrl(options?: { extensionTestsPath?: string; folder?: string }): string;
}

export interface WorkbenchOptions {
  /** User settings merged over the harness defaults. */
  settings?: Record<string, unknown>;
  /** Extra environment for the extension host. */
  env?: Record<string, string>;
  /** Arguments for sandbox/main.ts (e.g. ['--latency', '100']). */
  sandboxArgs?: string[];
  /** Skip connecting the extension to the sandbox (to test the signed-out experience). */
  signedOut?: boolean;
  /** Install this packaged extension and open the plain workbench instead of development mode. */
  vsix?: string;
  /**
   * Display language (code-server --locale), e.g. 'qps-ploc'. The extension's own titles are then
   * translated, so the harness waits only for the workbench, not for the Confluent Cloud icon.
   */
  locale?: string;
  /** Load the extension in development mode from this folder instead of the repository. */
  extensionPath?: string;
}

export interface Session {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly workbench: Workbench;
  readonly sandbox: SandboxProcess;
  readonly server: CodeServer;
  /** Formatted console output of the workbench and extension host so far (secrets redacted). */
  hostLog(): string[];
}

function slug(text: string): string {
  return text.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 80).toLowerCase();
}

/** Starts a full session; callers own `close()`. Prefer `useWorkbench()` inside a describe. */
export async function startSession(name: string, options: WorkbenchOptions = {}): Promise<Session & { close(): Promise<void> }> {
  const [processes, sandboxLib, codeServerLib, browserLib, consoleLib] = await Promise.all(
    ['processes.mjs', 'sandboxProcess.mjs', 'codeServer.mjs', 'browser.mjs', 'hostConsole.mjs'].map(lib),
  );
  processes.stopGroupsOnExit();
  let sandbox: SandboxProcess | undefined;
  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    await server?.stop().catch((err) => console.error(String(err)));
    await sandbox?.stop().catch((err) => console.error(String(err)));
    // Belt and braces: anything else this process started.
    await processes.stopAllGroups();
  };
  try {
    const sb: SandboxProcess = await sandboxLib.startSandboxProcess({ args: options.sandboxArgs });
    sandbox = sb;
    const env = options.signedOut ? { CCX_SANDBOX_URL: sb.url } : sandboxLib.sandboxHostEnv(sb);
    const srv: CodeServer = await codeServerLib.startCodeServer({
      extensionDevelopmentPath: options.extensionPath ?? REPO_ROOT,
      env: { ...env, ...options.env },
      settings: options.settings,
      vsix: options.vsix,
      locale: options.locale,
    });
    server = srv;
    const browser: { context: BrowserContext; page: Page } = await browserLib.launchBrowser(srv.temp);
    context = browser.context;
    const page = browser.page;
    mkdirSync(RESULTS_DIR, { recursive: true });
    const log: { lines(): string[] } = consoleLib.captureConsole(page, { logFile: join(RESULTS_DIR, `${slug(name)}.host.log`) });
    const workbench = new Workbench(page);
    await page.goto(options.vsix ? `${srv.url}/?folder=${encodeURIComponent(srv.workspace)}` : srv.workbenchUrl());
    if (options.locale) await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 90_000 });
    else await workbench.ready();
    return { page, context: browser.context, workbench, sandbox: sb, server: srv, hostLog: () => log.lines(), close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Registers before/afterEach/after hooks on the enclosing describe and returns the session
 * (its properties are usable once `before` has run, i.e. inside tests).
 */
export function useWorkbench(options: WorkbenchOptions & { name?: string } = {}): Session {
  let session: (Session & { close(): Promise<void> }) | undefined;
  const need = (): Session => {
    if (!session) throw new Error('the e2e session did not start (see the before hook failure)');
    return session;
  };
  before(async (t) => {
    session = await startSession(options.name ?? (t as { name?: string }).name ?? 'e2e', options);
  }, { timeout: 180_000 });

  afterEach(async (t) => {
    // TestContext.passed exists at run time (Node >= 20.12) but not yet in @types/node 20.
    if ((t as unknown as { passed?: boolean }).passed !== false || !session) return;
    const base = join(RESULTS_DIR, slug(t.name));
    await session.workbench.screenshot(`${base}.png`).catch(() => undefined);
    writeFileSync(`${base}.host.log`, `${session.hostLog().join('\n')}\n\n--- code-server ---\n${session.server.output()}`);
    console.error(`  screenshot and host log: ${base}.png / .host.log`);
  });

  after(async () => {
    await session?.close();
    session = undefined;
  }, { timeout: 60_000 });

  return {
    get page() { return need().page; },
    get context() { return need().context; },
    get workbench() { return need().workbench; },
    get sandbox() { return need().sandbox; },
    get server() { return need().server; },
    hostLog: () => need().hostLog(),
  };
}
