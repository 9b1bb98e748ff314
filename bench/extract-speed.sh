#!/usr/bin/env bash
# Extraction speed of text-layer PDFs and .docx against the parsing tools
# themselves (issue 13, extraction half): whole-process wall time and CPU
# (user + system), median / min / max of N runs, and peak RSS.
#
#   bench/extract-speed.sh [--corpus DIR] [--runs N] [--build DIR] [--big]
#
#   - a 3-page corpus PDF and a 216-page PDF (the corpus's text-layer PDFs
#     joined four times with pdfunite) against `pdftotext -layout`;
#   - a ~10 KB corpus .docx against `pandoc -t plain` (vareport without
#     --render, the default of `extract`);
#   - with --big: a 500-page and a 1,000-page PDF (the same PDFs joined),
#     3 runs each: time, the 1000/500 ratio, peak RSS.
# Needs pdftotext, pdfunite, pdffonts (poppler-utils), pandoc, GNU time.
# Not a test: prints numbers, fails on nothing. OMP_THREAD_LIMIT=1 as the
# service runs. Numbers depend on the machine and its load: quote both.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus runs=7 build=build big=0
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --big) big=1; shift ;;
    *) echo "usage: $0 [--corpus DIR] [--runs N] [--build DIR] [--big]" >&2; exit 2 ;;
  esac
done
export OMP_THREAD_LIMIT=1
vr=$build/vareport
for tool in "$vr" pdftotext pdfunite pdffonts pandoc /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The corpus's PDFs with a text layer (pdffonts lists a font), sorted.
mapfile -t pdfs < <(find "$corpus" -maxdepth 1 -name '*.pdf' | sort | while read -r f; do
  [ "$(pdffonts "$f" 2>/dev/null | tail -n +3 | wc -l)" -gt 0 ] && echo "$f"; done)
[ ${#pdfs[@]} -gt 0 ] || { echo "no text-layer PDF in $corpus" >&2; exit 2; }
small=""
for f in "${pdfs[@]}"; do
  [ "$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}')" = 3 ] && { small=$f; break; }
done
joined() {  # joined N OUT: the PDFs in turn, each that still fits, until N pages (or none fits)
  local want=$1 out=$2 args=() pages=0 n added=1
  while [ "$pages" -lt "$want" ] && [ "$added" = 1 ]; do
    added=0
    for f in "${pdfs[@]}"; do
      n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}')
      [ $((pages + n)) -le "$want" ] || continue
      args+=("$f"); pages=$((pages + n)); added=1
    done
  done
  pdfunite "${args[@]}" "$out" 2>/dev/null
}
pdfunite "${pdfs[@]}" "${pdfs[@]}" "${pdfs[@]}" "${pdfs[@]}" "$tmp/big.pdf" 2>/dev/null
docx=$(find "$corpus" -maxdepth 1 -name '*.docx' -size -12k -size +8k | sort | head -1)

# measure LABEL RUNS CMD...: one line "LABEL wall_median wall_min wall_max cpu_median rss_max_kb"
measure() {
  local label=$1 n=$2; shift 2
  : > "$tmp/m"
  for _ in $(seq "$n"); do
    /usr/bin/time -o "$tmp/t" -f "%e %U %S %M" "$@" > /dev/null 2>/dev/null || true
    tail -n 1 "$tmp/t" >> "$tmp/m"  # GNU time prefixes a failed command with one line
  done
  python3 - "$label" "$tmp/m" <<'EOF'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[2]) if l.strip()]
wall = [r[0] for r in rows]; cpu = [r[1] + r[2] for r in rows]; rss = max(r[3] for r in rows)
print(f"{sys.argv[1]} {statistics.median(wall):.3f} {min(wall):.3f} {max(wall):.3f} {statistics.median(cpu):.3f} {rss / 1024:.0f}")
EOF
}

{
  echo "work tool wall_median_s min_s max_s cpu_median_s peak_rss_mib"
  if [ -n "$small" ]; then
    measure "3-page-PDF vareport" "$runs" "$vr" extract "$small" --format json
    measure "3-page-PDF pdftotext-layout" "$runs" pdftotext -layout "$small" -
  fi
  measure "216-page-PDF vareport" "$runs" "$vr" extract "$tmp/big.pdf" --format json
  measure "216-page-PDF pdftotext-layout" "$runs" pdftotext -layout "$tmp/big.pdf" -
  if [ -n "$docx" ]; then
    measure "docx vareport" "$runs" "$vr" extract "$docx" --format json
    measure "docx vareport--render" 3 "$vr" extract "$docx" --format json --render
    measure "docx pandoc-plain" "$runs" pandoc -t plain "$docx" -o /dev/null
  fi
  if [ "$big" = 1 ]; then
    joined 500 "$tmp/p500.pdf"
    joined 1000 "$tmp/p1000.pdf"
    measure "500-page-PDF vareport" 3 "$vr" extract "$tmp/p500.pdf" --format json
    measure "1000-page-PDF vareport" 3 "$vr" extract "$tmp/p1000.pdf" --format json
  fi
} > "$tmp/table"
python3 - "$tmp/table" <<'EOF'
import sys
rows = [l.split() for l in open(sys.argv[1])]
head, rows = rows[0], rows[1:]
by = {(r[0], r[1]): r for r in rows}
print("| work | tool | wall median (min–max) s | CPU median s | peak RSS MiB | ratio (wall / CPU) |")
print("|---|---|---|---|---|---|")
ref = {"3-page-PDF": "pdftotext-layout", "216-page-PDF": "pdftotext-layout", "docx": "pandoc-plain"}
for r in rows:
    ratio = ""
    base = by.get((r[0], ref.get(r[0], ""))) if r[1].startswith("vareport") else None
    if base:
        cpu = f"{float(r[5]) / float(base[5]):.2f}×" if float(base[5]) >= 0.05 else "— (under GNU time's 10 ms)"
        ratio = f"{float(r[2]) / float(base[2]):.2f}× / {cpu}"
    print(f"| {r[0]} | {r[1]} | {r[2]} ({r[3]}–{r[4]}) | {r[5]} | {r[6]} | {ratio} |")
a, b = by.get(("500-page-PDF", "vareport")), by.get(("1000-page-PDF", "vareport"))
if a and b:
    print(f"\n1000 pages / 500 pages: {float(b[2]) / float(a[2]):.2f}× wall, {float(b[5]) / float(a[5]):.2f}× CPU")
EOF
