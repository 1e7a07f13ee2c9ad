#!/usr/bin/env bash
# The pages a lab opens every day, under load, at a given history size, on SQLite and
# PostgreSQL: a release build, `seed-bulk`, the server, and wrk (apt-get install wrk) against
# each page and /healthz in the same run. Prints one table per backend and size.
#   bench/run.sh [SAMPLES…]            default 10000; e.g. bench/run.sh 10000 1000000
# Environment: BACKENDS="sqlite postgres" (default both), SECONDS_PER_PAGE=5, CONNECTIONS=2 (one a core: latency without queueing),
# PG_URL=postgres://postgres@127.0.0.1:5432 (a server where we may create databases),
# TARGET_DIR=target-rel (the release build's own target, apart from the debug one),
# NO_BUILD=1 to reuse the existing release binary (JOINTLAB_BIN=path to use another);
# REUSE_SQLITE=FILE / REUSE_PG=DBNAME measure an already seeded database (kept) instead, with
# REUSE_DATA=DIR the data directory it was seeded with (its signing keys).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000}")
backends=${BACKENDS:-sqlite postgres}
seconds=${SECONDS_PER_PAGE:-5}
connections=${CONNECTIONS:-2}
pg=${PG_URL:-postgres://postgres@127.0.0.1:5432}
target=${TARGET_DIR:-target-rel}
[ -n "${NO_BUILD:-}" ] || cargo build --release --quiet --target-dir "$target"
bin=${JOINTLAB_BIN:-$PWD/$target/release/jointlab}
port=18094
base="http://127.0.0.1:$port"
server=
dir=
cleanup() {
  [ -z "$server" ] || kill "$server" 2>/dev/null || true
  [ -z "$dir" ] || rm -rf "$dir"
}
trap cleanup EXIT

sql() { # sql QUERY: one value from the database under test
  case $backend in
    sqlite) python3 -c 'import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print("" if r is None else r[0])' "$dir/jl.db" "$1" ;;
    postgres) psql -qAt "$url" -c "$1" ;;
  esac
}

login() { # login EMAIL: the session cookie of a demo account
  local jar="$dir/$1.jar" csrf
  csrf=$(curl -fs -c "$jar" -b "$jar" "$base/login" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf_token=$csrf" \
    --data-urlencode "email=$1" --data-urlencode "password=jointlab-demo" "$base/login"
  grep -v '^# ' "$jar" | awk 'NF >= 7 {printf "%s=%s; ", $6, $7}'
}

measure() { # measure LABEL COOKIE PATH
  local label=$1 cookie=$2 path=$3 out rps p50 p95 p99 bytes status
  read -r status bytes < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H "Cookie: $cookie" "$base$path")
  out=$(wrk -t1 -c"$connections" -d"${seconds}s" --latency -s bench/p95.lua -H "Cookie: $cookie" "$base$path")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p95=$(awk '$1 == "p95" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  printf '%-34s %4s %10s %9s %9s %9s %8s %8s\n' "$label" "$status" "$rps" "$p50" "$p95" "$p99" "$bytes" \
    "$(( $(ps -o rss= -p "$server") / 1024 ))M"
}

for samples in "${sizes[@]}"; do
  for backend in $backends; do
    dir=$(mktemp -d)
    reuse=
    if [ "$backend" = sqlite ]; then
      if [ -n "${REUSE_SQLITE:-}" ]; then reuse=1; ln -s "$REUSE_SQLITE" "$dir/jl.db"; fi
      url="sqlite://$dir/jl.db"
    else
      name=${REUSE_PG:-jl_bench_$$_$samples}
      if [ -n "${REUSE_PG:-}" ]; then reuse=1; else
        psql -qAt "$pg/postgres" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
      fi
      url="$pg/$name"
    fi
    export JOINTLAB__DATABASE__URL="$url" JOINTLAB__DATA__DIR="${REUSE_DATA:-$dir/data}" RUST_LOG=warn \
      JOINTLAB__SERVER__LISTEN="127.0.0.1:$port" JOINTLAB__SERVER__MAX_CONNECTIONS_PER_ADDRESS=0
    started=$(date +%s.%N)
    if [ -n "$reuse" ]; then
      seeded="$samples samples (seeded before)"
      "$bin" migrate >/dev/null
    else
      seeded=$("$bin" seed-bulk --samples "$samples")
      "$bin" verify-audit >/dev/null
    fi
    seed_seconds=$(echo "$(date +%s.%N) - $started" | bc)
    if [ "$backend" = sqlite ]; then
      sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
      bytes=$(stat -L -c %s "$dir/jl.db")
    else
      bytes=$(sql "SELECT pg_database_size(current_database())")
    fi
    "$bin" serve >"$dir/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.1; done

    # What the pages are asked for: the newest sample, a small exporter, a seal, a token.
    sample_id=$(sql "SELECT id FROM samples ORDER BY id DESC LIMIT 1 OFFSET 100")
    code=$(sql "SELECT code FROM samples WHERE id = '$sample_id'")
    seal=$(sql "SELECT seal_number FROM samples WHERE id = '$sample_id'")
    old_code=$(sql "SELECT code FROM samples ORDER BY id LIMIT 1 OFFSET 50")
    bin_small=$(sql "SELECT e.bin FROM exporters e JOIN consignments c ON c.exporter_id = e.id GROUP BY e.bin ORDER BY count(*), e.bin LIMIT 1")
    consignment=$(sql "SELECT code FROM consignments ORDER BY id DESC LIMIT 1 OFFSET 40")
    cursor=$(sql "SELECT id FROM samples ORDER BY id DESC LIMIT 1 OFFSET 49")
    # A certificate of the history (past the demo's few issued today), else the demo's newest.
    issued="FROM certificates WHERE status = 'issued' AND token IS NOT NULL ORDER BY issued_at DESC"
    certificate=$(sql "SELECT id $issued LIMIT 1 OFFSET 10")
    [ -n "$certificate" ] || certificate=$(sql "SELECT id $issued LIMIT 1")
    token=$(sql "SELECT token FROM certificates WHERE id = '$certificate'")
    method=$(sql "SELECT test_method_id FROM tests WHERE side = 'kz' AND status = 'pending' GROUP BY test_method_id ORDER BY count(*) DESC LIMIT 1")
    year=$(date +%Y)

    registrar=$(login registrar.kz@demo.jointlab.local)
    analyst=$(login analyst.kz@demo.jointlab.local)
    reviewer=$(login reviewer.kz@demo.jointlab.local)
    certifier=$(login certifier.kz@demo.jointlab.local)
    auditor=$(login auditor.kz@demo.jointlab.local)
    exporter=$(login exporter@zhetysu-grain.kz)
    inspector=$(login inspector.nzh@demo.jointlab.local)

    echo
    echo "== $backend, $seeded"
    echo "   seeded in ${seed_seconds%.*} s; storage $bytes bytes = $((bytes / samples)) bytes a sample"
    printf '%-34s %4s %10s %9s %9s %9s %8s %8s\n' page http req/s p50 p95 p99 bytes RSS
    measure "/healthz" "" /healthz
    measure "registrar /" "$registrar" /
    measure "analyst /" "$analyst" /
    measure "reviewer /" "$reviewer" /
    measure "certifier /" "$certifier" /
    measure "auditor /" "$auditor" /
    measure "exporter /" "$exporter" /
    measure "inspector /post" "$inspector" /post
    measure "/samples" "$registrar" /samples
    measure "/samples page 2" "$registrar" "/samples?after=$cursor"
    measure "/samples?q=code" "$registrar" "/samples?q=$code"
    measure "/samples?q=old code" "$registrar" "/samples?q=$old_code"
    measure "/samples?q=portion id (303)" "$registrar" "/samples?q=$code-KZ"
    measure "/samples?q=seal (lower case)" "$registrar" "/samples?q=$(tr 'A-Z ' 'a-z+' <<<"$seal")"
    measure "/samples?q=BIN (small exporter)" "$registrar" "/samples?q=$bin_small"
    measure "/consignments?q=BIN" "$registrar" "/consignments?q=$bin_small"
    measure "/consignments?q=number" "$registrar" "/consignments?q=$consignment"
    measure "/consignments?q=producer text" "$registrar" "/consignments?q=%D2%9B%D0%B0%D0%B9%D0%BD%D0%B0%D1%80"
    measure "/samples?q=company text" "$registrar" "/samples?q=%D1%82%D0%BE%D0%BE"
    measure "/samples status+dates" "$registrar" "/samples?status=tested&from=$((year - 8))-01-01&to=$year-12-31"
    measure "/samples status+recent" "$registrar" "/samples?status=in_testing&from=$year-01-01"
    measure "/consignments" "$registrar" /consignments
    measure "/applications" "$registrar" /applications
    measure "/samples/{id}" "$registrar" "/samples/$sample_id"
    measure "/bench" "$analyst" /bench
    measure "/bench/{method} (batch)" "$analyst" "/bench/$method"
    measure "/samples/{id}/worksheet" "$analyst" "/samples/$sample_id/worksheet"
    measure "/review" "$reviewer" /review
    measure "/admin/audit" "$auditor" /admin/audit
    measure "/admin/audit?entity=sample" "$auditor" "/admin/audit?entity=sample"
    measure "/admin/audit?entity=discrepancy" "$auditor" "/admin/audit?entity=discrepancy"
    measure "/admin/audit?person=analyst" "$auditor" "/admin/audit?person=analyst.kz%40demo.jointlab.local"
    measure "/certificates (certifier)" "$certifier" /certificates
    measure "exporter /consignments" "$exporter" /consignments
    if [ -n "$token" ]; then
      measure "/v/{token}" "" "/v/$token"
      measure "/api/v1/verify/{token}" "" "/api/v1/verify/$token"
      measure "/certificates/{id}.pdf" "$certifier" "/certificates/$certificate.pdf"
    fi
    measure "/healthz" "" /healthz

    kill "$server"
    wait "$server" 2>/dev/null || true
    server=
    rm -rf "$dir"
    dir=
    [ "$backend" = sqlite ] || [ -n "$reuse" ] || psql -qAt "$pg/postgres" -c "DROP DATABASE $name" >/dev/null
  done
done
