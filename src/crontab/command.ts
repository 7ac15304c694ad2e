// The shell command of an entry: `cd '<project>' && [SCFLOWS_PUBLIC_DIR='…'] [SCFLOWS_ENV_FILE='…']
// '<node>' '<project>/bin/scflows' <args…> >> '<log>' 2>&1`. Paths are single-quoted; no environment
// value other than these two paths ever goes into the command (the env file carries the secrets).
import path from 'node:path';
import type { Config } from '../config/config.js';
import { CrontabError } from '../errors.js';

export type CommandConfig = Pick<
  Config,
  'projectDir' | 'publicDir' | 'envFile' | 'nodePath' | 'explicitPaths'
>;

const QUOTED = String.raw`'(?:[^']|'\\'')*'`;
const COMMAND = new RegExp(
  `^cd ${QUOTED} && (?:SCFLOWS_[A-Z_]+=${QUOTED} )*${QUOTED} ${QUOTED} ([a-z0-9][a-z0-9 -]*?) >> (${QUOTED}) 2>&1$`,
);

/** Quote a word for sh: single quotes, an embedded quote as '\''. */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", String.raw`'\''`)}'`;
}

function unquote(quoted: string): string {
  return quoted.slice(1, -1).replaceAll(String.raw`'\''`, "'");
}

/** The log file of a device's entry: <publicDir>/tasks/<id>/<id>.log. */
export function deviceLogFile(publicDir: string, id: number): string {
  return path.join(publicDir, 'tasks', String(id), `${id}.log`);
}

/** The log file of the scheduler entry: <publicDir>/tasks/scheduler.log. */
export function schedulerLogFile(publicDir: string): string {
  return path.join(publicDir, 'tasks', 'scheduler.log');
}

/** Render the command that runs `scflows <args>` from cron, appending its output to `logFile`. */
export function renderCommand(config: CommandConfig, args: readonly string[], logFile: string): string {
  for (const arg of args) {
    if (!/^(--)?[a-z0-9][a-z0-9-]*$/.test(arg))
      throw new CrontabError(`refusing scflows argument "${arg}" in a cron entry`);
  }
  const env: string[] = [];
  if (config.explicitPaths.publicDir) env.push(`SCFLOWS_PUBLIC_DIR=${shellQuote(config.publicDir)}`);
  if (config.explicitPaths.envFile) env.push(`SCFLOWS_ENV_FILE=${shellQuote(config.envFile)}`);
  const words = [
    'cd',
    shellQuote(config.projectDir),
    '&&',
    ...env,
    shellQuote(config.nodePath),
    shellQuote(path.join(config.projectDir, 'bin', 'scflows')),
    ...args,
    '>>',
    shellQuote(logFile),
    '2>&1',
  ];
  const command = words.join(' ');
  if (/[\n\r\0]/.test(command)) {
    throw new CrontabError(
      'a path of the cron entry contains a line break or NUL; move the project or public dir',
      'E_ENTRY_INVALID',
    );
  }
  return command;
}

/** The scflows arguments and log file of a command renderCommand produced, or undefined. */
export function parseCommand(command: string): { args: string[]; logFile: string } | undefined {
  const match = COMMAND.exec(command);
  if (!match || match[1] === undefined || match[2] === undefined) return undefined;
  return { args: match[1].split(' '), logFile: unquote(match[2]) };
}
