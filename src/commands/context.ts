// What every command receives from the entry point: validated config, the clock and output sinks.
import type { Config } from '../config/config.js';

export interface CommandContext {
  readonly config: Config;
  /** The clock (injected so that scheduling and run records are testable with fixed dates). */
  readonly now: () => Date;
  /** Command output (one line per call, newline added). */
  readonly stdout: (line: string) => void;
  /** Diagnostics for a human at the terminal (one line per call, newline added). */
  readonly stderr: (line: string) => void;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
}
