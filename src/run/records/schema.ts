// The run database schema, versioned with PRAGMA user_version: migration N brings version N to N+1.
// Several cron processes may open a fresh file at once, so the check is repeated inside an IMMEDIATE
// transaction (one writer at a time) and every statement is idempotent.
import type { Database } from 'better-sqlite3';
import { LocalFileError } from '../../errors.js';

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS runs (
     id          INTEGER PRIMARY KEY,
     device      INTEGER NOT NULL,
     pid         INTEGER NOT NULL,
     pid_started TEXT,
     dry_run     INTEGER NOT NULL,
     started_at  TEXT    NOT NULL,
     ended_at    TEXT,
     state       TEXT    NOT NULL,
     reason      TEXT,
     window_from TEXT,
     window_to   TEXT,
     windows     INTEGER NOT NULL DEFAULT 0,
     row_count   INTEGER NOT NULL DEFAULT 0,
     posted      TEXT    NOT NULL DEFAULT '{}',
     exit_code   INTEGER,
     message     TEXT
   );
   CREATE INDEX IF NOT EXISTS runs_started ON runs (started_at);
   CREATE INDEX IF NOT EXISTS runs_device_started ON runs (device, started_at);
   CREATE INDEX IF NOT EXISTS runs_state ON runs (state);`,
];

/** Bring the database to the current schema; a newer schema than this build knows is refused. */
export function migrate(db: Database, file: string): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const check = (found: number) => {
    if (found > MIGRATIONS.length) {
      throw new LocalFileError(
        `run database ${file} has schema version ${found}, newer than this scflows knows (${MIGRATIONS.length})`,
        'E_RUN_STORE',
      );
    }
  };
  const found = version();
  check(found);
  if (found === MIGRATIONS.length) return;
  db.transaction(() => {
    const current = version();
    check(current);
    for (const sql of MIGRATIONS.slice(current)) db.exec(sql);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
