#!/usr/bin/env bash
# Benchmark of `vareport ingest`: builds a folder of N documents (default 2000)
# from ../shared/corpus — distinct bytes per copy (a trailing PDF comment, or
# bytes after a ZIP's end-of-central-directory, which readers ignore), so
# dedupe keeps every copy — ingests it into a fresh store with -j JOBS, and
# reports documents per second and peak memory. Not a test: nothing fails on
# a number. See bench/README.md.
#
#   bench/ingest.sh [--build DIR] [--docs N] [--jobs J] [--mix text|all] [--no-render] [--keep]
#
# --mix text (default): the corpus's PDF and .docx files that have a text
#   layer (pdftotext finds text) — the common case, no OCR, no LibreOffice;
# --mix all: every PDF, .docx, .doc, .rtf and .odt (scans go through OCR,
#   legacy files through LibreOffice), so the rate is dominated by those.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build"; docs=2000; jobs=2; mix=text; keep=0; render=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --docs) docs="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --mix) mix="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --no-render) render=(--no-render); shift ;;  # Word files not rendered to PDF by LibreOffice
    *) echo "usage: $0 [--build DIR] [--docs N] [--jobs J] [--mix text|all] [--no-render] [--keep]" >&2; exit 2 ;;
  esac
done
corpus="${VAREPORT_CORPUS:-$root/../shared/corpus}"
[ -d "$corpus" ] || { echo "bench: no corpus at $corpus" >&2; exit 2; }
[ -x "$build/vareport" ] || { echo "bench: build $build/vareport first (scripts/build)" >&2; exit 2; }

work=$(mktemp -d /tmp/vareport-bench.XXXXXX)
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT

sources=()
while IFS= read -r -d '' f; do
  case "${f,,}" in
    *.pdf)
      if [ "$mix" = text ] && [ "$(pdftotext -q "$f" - 2>/dev/null | tr -d '[:space:]' | wc -c)" -lt 200 ]; then continue; fi ;;
    *.docx) ;;
    *.doc|*.rtf|*.odt) [ "$mix" = all ] || continue ;;
    *) continue ;;
  esac
  sources+=("$f")
done < <(find "$corpus" -type f -print0 | sort -z)
[ ${#sources[@]} -gt 0 ] || { echo "bench: no usable documents in $corpus" >&2; exit 2; }

echo "bench: making $docs documents from ${#sources[@]} corpus files ($mix mix) in $work/in"
i=0
while [ "$i" -lt "$docs" ]; do
  for f in "${sources[@]}"; do
    [ "$i" -lt "$docs" ] || break
    ext="${f##*.}"
    d="$work/in/$((i % 40))"
    mkdir -p "$d"
    { cat "$f"; printf '\n%%vareport-bench-copy %d\n' "$i"; } > "$d/doc-$i.${ext,,}"
    i=$((i + 1))
  done
done

echo "bench: vareport ingest -j $jobs ${render[*]} ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
start=$(date +%s.%N)
/usr/bin/time -v "$build/vareport" ingest "$work/in" --db "$work/bench.db" -j "$jobs" "${render[@]}" 2> "$work/ingest.log" >/dev/null
end=$(date +%s.%N)

elapsed=$(echo "$end - $start" | bc -l)
cpu_s=$(awk -F': ' '/User time|System time/{s+=$2} END{print s}' "$work/ingest.log")
parent_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/ingest.log")
read -r done failed worker_kb worker_avg_s < <(sqlite3 -separator ' ' "$work/bench.db" \
  "SELECT sum(state='done'), sum(state='failed'), coalesce(max(max_rss_kb),0), round(coalesce(avg(seconds),0),3) FROM jobs")
printf 'documents        %d (%d done, %d failed)\n' "$docs" "$done" "$failed"
printf 'wall clock       %.1f s\n' "$elapsed"
printf 'rate             %.2f documents/s (-j %d)\n' "$(echo "$docs / $elapsed" | bc -l)" "$jobs"
printf 'per document     %s s in its worker, on average; %.0f ms CPU (parent, fork server, workers)\n' "$worker_avg_s" \
  "$(echo "$cpu_s * 1000 / $docs" | bc -l)"
printf 'peak RSS         %d MiB over the run (parent or a worker, GNU time), %d MiB largest worker (wait4)\n' \
  "$((parent_kb / 1024))" "$((worker_kb / 1024))"
printf 'store            %s MiB database, %s MiB originals\n' \
  "$(( $(stat -c %s "$work/bench.db") / 1048576 ))" "$(du -sm "$work/bench.db.files" | cut -f1)"
