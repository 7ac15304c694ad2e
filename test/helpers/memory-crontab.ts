// An in-memory crontab port (the adapter contract of src/crontab/system-crontab.ts) for command tests that
// do not need the OS crontab; it records every write and can be told to fail.

import type { CrontabPort } from '../../src/crontab/system-crontab.js';
import { CrontabError } from '../../src/errors.js';

export interface MemoryCrontab extends CrontabPort {
  text: string;
  writes: string[];
  failRead: boolean;
  failWrite: boolean;
}

/** A crontab holding `text`. */
export function memoryCrontab(text = ''): MemoryCrontab {
  const port: MemoryCrontab = {
    text,
    writes: [],
    failRead: false,
    failWrite: false,
    async read() {
      if (port.failRead) throw new CrontabError('crontab -l failed (exit 1): simulated', 'E_CRONTAB_READ');
      return port.text;
    },
    async write(next) {
      if (port.failWrite)
        throw new CrontabError('crontab - refused the new crontab: simulated', 'E_CRONTAB_WRITE');
      port.writes.push(next);
      port.text = next;
    },
  };
  return port;
}
