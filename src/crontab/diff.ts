// A unified-style line diff for --plan: `-` for lines that would go, `+` for lines that would come.
// Linear time (crontabs with 10,000 entries): lines are matched in order, with counts deciding whether a
// line that differs at the current position disappears, appears or moves.

/** The `-`/`+` lines that turn `before` into `after` (empty when they are equal). */
export function lineDiff(before: string, after: string): string[] {
  const a = toLines(before);
  const b = toLines(after);
  const leftA = countLines(a);
  const leftB = countLines(b);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  const take = (map: Map<string, number>, line: string) => map.set(line, (map.get(line) ?? 1) - 1);
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x !== undefined && y !== undefined && x === y) {
      take(leftA, x);
      take(leftB, y);
      i += 1;
      j += 1;
    } else if (x !== undefined && (leftB.get(x) ?? 0) === 0) {
      out.push(`-${x}`);
      take(leftA, x);
      i += 1;
    } else if (y !== undefined && (leftA.get(y) ?? 0) === 0) {
      out.push(`+${y}`);
      take(leftB, y);
      j += 1;
    } else if (x !== undefined) {
      // Both lines occur later on the other side: x moves; drop it here, it is added where it reappears.
      out.push(`-${x}`);
      take(leftA, x);
      i += 1;
    } else if (y !== undefined) {
      out.push(`+${y}`);
      take(leftB, y);
      j += 1;
    }
  }
  return out;
}

/** The --plan output: a header and the diff lines, or a note that nothing would change. */
export function formatPlan(before: string, after: string): string[] {
  const diff = lineDiff(before, after);
  if (diff.length === 0) return ['plan: the crontab would not change'];
  return ['--- crontab (installed)', '+++ crontab (planned)', ...diff];
}

function toLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function countLines(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}
