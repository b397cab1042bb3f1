// Console markers around the mocha run: the runner echoes only what lies between them.
export const RUN_BEGIN_MARKER = '=== in-host tests: begin ===';
export const RUN_END_MARKER = '=== in-host tests: end ===';

// Shape of the JSON the in-host mocha run writes to $CCX_HOST_RESULTS (read by scripts/runHostTests.mjs).
export interface HostTestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export interface HostTestResults {
  /** False until mocha finished: the file is rewritten after every test so a crash keeps what ran. */
  complete: boolean;
  /** The test that was running when the file was last written (points at a hang or crash). */
  running?: string;
  files: string[];
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: HostTestRecord[];
}
