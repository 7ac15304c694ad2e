// `scflows runs`: the run history of <publicDir>/runs.sqlite, newest first, as a table or as JSON.
// A missing database means nothing ran yet: it is reported, never created.
import { existsSync } from 'node:fs';
import { ExitCode } from '../errors.js';
import { openRunStore, RUNNING, type RunRecord, runStoreFile } from '../run/records/store.js';
import type { CommandContext } from './context.js';

export interface ListRunsOptions {
  device: number | undefined;
  limit: number;
  json: boolean;
}

const NO_RUNS = 'no runs recorded yet';

/** Print the run history; resolves to the exit code (0). */
export async function listRuns(opts: ListRunsOptions, ctx: CommandContext): Promise<number> {
  const file = runStoreFile(ctx.config.publicDir);
  let runs: RunRecord[] = [];
  if (existsSync(file)) {
    const store = openRunStore(file, { retentionDays: ctx.config.run.runsRetentionDays, now: ctx.now });
    try {
      runs = store.list({ device: opts.device, limit: opts.limit });
    } finally {
      store.close();
    }
  }
  if (opts.json) {
    ctx.stdout(JSON.stringify(runs, null, 2));
  } else if (runs.length === 0) {
    ctx.stdout(opts.device === undefined ? NO_RUNS : `${NO_RUNS} for device ${opts.device}`);
  } else {
    for (const line of renderRuns(runs)) ctx.stdout(line);
  }
  return ExitCode.ok;
}

const COLUMNS = [
  'STARTED (UTC)',
  'DEVICE',
  'STATE',
  'WINDOW (UTC)',
  'ROWS',
  'POSTED',
  'DURATION',
  'EXIT',
] as const;
const RIGHT = new Set<string>(['DEVICE', 'ROWS', 'DURATION', 'EXIT']);

// The table lines (header first), columns padded to their widest cell, numbers right-aligned.
function renderRuns(runs: readonly RunRecord[]): string[] {
  const rows = runs.map((run) => [
    time(run.startedAt),
    String(run.device),
    state(run),
    run.windowFrom === null && run.windowTo === null
      ? '-'
      : `${time(run.windowFrom ?? '?')} .. ${time(run.windowTo ?? '?')}`,
    String(run.rows),
    posted(run.posted),
    run.durationMs === null ? (run.state === RUNNING ? 'running' : '-') : duration(run.durationMs),
    run.exitCode === null ? '-' : String(run.exitCode),
  ]);
  const table = [[...COLUMNS], ...rows];
  const widths = COLUMNS.map((_, c) => Math.max(...table.map((row) => row[c]?.length ?? 0)));
  return table.map((row) =>
    row
      .map((cell, c) => {
        const width = widths[c] ?? 0;
        return RIGHT.has(COLUMNS[c] ?? '') ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd(),
  );
}

function state(run: RunRecord): string {
  const text = run.reason === null ? run.state : `${run.state} (${run.reason})`;
  return run.dryRun ? `${text} [dry run]` : text;
}

// `2026-11-27T13:15:58.123Z` → `2026-11-27 13:15:58`; anything else is shown as stored.
function time(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 19).replace('T', ' ');
}

function posted(bySensor: Record<string, number>): string {
  const entries = Object.entries(bySensor).sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b));
  return entries.length === 0 ? '-' : entries.map(([sensor, count]) => `${sensor}:${count}`).join(' ');
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}m`;
}
