// The winston logger factory. One line per event — `<ISO time> <level> <constant message> <JSON meta>` —
// handed to the file in a single write(2) on an O_APPEND descriptor, so lines of the cron processes that
// share one log file never interleave mid-line. Secrets are redacted from the message and every string
// in the metadata before the line is built.
import { mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import winston from 'winston';
import { AppError, ConfigError, describeError, ExitCode, LocalFileError } from '../errors.js';
import { AppendSink } from './append-sink.js';
import { formatLine } from './line.js';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type LogMeta = Record<string, unknown>;

export interface Logger {
  debug(message: string, meta?: LogMeta): void;
  info(message: string, meta?: LogMeta): void;
  warn(message: string, meta?: LogMeta): void;
  error(message: string, meta?: LogMeta): void;
  /** Flush and close the log file; rejects with LocalFileError if a line could not be written. */
  close(): Promise<void>;
}

export interface LoggerOptions {
  /** Append to this file (its directory is created). */
  file?: string;
  /** Also write every line to stderr. */
  console?: 'stderr' | false;
  /** Lowest level written (default `info`). */
  level?: string;
  /** Removed from every line (the bearer token). */
  secret?: string;
  /** Clock of the line timestamps (default: the system clock). */
  now?: () => Date;
}

const LEVELS: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };
const MESSAGE = Symbol.for('message');

/** Build a logger writing to a file and/or stderr; with neither, lines are dropped. */
export function createLogger(options: LoggerOptions): Logger {
  const level = options.level ?? 'info';
  if (!Object.hasOwn(LEVELS, level)) {
    throw new ConfigError([`log level must be one of ${Object.keys(LEVELS).join(', ')}, got "${level}"`]);
  }
  const now = options.now ?? (() => new Date());
  const sink = options.file === undefined ? undefined : new AppendSink(openLogFile(options.file));
  const transports: winston.transport[] = [];
  if (sink) transports.push(new winston.transports.Stream({ stream: sink, eol: '\n' }));
  if (options.console === 'stderr') {
    transports.push(new winston.transports.Stream({ stream: stderrSink(), eol: '\n' }));
  }

  const line = winston.format((info) => {
    info[MESSAGE] = formatLine(now(), info.level, String(info.message), info.meta as LogMeta, options.secret);
    return info;
  });
  const logger = winston.createLogger({
    levels: LEVELS,
    level,
    format: line(),
    transports,
    // Without transports winston would warn on stderr for every line: drop them instead.
    silent: transports.length === 0,
  });

  let closing: Promise<void> | undefined;
  const emit = (lvl: LogLevel) => (message: string, meta?: LogMeta) => {
    if (closing) {
      throw new AppError(
        'E_LOG_CLOSED',
        ExitCode.internal,
        `log line "${message}" after the logger was closed`,
      );
    }
    logger.log({ level: lvl, message, meta: meta ?? {} });
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    close: () => {
      closing ??= (async () => {
        // The logger's 'finish' waits for every transport to finish (winston's _final).
        await new Promise<void>((resolve) => logger.end(resolve));
        if (!sink) return;
        await sink.closeFile();
        if (sink.failure !== undefined) {
          throw new LocalFileError(
            `log file ${options.file} could not be written: ${describeError(sink.failure)}`,
            'E_LOG_FILE',
            { cause: sink.failure },
          );
        }
      })();
      return closing;
    },
  };
}

function openLogFile(file: string): number {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    return openSync(file, 'a');
  } catch (error) {
    throw new LocalFileError(`log file ${file} cannot be opened: ${describeError(error)}`, 'E_LOG_FILE', {
      cause: error,
    });
  }
}

// A stream of its own over process.stderr (winston's Stream transport changes its target's listener limit).
function stderrSink(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      process.stderr.write(chunk);
      callback();
    },
  });
}
