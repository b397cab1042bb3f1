// Reads the sandbox behind the workbench's back, with its own key: to check what a command
// changed on the server without going through the extension under test.
import type { SandboxProcess } from './harness';

/** A GET with the sandbox's key; the secret goes only into the header, never into a message. */
function sandboxFetch(sandbox: SandboxProcess, path: string): Promise<Response> {
  const { url, apiKey, apiSecret } = sandbox;
  return fetch(`${url}${path}`, { headers: { Authorization: `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}` } });
}

/** The HTTP status of a GET (200 while a resource exists, 404 once it is deleted). */
export async function sandboxStatus(sandbox: SandboxProcess, path: string): Promise<number> {
  const res = await sandboxFetch(sandbox, path);
  // Read the body so the connection goes back to the pool.
  await res.arrayBuffer();
  return res.status;
}

/** The parsed JSON body of a GET. */
export async function sandboxJson<T>(sandbox: SandboxProcess, path: string): Promise<T> {
  const res = await sandboxFetch(sandbox, path);
  return (await res.json()) as T;
}
