// Options shared by the scheduling commands.
import type { Argv } from 'yargs';

/** --dry-run, --queue (alias --celery) and --plan. */
export function withScheduleFlags(yargs: Argv): Argv {
  return yargs
    .option('dry-run', {
      type: 'boolean',
      default: false,
      describe: 'Scheduled commands get --dry-run: they process but never post',
    })
    .option('queue', {
      type: 'boolean',
      default: false,
      alias: 'celery',
      describe: 'Scheduled commands get --queue (hand the work to the worker queue)',
    })
    .option('plan', {
      type: 'boolean',
      default: false,
      describe: 'Print the crontab diff that would be installed and change nothing',
    });
}
