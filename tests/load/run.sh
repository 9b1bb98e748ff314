#!/usr/bin/env bash
# The load test (load_test.mjs) on loopback: a fresh store, `vareport serve`
# with 2 workers, UPLOADS (50) distinct corpus files at once plus a reader
# polling the list; stops the server. Skips (exit 0, with a message) when
# ../shared is absent.   tests/load/run.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
shared="$root/../shared"
if [ ! -d "$shared/corpus" ]; then
  echo "load test: skipped: ../shared/corpus is absent (it uploads corpus reports)"
  exit 0
fi
if ! command -v node >/dev/null 2>&1; then
  echo "load test: skipped: no Node.js on this machine (it is installed outside Debian)"
  exit 0
fi
work="$(mktemp -d "$build/load-test.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  [ -n "${KEEP_LOG:-}" ] && cp "$work/server.log" "$KEEP_LOG" 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT
"$build/vareport" users add loader --role reviewer --db "$work/v.db" >/dev/null
token="$("$build/vareport" users token loader --db "$work/v.db" | awk '{print $NF}')"
# Created before the server starts: the loop below may read it before the
# background shell has opened its redirection.
: > "$work/server.log"
"$build/vareport" serve --db "$work/v.db" --listen 127.0.0.1:0 -j 2 --threads 16 --quiet --timeout 120 2>"$work/server.log" &
server_log="$work/server.log"
server_pid=$!
port=""
for _ in $(seq 1 100); do
  port="$(sed -n 's#.*on http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$work/server.log" 2>/dev/null | head -1 || true)"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "load test: the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
BASE_URL="http://127.0.0.1:$port" TOKEN="$token" CORPUS_DIRS="$shared/corpus:$shared/corpus-wide" \
  UPLOADS="${UPLOADS:-50}" timeout 600 node "$here/load_test.mjs"
