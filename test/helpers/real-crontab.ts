// Helpers for tests that use the real user crontab: foreign lines are added under the same per-user lock
// the CLI uses, and a test removes its own block at the end. Other test files may install their own blocks
// at the same time, so comparisons ignore every scflows block.

import { replaceBlock } from '../../src/crontab/block.js';
import { crontabLockFile } from '../../src/crontab/paths.js';
import { systemCrontab } from '../../src/crontab/system-crontab.js';
import { acquireLock } from '../../src/util/lockfile.js';

export const crontab = systemCrontab();

/** Run a read-modify-write of the real crontab under the per-user crontab lock. */
export async function editCrontab(edit: (text: string) => string): Promise<void> {
  const release = await acquireLock(crontabLockFile(), { waitMs: 60_000, staleMs: 600_000 });
  try {
    await crontab.write(edit(await crontab.read()));
  } finally {
    await release();
  }
}

/** Remove the block of `publicDir` from the real crontab. */
export async function removeBlock(publicDir: string): Promise<void> {
  await editCrontab((text) => replaceBlock(text, publicDir, []));
}

/** The crontab without any scflows block (what must stay byte-identical). */
export function withoutScflowsBlocks(text: string): string {
  const out: string[] = [];
  let inside = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('# BEGIN scflows ')) inside = true;
    else if (line.startsWith('# END scflows ')) inside = false;
    else if (!inside) out.push(line);
  }
  return out.join('\n');
}
