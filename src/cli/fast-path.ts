// Cron starts one process per device, so the exact command lines cron writes (`run-device <id>
// [--dry-run] [--queue] [--json]`, `list-tasks [--json]`) and their `--help` skip loading yargs, which
// alone costs about as much as starting node (docs/cold-start.md). Anything else, including every
// malformed variant of these lines, goes through yargs. The help texts are yargs' own output, captured at
// build time into dist/help.json (scripts/build.mjs), and a test checks they equal what yargs prints now.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type FastPath =
  | { kind: 'run'; command: 'run-device' | 'list-tasks'; args: Record<string, unknown> }
  | { kind: 'help'; text: string };

const RUN_DEVICE_FLAGS: Record<string, string> = {
  '--dry-run': 'dryRun',
  '--queue': 'queue',
  '--celery': 'queue',
  '--json': 'json',
};

/** The fast-path reading of `argv`, or undefined when yargs must parse it. */
export function fastPath(argv: readonly string[], helpFile: string): FastPath | undefined {
  const [command, ...rest] = argv;
  if ((command === 'run-device' || command === 'list-tasks') && rest.length === 1 && rest[0] === '--help') {
    const text = readHelp(helpFile, command);
    return text === undefined ? undefined : { kind: 'help', text };
  }
  if (command === 'list-tasks') {
    if (rest.length === 0) return { kind: 'run', command, args: { json: false } };
    if (rest.length === 1 && rest[0] === '--json') return { kind: 'run', command, args: { json: true } };
    return undefined;
  }
  if (command === 'run-device') {
    const [id, ...flags] = rest;
    if (id === undefined || !/^[1-9]\d{0,14}$/.test(id)) return undefined;
    const args: Record<string, unknown> = { id, dryRun: false, queue: false, json: false };
    const seen = new Set<string>();
    for (const flag of flags) {
      const key = RUN_DEVICE_FLAGS[flag];
      if (key === undefined || seen.has(key)) return undefined;
      seen.add(key);
      args[key] = true;
    }
    return { kind: 'run', command, args };
  }
  return undefined;
}

/** The help file next to the bundle. */
export function helpFileOf(projectDir: string): string {
  return path.join(projectDir, 'dist', 'help.json');
}

function readHelp(file: string, command: string): string | undefined {
  try {
    const texts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    return texts[command];
  } catch {
    return undefined;
  }
}
