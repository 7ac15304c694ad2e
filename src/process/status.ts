// Metric status codes (scdata `error_codes.py`) and the two ways a metric function can stop abnormally.
import { AppError, ExitCode } from '../errors.js';

/** Status a metric function returns (spec §3.1). */
export type StatusCode =
  | 'SUCCESS'
  | 'WARNING_EMPTY_ID'
  | 'WARNING_NULL_CHANNEL'
  | 'ERROR_MISSING_INPUTS'
  | 'ERROR_CALIBRATION_NOT_FOUND'
  | 'ERROR_WRONG_CALIBRATION'
  | 'ERROR_MISSING_CHANNEL'
  | 'ERROR_WRONG_HW'
  | 'ERROR_UNDEFINED'
  | 'DEFAULT';

/** Every status code, in the order of the original enum. */
export const STATUS_CODES: readonly StatusCode[] = [
  'ERROR_MISSING_INPUTS',
  'ERROR_CALIBRATION_NOT_FOUND',
  'ERROR_WRONG_CALIBRATION',
  'ERROR_MISSING_CHANNEL',
  'ERROR_WRONG_HW',
  'ERROR_UNDEFINED',
  'WARNING_EMPTY_ID',
  'WARNING_NULL_CHANNEL',
  'SUCCESS',
  'DEFAULT',
];

/** True for the statuses that store nothing and do not fail the run. */
export function isWarningStatus(status: StatusCode): boolean {
  return status.startsWith('WARNING_');
}

/** True for the statuses that fail the run (`DEFAULT`, never returned by a function, counts as one). */
export function isErrorStatus(status: StatusCode): boolean {
  return status !== 'SUCCESS' && !isWarningStatus(status);
}

/**
 * The original raised a `KeyError` (missing kwarg, missing column such as the temperature or NO2 column):
 * the original's `process()` counts it as an error of that metric and carries on.
 */
export class MetricKeyError extends AppError {
  constructor(message: string) {
    super('E_METRIC_KEY', ExitCode.processingFailed, message);
  }
}

/**
 * The original raised any other exception (StopIteration, fewer than 3 samples for `baseline_als`, fewer
 * than 2 points in the line fit, a bad option): the whole upstream run would crash. `metric` is filled in
 * by `processTable`.
 */
export class MetricCrash extends AppError {
  readonly metric: string | undefined;
  constructor(message: string, metric?: string, options?: { cause?: unknown }) {
    super('E_METRIC_CRASH', ExitCode.processingFailed, message, options);
    this.metric = metric;
  }
}
