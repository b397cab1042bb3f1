// What tests may inspect about past requests. Deliberately excludes headers and bodies: the
// Authorization header and API key secrets must never be observable through the log.

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** 0 when the connection was dropped without a response. */
  status: number;
  /** ISO timestamp of arrival. */
  at: string;
  requestId: string;
  /** The injected fault, when one applied. */
  fault?: string;
}

const MAX_RECORDS = 20_000;

export class RequestLog {
  private records: RequestRecord[] = [];

  add(record: RequestRecord): void {
    this.records.push(record);
    // Long-running sandboxes must not grow without bound; the oldest entries go first.
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
  }

  list(): RequestRecord[] {
    return this.records.map((r) => ({ ...r, query: { ...r.query } }));
  }

  clear(): void {
    this.records = [];
  }
}

export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    out[name] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}
