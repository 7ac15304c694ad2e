// The result of one run-device: a value, never an exception (spec processing.md §1.2 plus scflows'
// NOTHING_NEW, LOCKED, API_UNAVAILABLE and INTERRUPTED). Each state has a documented exit code.
import { ExitCode } from '../errors.js';

export type AbortReason =
  | 'DEVICE_NOT_VALID'
  | 'NOT_VALID_FOR_PROCESSING'
  | 'EMPTY_DATA'
  | 'PROCESSING_FAILED'
  | 'INTERRUPTED';
export type FailReason = 'DATA_POSTING_FAILED' | 'API_UNAVAILABLE';

export interface RunProgress {
  /** Windows fully processed (and posted + patched unless dry run). */
  windows: number;
  rows: number;
  /** Values posted per API sensor id. */
  posted: Record<string, number>;
  /** First `from` and the last watermark reached (ISO). */
  windowFrom: string | null;
  windowTo: string | null;
  /** True when the per-run window cap stopped a device that still has data to catch up. */
  capped: boolean;
}

export type RunOutcome =
  | { kind: 'succeeded'; progress: RunProgress; warnings: string[] }
  | { kind: 'nothing-new'; progress: RunProgress; message: string }
  | { kind: 'aborted'; reason: AbortReason; message: string; progress: RunProgress }
  | { kind: 'failed'; reason: FailReason; message: string; progress: RunProgress }
  | { kind: 'locked'; message: string };

/** The state label written to logs and the run history, e.g. `ABORTED/PROCESSING_FAILED`. */
export function stateOf(outcome: RunOutcome): { state: string; reason: string | null } {
  switch (outcome.kind) {
    case 'succeeded':
      return { state: 'SUCCESS', reason: 'PROCESSED AND UPLOADED' };
    case 'nothing-new':
      return { state: 'NOTHING_NEW', reason: null };
    case 'aborted':
      return { state: 'ABORTED', reason: outcome.reason };
    case 'failed':
      return { state: 'FAILED', reason: outcome.reason };
    case 'locked':
      return { state: 'LOCKED', reason: null };
  }
}

const ABORT_EXIT: Record<AbortReason, number> = {
  DEVICE_NOT_VALID: ExitCode.deviceNotValid,
  NOT_VALID_FOR_PROCESSING: ExitCode.notValidForProcessing,
  EMPTY_DATA: ExitCode.emptyData,
  PROCESSING_FAILED: ExitCode.processingFailed,
  INTERRUPTED: ExitCode.interrupted,
};

/** The process exit code of an outcome (README: "Exit codes"). */
export function exitCodeOf(outcome: RunOutcome): number {
  switch (outcome.kind) {
    case 'succeeded':
    case 'nothing-new':
      return ExitCode.ok;
    case 'aborted':
      return ABORT_EXIT[outcome.reason];
    case 'failed':
      return outcome.reason === 'API_UNAVAILABLE' ? ExitCode.api : ExitCode.dataPostingFailed;
    case 'locked':
      return ExitCode.locked;
  }
}

/** A progress record with nothing done yet. */
export function emptyProgress(): RunProgress {
  return { windows: 0, rows: 0, posted: {}, windowFrom: null, windowTo: null, capped: false };
}
