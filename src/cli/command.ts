// The shape of one CLI command: yargs wiring plus a handler that lazily imports the command module,
// so that starting `scflows run-device` does not load the scheduler, the stand-in API or their deps.
import type { Argv } from 'yargs';
import type { CommandContext } from '../commands/context.js';
import type { Config } from '../config/config.js';

export interface CliIo {
  readonly now: () => Date;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly signal: AbortSignal;
  /** The project root (bin/, dist/, public/). */
  readonly projectDir: string;
  /** Load and validate the configuration (throws ConfigError). */
  readonly config: () => Config;
}

export interface CommandSpec {
  readonly command: string;
  readonly aliases?: readonly string[];
  readonly describe: string;
  readonly builder: (yargs: Argv) => Argv;
  /** Run the command; resolves to the process exit code. */
  readonly run: (args: Record<string, unknown>, io: CliIo) => Promise<number>;
}

/** The CommandContext of a command that needs the configuration. */
export function contextOf(io: CliIo): CommandContext {
  return { config: io.config(), now: io.now, stdout: io.stdout, stderr: io.stderr, signal: io.signal };
}
