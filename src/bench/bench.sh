#!/usr/bin/env bash
# bench.sh - time Pixpool's headless batch command against reference batch resizers on the shared photo corpus.
#
# Usage:  src/bench/bench.sh [--big] [--corpus DIR] [--runs R] [--tools LIST] [--build DIR] [--app DIR]
#
#   --big          use the --big corpus (10 files of 12..27 MP) instead of the default one (114 JPEGs)
#   --corpus DIR   where the corpus is made / reused (default: ~/.cache/pixpool-bench/corpus[-big])
#   --runs R       timed runs per tool; the median is reported (default 3)
#   --tools LIST   comma-separated subset of: pixpool,pillow,pillow-draft,vips (default: all)
#   --build DIR    Maven build folder holding pixpool.jar, relative to the repo (default: target,
#                  or $PIXPOOL_BUILD); the jar is built there if missing
#   --app DIR      time the packaged app instead of the jar (an app-image such as target/dist/Pixpool, or an
#                  installed app such as /opt/pixpool): DIR/bin/pixpool batch ..., the command-line entry a Linux
#                  user types (/usr/bin/pixpool), or DIR/bin/Pixpool (the app launcher) where there is none or
#                  with APP_LAUNCHER=1 in the environment
#
# Every tool fits each image inside 500x500 and writes JPEG quality 85 with 2 parallel workers:
#   pixpool       java -jar pixpool.jar batch --workers 2 --fit 500x500 --quality 85 CORPUS --out OUT --quiet
#                 (end to end: the coordinator's and the workers' JVM starts are included)
#   pillow        /usr/bin/python3 pillow_pool.py: multiprocessing.Pool(2) + Pillow, full decode,
#                 convert('RGB'), resize(..., LANCZOS), save JPEG q85          <- the anchor of the ratio column
#   pillow-draft  the same with img.draft('RGB', (500, 500)) before converting (DCT-domain downscaled decode)
#   vips          vipsthumbnail -s 500x500 -o OUT/%s.jpg[Q=85], two processes (xargs -P2 -n 20)
# Wall-clock times (date +%s.%N); runs are interleaved tool by tool so slow drifts hit every tool alike.
# After the timed runs, one untimed Pixpool run samples every 50 ms the peak resident memory (VmHWM) of the
# coordinator and of each worker process, and the sum of the resident sets of the whole process tree.
# See also quality.sh (PSNR of every tool's outputs), scaling.sh (workers, file counts, memory of the tree) and
# floor.sh (start-up against the photos' own work, and batches on warm workers).
#
# The corpus comes from ../shared/bench/make-corpus.sh (next to the repo). Missing Debian packages
# (python3-pil, libvips-tools, and the corpus' own) are installed with apt-get; that needs root.
# Outputs go to a temporary folder that is removed at the end; nothing is written into the repo but the jar.
set -euo pipefail
SCRIPT=bench.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BIG=0
CORPUS=""
RUNS=3
TOOLS="$ALL_TOOLS"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

while (($#)); do
  case "$1" in
    --big) BIG=1 ;;
    --corpus) [[ $# -ge 2 ]] || die "--corpus needs a folder"; CORPUS="$2"; shift ;;
    --runs) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number"; RUNS="$2"; shift ;;
    --tools) [[ $# -ge 2 ]] || die "--tools needs a list"; TOOLS="$2"; shift ;;
    --build) [[ $# -ge 2 ]] || die "--build needs a folder"; BUILD="$2"; shift ;;
    --app) [[ $# -ge 2 && -d "$2" ]] || die "--app needs an app folder (one with bin/Pixpool)"; APP=$(cd "$2" && pwd); shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
check_tools "$TOOLS"
has_tool() { [[ ",$TOOLS," == *",$1,"* ]]; }
[[ -n "$CORPUS" ]] || CORPUS=$(default_corpus "$BIG")

ensure_packages python3-pil libvips-tools
make_corpus "$CORPUS" "$BIG"
if has_tool pixpool; then ensure_jar; fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pixpool-bench.XXXXXX")
BG_PID=""
cleanup() {
  if [[ -n "$BG_PID" ]] && kill -0 "$BG_PID" 2>/dev/null; then kill "$BG_PID" 2>/dev/null || true; wait "$BG_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- timed runs --------------------------------------------------------------------------------------------------
declare -A TIMES
LOAD_BEFORE=$(load_avg)
log "$N files, $RUNS runs per tool, $(nproc) CPUs, load average before: $LOAD_BEFORE"
for ((r = 1; r <= RUNS; r++)); do
  for t in "${TOOL_LIST[@]}"; do
    s=$(time_run "$t" "$CORPUS" "$WORK/out-$t-$r" "$N")
    TIMES[$t]+="$s "
    log "  run $r  $(printf '%-13s' "$t") $s s"
  done
done

# ---- peak memory of the Pixpool processes (untimed) -----------------------------------------------------------

MEM_COORD_MIB=""
if has_tool pixpool; then
  sample_memory "${PIXPOOL[@]}" batch --workers "$WORKERS" --fit "${SIZE}x${SIZE}" --quality "$QUALITY" "$CORPUS" \
    --out "$WORK/out-memory" --quiet
  rm -rf "$WORK/out-memory"
fi

# ---- table ----------------------------------------------------------------------------------------------------
ANCHOR=""
has_tool pillow && ANCHOR=$(tr ' ' '\n' <<<"${TIMES[pillow]}" | grep . | median)

echo
echo "corpus: $CORPUS ($N files$( ((BIG)) && echo ", --big" || true)); fit ${SIZE}x${SIZE}, JPEG q$QUALITY, $WORKERS workers, median of $RUNS runs"
echo "machine: $(nproc) CPUs; load average before the runs $LOAD_BEFORE, after $(load_avg) (other work on the machine slows every tool)"
printf '%-26s %9s %9s %14s\n' tool seconds images/s "vs Pool+Pillow"
for t in "${TOOL_LIST[@]}"; do
  med=$(tr ' ' '\n' <<<"${TIMES[$t]}" | grep . | median)
  ips=$(awk -v n="$N" -v s="$med" 'BEGIN { printf "%.1f", n / s }')
  ratio="-"
  [[ -n "$ANCHOR" ]] && ratio=$(awk -v a="$ANCHOR" -v s="$med" 'BEGIN { printf "%.2fx", a / s }')
  printf '%-26s %9.2f %9s %14s\n' "$(label "$t")" "$med" "$ips" "$ratio"
done
if [[ -n "$MEM_COORD_MIB" ]]; then
  echo
  echo "peak RSS (VmHWM): coordinator $MEM_COORD_MIB MiB, largest worker $MEM_WORKER_MIB MiB ($MEM_SEEN worker processes seen);"
  echo "whole process tree (sum of VmRSS, sampled every 50 ms): $MEM_TREE_MIB MiB at its peak"
fi
