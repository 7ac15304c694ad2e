// Typed errors: a stable `code`, the process exit code the CLI maps it to, and whether a retry may help.
// Callers branch on `instanceof` or `code`, never on message text. Messages are one line and never
// contain secrets (see redact.ts).

/** Exit codes of every scflows command (documented in the README). */
export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  config: 3,
  api: 4,
  crontab: 5,
  localFiles: 6,
  locked: 7,
  // run-device result states (see src/run/states.ts)
  deviceNotValid: 10,
  notValidForProcessing: 11,
  emptyData: 12,
  processingFailed: 13,
  dataPostingFailed: 14,
  interrupted: 15,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface AppErrorOptions {
  cause?: unknown;
  retryable?: boolean;
}

/** Base class of every error scflows raises on purpose. */
export class AppError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly retryable: boolean;

  constructor(code: string, exitCode: ExitCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.retryable = options.retryable ?? false;
  }
}

/** Bad command-line arguments (unknown task name, bad id, bad interval or expression). */
export class UsageError extends AppError {
  constructor(message: string, code = 'E_USAGE', options?: AppErrorOptions) {
    super(code, ExitCode.usage, message, options);
  }
}

/** Bad or missing environment configuration; `problems` lists every problem found at once. */
export class ConfigError extends AppError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super('E_CONFIG', ExitCode.config, problems.join('; '));
    this.problems = problems;
  }
}

/** The Smart Citizen API (or the data host) failed, refused or answered something unusable. */
export class ApiError extends AppError {
  readonly status: number | undefined;
  constructor(code: string, message: string, status?: number, options?: AppErrorOptions) {
    super(code, ExitCode.api, message, options);
    this.status = status;
  }
}

/** The OS crontab could not be read or written. */
export class CrontabError extends AppError {
  constructor(message: string, code = 'E_CRONTAB', options?: AppErrorOptions) {
    super(code, ExitCode.crontab, message, options);
  }
}

/** A local file scflows owns is unreadable, unwritable or corrupt (tabfile, public dir, database). */
export class LocalFileError extends AppError {
  constructor(message: string, code = 'E_LOCAL_FILE', options?: AppErrorOptions) {
    super(code, ExitCode.localFiles, message, options);
  }
}

/** Another process holds the lock. */
export class LockedError extends AppError {
  constructor(message: string, code = 'E_LOCKED', options?: AppErrorOptions) {
    super(code, ExitCode.locked, message, { retryable: true, ...options });
  }
}

/** Short description of any thrown value, for logs and one-line messages. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
