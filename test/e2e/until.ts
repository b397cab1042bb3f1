// Polling for end-to-end tests: wait on a condition, never on a fixed time.

/**
 * Polls `check` every 100 ms until it is true. A check that throws (a row not rendered yet)
 * counts as false; its last error is kept for the timeout message. `what` may be a function so
 * that a costly description (the sandbox's recent requests) is built only on a timeout.
 */
export async function until(check: () => Promise<boolean>, what: string | (() => Promise<string>), timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const description = typeof what === 'string' ? what : await what();
      throw new Error(`timed out waiting for ${description}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
