#!/usr/bin/env bash
# The QR link's verdict page under load, against /healthz in the same run: a release build on
# SQLite with the demo data, wrk at 64 connections (apt-get install wrk).
#   bench/verify.sh [seconds]
# Two layouts on a 2-core machine: "shared" lets the server's workers and wrk's threads share
# both cores; "pinned" gives the server one core (one worker) and wrk the other, so that the
# load generator does not steal the server's time slices and p99 measures the server.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
[ -n "${NO_BUILD:-}" ] || cargo build --release --quiet
dir=$(mktemp -d)
port=18093
export JOINTLAB__DATABASE__URL="sqlite://$dir/jl.db" JOINTLAB__DATA__DIR="$dir" \
  JOINTLAB__SERVER__LISTEN="127.0.0.1:$port" JOINTLAB__SERVER__MAX_CONNECTIONS_PER_ADDRESS=0 \
  RUST_LOG=warn
./target/release/jointlab seed-demo >/dev/null
server=
trap 'kill $server 2>/dev/null; rm -rf "$dir"' EXIT

start() { # start [taskset args…]: the server, with as many workers as cores it may use
  "$@" ./target/release/jointlab serve >"$dir/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
}

token=$(python3 - "$dir/jl.db" <<'PY'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute(
    "select token from certificates where status = 'issued' and token is not null "
    "order by issued_at desc limit 1").fetchone()
print(row[0])
PY
)

measure() { # measure LAYOUT [taskset args for wrk…]
  local layout=$1 threads=2
  shift
  [ $# -eq 0 ] || threads=1
  for path in /healthz "/v/$token" /healthz "/v/$token"; do
    out=$("$@" wrk -t"$threads" -c64 -d"${seconds}s" --latency "http://127.0.0.1:$port$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    printf '%-8s %-10s %12s %10s %10s\n' "$layout" "${path:0:10}" "$rps" "$p50" "$p99"
  done
  echo "server RSS: $(ps -o rss= -p "$server") KB"
}

start
echo "token: ${#token} characters; page: $(curl -fs "http://127.0.0.1:$port/v/$token" | wc -c) bytes"
printf '%-8s %-10s %12s %10s %10s\n' layout path req/s p50 p99
measure shared
kill "$server"
wait "$server" 2>/dev/null || true
JOINTLAB__SERVER__WORKERS=1 start taskset -c 1
measure pinned taskset -c 0
