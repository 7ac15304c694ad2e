// The OS crontab of the current user, through the `crontab` command: `crontab -l` to read ("no crontab
// for <user>" is an empty crontab) and `crontab -` (stdin) to install. Every other failure is a
// CrontabError, so a caller never writes on top of a crontab it could not read.
import { CrontabError } from '../errors.js';
import { type RunOptions, type RunResult, runProcess, SubprocessError } from '../util/subprocess.js';

/** The crontab port: what scheduling code needs from the OS crontab. */
export interface CrontabPort {
  /** The installed crontab text ('' when the user has none). */
  read(): Promise<string>;
  /** Replace the whole crontab with `text`. */
  write(text: string): Promise<void>;
}

export type ProcessRunner = (
  file: string,
  args: readonly string[],
  options: RunOptions,
) => Promise<RunResult>;

const TIMEOUT_MS = 15_000;

/** The real crontab of the user running scflows. */
export function systemCrontab(run: ProcessRunner = runProcess, command = 'crontab'): CrontabPort {
  const exec = async (args: string[], input?: string): Promise<RunResult> => {
    try {
      return await run(command, args, { timeoutMs: TIMEOUT_MS, ...(input === undefined ? {} : { input }) });
    } catch (error) {
      if (!(error instanceof SubprocessError)) throw error;
      throw new CrontabError(`${command} ${args.join(' ')}: ${error.message}`, 'E_CRONTAB', { cause: error });
    }
  };
  return {
    async read() {
      const result = await exec(['-l']);
      if (result.exitCode === 0) return result.stdout;
      if (/^no crontab for /m.test(result.stderr)) return '';
      throw new CrontabError(
        `${command} -l failed (exit ${result.exitCode}): ${firstLine(result.stderr)}`,
        'E_CRONTAB_READ',
      );
    },
    async write(text) {
      const body = text === '' || text.endsWith('\n') ? text : `${text}\n`;
      const result = await exec(['-'], body);
      if (result.exitCode !== 0) {
        throw new CrontabError(
          `${command} - refused the new crontab (exit ${result.exitCode}): ${firstLine(result.stderr)}`,
          'E_CRONTAB_WRITE',
        );
      }
    },
  };
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] || 'no message';
}
