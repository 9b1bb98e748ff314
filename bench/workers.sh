#!/usr/bin/env bash
# Benchmark of the shared store (issue 12): documents per second with 1, 2
# and 4 `vareport worker` processes (-j 1 each) on one PostgreSQL database,
# against `vareport ingest -j 2` on SQLite, on the same files in one run.
# Not a test: nothing fails on a number. See bench/README.md.
#
#   bench/workers.sh [--build DIR] [--docs N] [--render]
#
# The files are written from samples/ (no ../shared needed): N variants
# (default 200) of the text-layer PDF and Word samples, each with distinct
# trailing bytes (a "%" comment after a PDF's %%EOF, bytes after a .docx's
# end-of-central-directory record; the readers ignore both), so dedupe keeps
# every one. Word files are not rendered to PDF unless --render (LibreOffice
# would dominate the rate). PostgreSQL: a throw-away cluster
# (tests/store/pg_cluster.sh) on a Unix socket of this machine, started here
# when VAREPORT_TEST_PG is unset, with fsync on. Each PostgreSQL run: `ingest --no-process`
# into a fresh schema, then W workers until no job is queued or running; the
# time counts from the ingest's start (discovery and upload of the originals
# included, as in the SQLite run).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build"; docs=200; render=--no-render
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --docs) docs="$2"; shift 2 ;;
    --render) render=""; shift ;;
    *) echo "usage: $0 [--build DIR] [--docs N] [--render]" >&2; exit 2 ;;
  esac
done
[ -x "$build/vareport" ] || { echo "bench: build $build/vareport first (scripts/build)" >&2; exit 2; }
if [ -z "${VAREPORT_TEST_PG:-}" ]; then
  extra=()
  [ -n "$render" ] || extra=(--render)
  export VAREPORT_PG_FSYNC=on  # durable commits, as SQLite's synchronous=FULL
  exec "$root/tests/store/pg_cluster.sh" "$0" --build "$build" --docs "$docs" "${extra[@]}"
fi
vr="$build/vareport"
work=$(mktemp -d /tmp/vareport-bench-workers.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
export VAREPORT_CACHE_DIR="$work/cache"

sources=("$root/samples/es-inline-wingdings-pdf/input.pdf" "$root/samples/en-grid-checklist/input.docx"
         "$root/samples/en-national-plan/input.docx" "$root/samples/fr-single-word/input.docx"
         "$root/samples/es-inline-wingdings/input.docx")
mkdir -p "$work/in"
for i in $(seq 1 "$docs"); do
  src="${sources[$((i % ${#sources[@]}))]}"
  ext="${src##*.}"
  if [ "$ext" = pdf ]; then
    { cat "$src"; printf '%% copy %d\n' "$i"; } >"$work/in/doc-$i.pdf"
  else
    { cat "$src"; printf 'copy %d' "$i"; } >"$work/in/doc-$i.docx"
  fi
done

now() { date +%s.%N; }
rate() { echo "scale=2; $1 / ($3 - $2)" | bc; }

# SQLite: ingest -j 2 (discovery, blobs, parsing).
t0=$(now)
"$vr" ingest -j 2 $render --db "$work/s.db" "$work/in" 2>"$work/sqlite.log"
t1=$(now)
done_sqlite=$(sqlite3 "$work/s.db" "SELECT count(*) FROM jobs WHERE state = 'done'")
results=("SQLite, ingest -j 2|$done_sqlite|$(printf '%.1f' "$(echo "$t1 - $t0" | bc)")|$(rate "$done_sqlite" "$t0" "$t1")")

for w in 1 2 4; do
  schema="bench_w$w"
  psql "$VAREPORT_TEST_PG" -Xq -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" >/dev/null
  db="$VAREPORT_TEST_PG&options=-csearch_path%3D$schema"
  case "$VAREPORT_TEST_PG" in *\?*) ;; *) db="$VAREPORT_TEST_PG?options=-csearch_path%3D$schema" ;; esac
  rm -rf "$VAREPORT_CACHE_DIR"
  t0=$(now)
  "$vr" ingest --no-process --db "$db" "$work/in" 2>"$work/pg-$w.log"
  pids=()
  for i in $(seq 1 "$w"); do
    "$vr" worker --db "$db" -j 1 $render 2>>"$work/pg-$w.log" &
    pids+=($!)
  done
  while :; do
    left=$(psql "$db" -XtAq -c "SELECT count(*) FROM jobs WHERE state IN ('queued','running')")
    [ "$left" = 0 ] && break
    sleep 0.2
  done
  t1=$(now)
  for p in "${pids[@]}"; do kill -TERM "$p"; done
  for p in "${pids[@]}"; do wait "$p" || true; done
  pids=()
  n=$(psql "$db" -XtAq -c "SELECT count(*) FROM jobs WHERE state = 'done'")
  results+=("PostgreSQL, $w worker$([ "$w" = 1 ] || echo s) (-j 1 each)|$n|$(printf '%.1f' "$(echo "$t1 - $t0" | bc)")|$(rate "$n" "$t0" "$t1")")
done

echo "$docs documents ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), ${render:-with rendering}):"
printf '| %s | %s | %s | %s |\n' "store, processes" "done" "seconds" "documents/s"
printf '|---|---|---|---|\n'
for r in "${results[@]}"; do
  IFS='|' read -r a b c d <<<"$r"
  printf '| %s | %s | %s | %s |\n' "$a" "$b" "$c" "$d"
done
