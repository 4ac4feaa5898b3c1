#!/usr/bin/env bash
# scaling.sh - how Pixpool's batch scales with workers and with the number of files, and the memory it holds.
#
# Usage:  src/bench/scaling.sh [--runs R] [--corpus DIR] [--big-corpus DIR] [--build DIR] [--app DIR] [--no-memory]
#
#   --runs R           timed runs per point; the median is reported (default 3)
#   --corpus DIR       the 114-photo corpus (default: ~/.cache/pixpool-bench/corpus)
#   --big-corpus DIR   the --big corpus for the memory run (default: ~/.cache/pixpool-bench/corpus-big)
#   --build DIR        Maven build folder holding pixpool.jar (default: target, or $PIXPOOL_BUILD)
#   --app DIR      time the packaged app instead of the jar: DIR/bin/Pixpool batch ... (an app-image such as
#                  target/dist/Pixpool, or an installed app such as /opt/pixpool)
#   --no-memory        skip the memory run on the --big corpus
#
# Points, each timed for Pixpool batch and for Pool+Pillow (plain resize) with the same worker count,
# fit 500x500, JPEG q85, as in bench.sh, runs interleaved tool by tool:
#   workers 1, 2, 4 on the whole corpus (114 photos);
#   2 workers on 10, 100 and 1000 files: 10 and 100 are spread evenly over the sorted corpus (every 11th, every
#   1.14th file), 1000 repeats the corpus (8.8 times); the files are hard links (symbolic links if the folder is on
#   another file system) with distinct names in a temporary folder next to the corpus.
# Then one untimed Pixpool run (2 workers) on the --big corpus samples /proc every 50 ms: the largest sum of the
# resident sets (VmRSS) of the whole process tree (coordinator + workers) and the peak VmHWM of each process.
set -euo pipefail
SCRIPT=scaling.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RUNS=3
CORPUS=$(default_corpus 0)
BIG_CORPUS=$(default_corpus 1)
MEMORY=1
TOOLS="pixpool,pillow"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

while (($#)); do
  case "$1" in
    --runs) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number"; RUNS="$2"; shift ;;
    --corpus) [[ $# -ge 2 ]] || die "--corpus needs a folder"; CORPUS="$2"; shift ;;
    --big-corpus) [[ $# -ge 2 ]] || die "--big-corpus needs a folder"; BIG_CORPUS="$2"; shift ;;
    --build) [[ $# -ge 2 ]] || die "--build needs a folder"; BUILD="$2"; shift ;;
    --app) [[ $# -ge 2 && -d "$2" ]] || die "--app needs an app folder (one with bin/Pixpool)"; APP=$(cd "$2" && pwd); shift ;;
    --no-memory) MEMORY=0 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
check_tools "$TOOLS"

ensure_packages python3-pil libvips-tools
ensure_jar
if ((MEMORY)); then make_corpus "$BIG_CORPUS" 1; BIG_N=$N; fi
make_corpus "$CORPUS" 0

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pixpool-scaling.XXXXXX")
SETS=$(mktemp -d "$(dirname "$CORPUS")/scaling-sets.XXXXXX")
BG_PID=""
cleanup() {
  if [[ -n "$BG_PID" ]] && kill -0 "$BG_PID" 2>/dev/null; then kill "$BG_PID" 2>/dev/null || true; wait "$BG_PID" 2>/dev/null || true; fi
  rm -rf "$WORK" "$SETS"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

file_set() {  # file_set COUNT -> a folder of COUNT files taken evenly from the corpus (repeating it if needed)
  local n="$1" dir="$SETS/$1" i src
  mkdir -p "$dir"
  for ((i = 0; i < n; i++)); do
    if ((n >= N)); then src=${FILES[i % N]}; else src=${FILES[i * N / n]}; fi
    ln "$src" "$dir/$(printf '%04d' "$i")-$(basename "$src")" 2>/dev/null \
      || ln -s "$src" "$dir/$(printf '%04d' "$i")-$(basename "$src")"
  done
  echo "$dir"
}

# points: "workers files folder"
POINTS=("1 $N $CORPUS" "2 $N $CORPUS" "4 $N $CORPUS")
for n in 10 100 1000; do POINTS+=("2 $n $(file_set "$n")"); done

declare -A TIMES
LOAD_BEFORE=$(load_avg)
log "$RUNS runs per point, $(nproc) CPUs, load average before: $LOAD_BEFORE"
for ((r = 1; r <= RUNS; r++)); do
  for p in "${POINTS[@]}"; do
    read -r w n dir <<<"$p"
    for t in "${TOOL_LIST[@]}"; do
      WORKERS=$w
      s=$(time_run "$t" "$dir" "$WORK/out" "$n")
      TIMES["$t $w $n"]+="$s "
      log "  run $r  $(printf '%-8s %d workers %5d files' "$t" "$w" "$n")  $s s"
    done
  done
done
LOAD_AFTER=$(load_avg)

if ((MEMORY)); then
  WORKERS=2
  sample_memory "${PIXPOOL[@]}" batch --workers "$WORKERS" --fit "${SIZE}x${SIZE}" --quality "$QUALITY" \
    "$BIG_CORPUS" --out "$WORK/out-memory" --quiet
fi

ips() { awk -v n="$2" -v s="$1" 'BEGIN { printf "%.1f", n / s }'; }
echo
echo "corpus: $CORPUS ($N files); fit ${SIZE}x${SIZE}, JPEG q$QUALITY, median of $RUNS runs"
echo "machine: $(nproc) CPUs; load average before the runs $LOAD_BEFORE, after $LOAD_AFTER"
printf '%7s %6s %14s %18s %10s\n' workers files "Pixpool img/s" "Pool+Pillow img/s" "vs Pillow"
for p in "${POINTS[@]}"; do
  read -r w n _ <<<"$p"
  a=$(tr ' ' '\n' <<<"${TIMES[pixpool $w $n]}" | grep . | median)
  b=$(tr ' ' '\n' <<<"${TIMES[pillow $w $n]}" | grep . | median)
  printf '%7d %6d %14s %18s %10s\n' "$w" "$n" "$(ips "$a" "$n")" "$(ips "$b" "$n")" \
    "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2fx", b / a }')"
done
if ((MEMORY)); then
  echo
  echo "memory, Pixpool batch --workers 2 on $BIG_CORPUS ($BIG_N files, --big):"
  echo "  whole process tree, largest sum of VmRSS (50 ms samples): $MEM_TREE_MIB MiB"
  echo "  peak VmHWM: coordinator $MEM_COORD_MIB MiB, largest worker $MEM_WORKER_MIB MiB ($MEM_SEEN processes below the coordinator)"
fi
