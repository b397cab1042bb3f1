/** What a paged folder and its API agree on: the items it holds and the page it asks for. */

/** Resources a folder can hold. */
export type FolderItem = { id: string; metadata?: { resource_name?: string | null } | null };

/** What a folder asks its API for: one page. */
export interface PageRequest {
  readonly pageSize: number;
  readonly pageToken?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Only passed to folders whose API filters on the server. */
  readonly filter?: string | undefined;
}
