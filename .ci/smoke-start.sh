#!/usr/bin/env bash
# Starts the ledger exactly as the README says (`npm start`, embedded PGlite) in a scratch directory
# for its data, waits for GET /health, and stops it.
set -uo pipefail
port=$((20000 + RANDOM % 20000))
data=$(mktemp -d)
log=$(mktemp)
env -u DATABASE_URL -u EVENTSTORE_URL PORT=$port LEDGER_DATA_DIR="$data" node dist/apps/api/src/main.js >"$log" 2>&1 &
pid=$!
ok=0
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then ok=1; break; fi
  sleep 0.5
done
curl -sS "http://127.0.0.1:$port/health"; echo
kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null
if [ $ok = 1 ]; then echo "smoke: /health answered"; else echo "smoke: /health never answered"; tail -n 30 "$log"; fi
rm -rf "$data" "$log"
[ $ok = 1 ]
