#!/usr/bin/env bash
# make demo / make demo-stop: the main job against the stand-in API.
#   start PORT DEVICES: start `scflows dev-api` (pid in public/demo/dev-api.pid) and cron if none runs
#     (pid in public/demo/cron.pid), write public/demo/demo.env, auto-schedule with --force-first-run,
#     process one device now and show crontab -l, list-tasks, the logs and the run history.
#   stop PORT DEVICES: clear the demo's entries, stop what start started (by pid).
set -euo pipefail
cd "$(dirname "$0")/.."
action=${1:-start}
port=${2:-8765}
devices=${3:-25}
demo=public/demo
bin=bin/scflows
export SCFLOWS_ENV_FILE="$PWD/$demo/demo.env"
mkdir -p "$demo"

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

if [ "$action" = stop ]; then
  [ -f "$SCFLOWS_ENV_FILE" ] && node "$bin" clear-tasks || true
  if alive "$demo/dev-api.pid"; then kill "$(cat "$demo/dev-api.pid")"; echo "demo: stopped the stand-in API"; fi
  if alive "$demo/cron.pid"; then kill "$(cat "$demo/cron.pid")"; rm -f /var/run/crond.pid; echo "demo: stopped cron"; fi
  rm -f "$demo/dev-api.pid" "$demo/cron.pid"
  exit 0
fi

if ! alive "$demo/dev-api.pid"; then
  node "$bin" dev-api --port "$port" --devices "$devices" > "$demo/dev-api.log" 2>&1 &
  echo $! > "$demo/dev-api.pid"
  for _ in $(seq 1 100); do
    grep -q 'listening' "$demo/dev-api.log" 2>/dev/null && break
    alive "$demo/dev-api.pid" || { cat "$demo/dev-api.log"; exit 1; }
    sleep 0.1
  done
fi
echo "== stand-in API: $(head -1 "$demo/dev-api.log")"
umask 077
cat > "$SCFLOWS_ENV_FILE" <<ENV
SC_API_URL=http://127.0.0.1:$port/v0
SC_DATA_URL=http://127.0.0.1:$port/data
SC_BEARER=dev-admin-token
ENV
if ! ps -C cron -o stat= 2>/dev/null | grep -q '^[^Z]'; then
  /usr/sbin/cron
  sleep 0.2
  cp /var/run/crond.pid "$demo/cron.pid"
  echo "== started cron (pid $(cat "$demo/cron.pid"))"
fi
echo "== scflows auto-schedule --force-first-run --overwrite"
node "$bin" auto-schedule --force-first-run --overwrite
echo; echo "== crontab -l"; crontab -l
echo; echo "== scflows list-tasks"; node "$bin" list-tasks
first=$(node "$bin" list-tasks --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const t=JSON.parse(s).find(t=>t.name.startsWith("run-device:"));console.log(t?t.name.split(":")[1]:"")})')
if [ -n "$first" ]; then
  echo; echo "== scflows run-device $first (what cron will run every few hours)"
  node "$bin" run-device "$first" || true
  echo; echo "== public/tasks/$first/$first.log"; tail -n 5 "public/tasks/$first/$first.log"
fi
echo; echo "== scflows runs"; node "$bin" runs --limit 5
echo; echo "demo: the stand-in keeps running on port $port (make demo-stop to stop it and remove the entries)"
