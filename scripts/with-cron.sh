#!/usr/bin/env bash
# Runs a command with a cron daemon available: starts /usr/sbin/cron if none runs, and stops exactly the
# daemon it started (by pid) when the command ends, whatever its outcome.
set -euo pipefail
started_pid=""
# A live cron daemon (a killed one may linger as a zombie when PID 1 does not reap it).
cron_running() { ps -C cron -o stat= 2>/dev/null | grep -q '^[^Z]'; }
if ! cron_running; then
  /usr/sbin/cron
  for _ in $(seq 1 50); do
    started_pid=$(cat /var/run/crond.pid 2>/dev/null || true)
    [ -n "$started_pid" ] && break
    sleep 0.1
  done
  echo "with-cron: started cron (pid ${started_pid:-unknown})"
fi
stop() {
  if [ -n "$started_pid" ] && kill -0 "$started_pid" 2>/dev/null; then
    kill "$started_pid" || true
    rm -f /var/run/crond.pid
    echo "with-cron: stopped cron (pid $started_pid)"
  fi
}
trap stop EXIT
"$@"
