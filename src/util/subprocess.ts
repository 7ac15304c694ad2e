// The one wrapper around execa: argument arrays (never a shell string), an explicit timeout, an environment
// without SC_BEARER unless the caller asks for it, and a typed outcome. A non-zero exit is a value
// (callers decide what it means); failing to start, a timeout or a signal is a SubprocessError.
import { AppError, ExitCode } from '../errors.js';

export interface RunOptions {
  /** Kill the child after this long. */
  timeoutMs: number;
  /** Text written to the child's stdin (stdin is empty otherwise). */
  input?: string;
  cwd?: string;
  /** Variables set on top of the inherited environment (undefined removes one). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Keep SC_BEARER in the child's environment (only for children that call the API themselves). */
  keepBearer?: boolean;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A child process that could not run to completion (not started, timed out, killed by a signal). */
export class SubprocessError extends AppError {
  readonly command: string;
  constructor(code: string, command: string, message: string, options?: { cause?: unknown }) {
    super(code, ExitCode.internal, message, options);
    this.command = command;
  }
}

/** Run `file args…` and collect its output; resolves for any exit code. */
export async function runProcess(
  file: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const name = [file, ...args.slice(0, 1)].join(' ');
  const env = { ...options.env, ...(options.keepBearer ? {} : { SC_BEARER: undefined }) };
  // Loaded on first use: importing execa costs a cold start that most commands never need.
  const { execa } = await import('./execa-module.js');
  const result = await execa(file, args, {
    reject: false,
    timeout: options.timeoutMs,
    ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    env,
    extendEnv: true,
    stripFinalNewline: false,
    encoding: 'utf8',
  });
  if (result.timedOut) {
    throw new SubprocessError(
      'E_SUBPROCESS_TIMEOUT',
      name,
      `${name} timed out after ${options.timeoutMs} ms`,
    );
  }
  if (result.exitCode === undefined) {
    const why = result.signal
      ? `was killed by ${result.signal}`
      : `could not start (${result.code ?? 'error'})`;
    throw new SubprocessError(
      result.signal ? 'E_SUBPROCESS_SIGNAL' : 'E_SUBPROCESS_SPAWN',
      name,
      `${name} ${why}`,
    );
  }
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}
