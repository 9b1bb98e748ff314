#!/usr/bin/env bash
# The browser test (browser_test.mjs): starts `vareport serve` on a fresh
# store on loopback, drives Debian's chromium through the page, stops the
# server. Uses a corpus report from ../shared: skips (exit 0, with a message)
# when ../shared is absent. Screenshots go to BUILD/browser-test/.
#   tests/browser/run.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
report="$root/../shared/corpus/VA checklist 2022 (YEM)_EN.pdf"
if [ ! -f "$report" ]; then
  echo "browser test: skipped: ../shared/corpus is absent (it uploads a corpus report)"
  exit 0
fi
if ! command -v node >/dev/null 2>&1; then
  echo "browser test: skipped: no Node.js on this machine (it is installed outside Debian)"
  exit 0
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "browser test: /usr/bin/chromium is missing (scripts/install-deps installs it)" >&2
  exit 1
fi
(cd "$here" && npm ci --no-audit --no-fund --silent)
out="$build/browser-test"
rm -rf "$out"
mkdir -p "$out"
work="$(mktemp -d "$build/browser-test-work.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
password="$("$build/vareport" users add admin --role admin --db "$work/v.db" | awk '{print $NF}')"
# Created before the server starts: the loop below may read it before the
# background shell has opened its redirection.
: > "$out/server.log"
"$build/vareport" serve --db "$work/v.db" --listen 127.0.0.1:0 -j 2 2>"$out/server.log" &
server_pid=$!
port=""
for _ in $(seq 1 100); do
  port="$(sed -n 's#.*on http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$out/server.log" 2>/dev/null | head -1 || true)"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "browser test: the server did not start:" >&2; cat "$out/server.log" >&2; exit 1; }
BASE_URL="http://127.0.0.1:$port" OUT_DIR="$out" REPORT="$report" ADMIN_PASSWORD="$password" \
  timeout 600 node "$here/browser_test.mjs"
