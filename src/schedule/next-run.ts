// When a schedule fires next, in the local time zone (as cron does), computed by cron-parser from the
// already validated numeric form.
import { CronExpressionParser } from 'cron-parser';
import { UsageError } from '../errors.js';
import type { CronSchedule } from './cron-expression.js';

/** The first firing time strictly after `now`. */
export function nextRun(schedule: CronSchedule, now: Date): Date {
  try {
    return CronExpressionParser.parse(schedule.numeric, { currentDate: now }).next().toDate();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot compute the next run of "${schedule.expression}": ${text}`, 'E_BAD_CRON');
  }
}
