#!/usr/bin/env bash
# Fault test of the shared store (issue 12): 3 `vareport worker` processes on
# one PostgreSQL database; one of them is killed with SIGKILL at 10 random
# moments and started again; the PostgreSQL server is restarted once during
# the run. At the end every file must be done or failed exactly once, no
# result stored twice, and nothing left running (no job, no process). Then a
# worker given SIGINT twice stops at once (exit 130) and gives its jobs back.
#
#   tests/store/pg_fault.sh [BUILD_DIR]
#
# Runs inside tests/store/pg_cluster.sh (it starts one when VAREPORT_TEST_PG
# is unset). The files are written here from samples/: variants of the two
# PDF samples (a comment appended after %%EOF makes new content), exact
# copies of a Word sample (duplicates) and one damaged PDF (fails).
# Exit status: 0 pass, 1 fail (with the reason).
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build}"
if [ -z "${VAREPORT_TEST_PG:-}" ]; then
  exec tests/store/pg_cluster.sh "$0" "$build"
fi
vr="$PWD/$build/vareport"
work=$(mktemp -d /tmp/vareport-fault.XXXXXX)
export VAREPORT_CACHE_DIR="$work/cache"
db="$VAREPORT_TEST_PG"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "pg_fault: FAIL: $*" >&2; exit 1; }
sql() { psql "$db" -XtAq -c "$1"; }

# ---- the files ----
mkdir -p "$work/in/pdf" "$work/in/scan" "$work/in/word"
for i in $(seq 1 30); do
  { cat samples/es-inline-wingdings-pdf/input.pdf; printf '%% variant %d\n' "$i"; } >"$work/in/pdf/plan-$i.pdf"
done
for i in $(seq 1 6); do
  { cat samples/en-national-plan-scan/input.pdf; printf '%% variant %d\n' "$i"; } >"$work/in/scan/scan-$i.pdf"
done
for i in $(seq 1 4); do cp samples/en-grid-checklist/input.docx "$work/in/word/copy-$i.docx"; done
printf '%%PDF-1.4\nnot really a PDF\n' >"$work/in/damaged.pdf"
files=$(find "$work/in" -type f | wc -l)

"$vr" ingest --no-process --db "$db" "$work/in" 2>"$work/ingest.log" || { cat "$work/ingest.log" >&2; fail "ingest"; }

# ---- 3 workers; worker 0 is the one killed ----
start_worker() {
  "$vr" worker --db "$db" -j 1 --lease 3 --no-render --timeout 60 2>>"$work/worker-$1.log" &
  pids[$1]=$!
}
for w in 0 1 2; do start_worker $w; done

# A worker that cannot reach the database when it starts (the server is
# restarting) exits with one line; like systemd's Restart=always, start it again.
revived=0
supervise() {
  for w in 0 1 2; do
    if ! kill -0 "${pids[$w]}" 2>/dev/null; then
      wait "${pids[$w]}" 2>/dev/null || true
      start_worker $w
      revived=$((revived + 1))
    fi
  done
}
left() { sql "SELECT count(*) FROM jobs WHERE state IN ('queued','running')"; }
kills=0
restarted=0
while [ $kills -lt 10 ]; do
  sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 0.3 + (r % 100) / 100 }')"
  supervise
  kill -KILL "${pids[0]}" 2>/dev/null || true
  wait "${pids[0]}" 2>/dev/null || true
  kills=$((kills + 1))
  start_worker 0
  if [ $kills = 5 ] && [ $restarted = 0 ]; then
    "$VAREPORT_TEST_PGCTL" restart -m fast >/dev/null || fail "PostgreSQL did not restart"
    restarted=1
  fi
done

# ---- wait for the queue to empty (leases of killed jobs: 3 s) ----
for _ in $(seq 1 240); do
  n=$(left 2>/dev/null || echo x)
  [ "$n" = 0 ] && break
  supervise
  sleep 1
done
[ "$n" = 0 ] || fail "jobs still queued or running after 4 minutes: $n"

# ---- SIGTERM: the workers finish and exit ----
for w in 0 1 2; do kill -TERM "${pids[$w]}"; done
for w in 0 1 2; do
  rc=0
  wait "${pids[$w]}" || rc=$?
  [ $rc = 0 ] || fail "worker $w exited with status $rc after SIGTERM"
done
pids=()

# ---- the checks ----
jobs=$(sql "SELECT count(*) FROM jobs")
[ "$jobs" = "$files" ] || fail "$files files but $jobs jobs"
paths=$(sql "SELECT count(DISTINCT path) FROM jobs")
[ "$paths" = "$files" ] || fail "a file has more than one job ($paths distinct paths, $files files)"
notdone=$(sql "SELECT count(*) FROM jobs WHERE state NOT IN ('done','failed')")
[ "$notdone" = 0 ] || fail "$notdone jobs neither done nor failed"
held=$(sql "SELECT count(*) FROM jobs WHERE worker IS NOT NULL OR lease_until IS NOT NULL")
[ "$held" = 0 ] || fail "$held finished jobs still held by a worker"
twice=$(sql "SELECT count(*) FROM (SELECT sha256 FROM submissions GROUP BY sha256 HAVING count(*) > 1) x")
[ "$twice" = 0 ] || fail "content stored twice"
unrecorded=$(sql "SELECT count(*) FROM jobs WHERE state = 'done' AND submission_id IS NULL")
[ "$unrecorded" = 0 ] || fail "$unrecorded done jobs without a submission"
rows=$(sql "SELECT count(*) FROM submissions s WHERE s.findings <> (SELECT count(*) FROM findings f WHERE f.submission_id = s.id)")
[ "$rows" = 0 ] || fail "$rows submissions whose findings rows do not match (written twice or half)"
distinct=$(sql "SELECT count(DISTINCT sha256) FROM jobs WHERE state = 'done'")
subs=$(sql "SELECT count(*) FROM submissions")
[ "$distinct" = "$subs" ] || fail "$distinct distinct done contents but $subs submissions"
damaged=$(sql "SELECT state FROM jobs WHERE path LIKE '%/damaged.pdf'")
[ "$damaged" = failed ] || fail "the damaged PDF is $damaged, not failed"
odd=$(sql "SELECT count(*) FROM jobs WHERE state = 'failed' AND path NOT LIKE '%/damaged.pdf' AND error_kind <> 'crash'")
[ "$odd" = 0 ] || fail "$odd good files failed for another reason than crashes: $(sql "SELECT path || ': ' || error FROM jobs WHERE state = 'failed' AND error_kind <> 'crash'")"
# Nothing left running: no process still reads from this run's cache.
if pgrep -f "$work/" >/dev/null; then fail "processes of the run still alive: $(pgrep -af "$work/")"; fi

# ---- SIGINT twice: a worker stops at once and gives its jobs back ----
mkdir -p "$work/in2"
for i in 1 2; do
  { cat samples/en-national-plan-scan/input.pdf; printf '%% interrupted %d\n' "$i"; } >"$work/in2/scan-$i.pdf"
done
"$vr" ingest --no-process --db "$db" "$work/in2" 2>>"$work/ingest.log" || fail "second ingest"
"$vr" worker --db "$db" -j 2 --lease 30 2>>"$work/worker-int.log" &
pids=($!)
for _ in $(seq 1 200); do
  [ "$(sql "SELECT count(*) FROM jobs WHERE state = 'running'")" = 2 ] && break
  sleep 0.05
done
kill -INT "${pids[0]}"
sleep 0.2  # two signals sent at once may arrive as one
kill -INT "${pids[0]}"
rc=0
wait "${pids[0]}" || rc=$?
pids=()
[ $rc = 130 ] || fail "a worker given SIGINT twice exited with status $rc, not 130"
released=$(sql "SELECT count(*) FROM jobs WHERE path LIKE '%/in2/%' AND state = 'queued' AND worker IS NULL")
[ "$released" = 2 ] || fail "SIGINT twice: $released of 2 jobs given back ($(sql "SELECT state FROM jobs WHERE path LIKE '%/in2/%'"))"
if pgrep -f "$work/" >/dev/null; then fail "children left after SIGINT twice: $(pgrep -af "$work/")"; fi

done_n=$(sql "SELECT count(*) FROM jobs WHERE state = 'done'")
failed_n=$(sql "SELECT count(*) FROM jobs WHERE state = 'failed'")
crashed=$(sql "SELECT count(*) FROM jobs WHERE error_kind = 'crash'")
retried=$(sql "SELECT count(*) FROM jobs WHERE attempts > 1")
reconnects=$(cat "$work"/worker-*.log | grep -c "trying again" || true)
echo "pg_fault: PASS: $files files, 10 SIGKILLs, 1 server restart: $done_n done, $failed_n failed" \
  "($crashed crashed 3 times), $retried claimed again after a lost lease, $reconnects worker reconnects," \
  "$revived workers started again after failing to connect;" \
  "SIGINT twice gave 2 jobs back"
