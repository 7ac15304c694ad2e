// scflows' block in the user crontab (pure): `# BEGIN scflows <publicDir>` … `# END scflows <publicDir>`,
// keyed by the public dir so that installs with different public dirs coexist. Everything outside the
// block is kept byte for byte.
import { CrontabError } from '../errors.js';

/** The marker lines of the block of `publicDir`. */
export function blockMarkers(publicDir: string): { begin: string; end: string } {
  return { begin: `# BEGIN scflows ${publicDir}`, end: `# END scflows ${publicDir}` };
}

interface Located {
  lines: string[];
  begin: number;
  end: number;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function locate(text: string, publicDir: string): Located {
  const { begin, end } = blockMarkers(publicDir);
  const lines = splitLines(text);
  const begins = indexesOf(lines, begin);
  const ends = indexesOf(lines, end);
  const broken = (why: string) =>
    new CrontabError(
      `the crontab block of ${publicDir} is broken: ${why}; fix it with "crontab -e"`,
      'E_CRONTAB_BLOCK',
    );
  if (begins.length > 1 || ends.length > 1) throw broken('its BEGIN or END marker appears more than once');
  const [b] = begins;
  const [e] = ends;
  if (b === undefined && e === undefined) return { lines, begin: -1, end: -1 };
  if (b === undefined) throw broken('END marker without BEGIN');
  if (e === undefined) throw broken('BEGIN marker without END');
  if (e < b) throw broken('END marker before BEGIN');
  return { lines, begin: b, end: e };
}

function indexesOf(lines: readonly string[], wanted: string): number[] {
  const found: number[] = [];
  lines.forEach((line, i) => {
    if (line === wanted) found.push(i);
  });
  return found;
}

/** The lines inside the block of `publicDir` (empty when there is no block). */
export function readBlock(crontab: string, publicDir: string): string[] {
  const { lines, begin, end } = locate(crontab, publicDir);
  return begin < 0 ? [] : lines.slice(begin + 1, end);
}

/** The crontab with the block of `publicDir` replaced by `entries` (no entries: the block is removed). */
export function replaceBlock(crontab: string, publicDir: string, entries: readonly string[]): string {
  const { lines, begin, end } = locate(crontab, publicDir);
  const { begin: open, end: close } = blockMarkers(publicDir);
  const block = entries.length === 0 ? [] : [open, ...entries, close];
  const next =
    begin < 0 ? [...lines, ...block] : [...lines.slice(0, begin), ...block, ...lines.slice(end + 1)];
  return next.length === 0 ? '' : `${next.join('\n')}\n`;
}
