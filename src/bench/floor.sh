#!/usr/bin/env bash
# floor.sh - how far Pixpool's command line is from Pool(2)+Pillow with draft() (the fastest anchor of bench.sh), and
# what of it is start-up and what the photos' own work, all in one run.
#
# Usage:  src/bench/floor.sh [--corpus DIR] [--runs R] [--build DIR]
#
#   --corpus DIR   the corpus (default: ~/.cache/pixpool-bench/corpus, made by ../shared/bench/make-corpus.sh)
#   --runs R       rounds; medians are reported (default 5)
#   --build DIR    Maven build folder holding pixpool.jar and lib/ (default: target, or $PIXPOOL_BUILD)
#
# Every row fits the corpus' photos into 500x500 at JPEG quality 85 with two processes; the rows run interleaved,
# one of each per round:
#   draft       /usr/bin/python3 pillow_pool.py --draft: Pool(2)+Pillow with draft(), end to end
#   cli         java -jar pixpool.jar batch --workers 2, end to end (three JVMs start with it)
#   tiny        the same on two 64x48 photos: the three JVMs' start-up and hardly any work
#   c1-first    WarmBatch.java: workers started and warmed up before the clock starts, as the window does when
#               files are added; the first batch on them (C1's code, as the command line's workers get)
#   c1-second   the second batch on those workers
#   c2-eighth   workers made to use the tiered JIT (-Dpixpool.worker.jvmOptions), their eighth batch: C2's code,
#               compiled over the seven batches before it
# Wall time for every row; for the end-to-end rows also CPU time (user + system of the whole process tree). On two
# cores, a batch that is to finish with draft() has at most twice draft()'s wall time of CPU.
set -euo pipefail
SCRIPT=floor.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

CORPUS=""
RUNS=5
while (($#)); do
  case "$1" in
    --corpus) [[ $# -ge 2 ]] || die "--corpus needs a folder"; CORPUS="$2"; shift ;;
    --runs) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number"; RUNS="$2"; shift ;;
    --build) [[ $# -ge 2 ]] || die "--build needs a folder"; BUILD="$2"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
[[ -n "$CORPUS" ]] || CORPUS=$(default_corpus 0)

ensure_packages python3-pil
make_corpus "$CORPUS" 0
ensure_jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tiny" "$work/classes"
/usr/bin/python3 -c "
from PIL import Image
for i in range(2): Image.new('RGB', (64, 48), (60 + 90 * i, 120, 80)).save('$work/tiny/t%d.jpg' % i, quality=90)
"
cp="$JAR:$ROOT/$BUILD/lib/*"
# compiled ahead, so that javac's own code is not being compiled by the JIT while the batches are timed
javac -d "$work/classes" -cp "$cp" "$HERE/WarmBatch.java"

timed() {  # timed CMD... -> "wall cpu" in seconds (CPU: user + system of CMD and every process it waited for)
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || die "failed: $*"
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' <<<"$t"
}

warm_batches() {  # warm_batches PASSES [JAVA OPTION...] -> each batch's wall seconds on workers warmed first
  local passes="$1" ms
  shift
  rm -rf "$work/out"
  ms=$(java "$@" -cp "$work/classes:$cp" WarmBatch "$CORPUS" "$work/out" "$passes") || die "WarmBatch failed"
  [[ $(wc -l <<<"$ms") -eq $passes ]] || die "WarmBatch printed no time for each of its $passes batches"
  awk '{ printf "%.3f\n", $1 / 1000 }' <<<"$ms"
}

declare -A wall cpu
rows=(draft cli tiny c1-first c1-second c2-eighth)
log "floor.sh: $N photos, $RUNS rounds"
for ((r = 1; r <= RUNS; r++)); do
  for row in draft cli tiny; do
    case "$row" in
      draft) args=(pillow-draft "$CORPUS") ;;
      cli) args=(pixpool "$CORPUS") ;;
      tiny) args=(pixpool "$work/tiny") ;;
    esac
    rm -rf "$work/out"
    t=$(timed run_tool "${args[@]}" "$work/out") # a failure ends the script here (set -e), not silently
    read -r w c <<<"$t"
    wall[$row]+="$w "; cpu[$row]+="$c "
  done
  t=$(warm_batches 2)
  mapfile -t s <<<"$t"
  wall[c1-first]+="${s[0]} "; wall[c1-second]+="${s[1]} "
  t=$(warm_batches 8 -Dpixpool.worker.jvmOptions="-XX:TieredStopAtLevel=4 -XX:+BackgroundCompilation")
  mapfile -t s <<<"$t"
  wall[c2-eighth]+="${s[7]} "
  log "  round $r of $RUNS done"
done

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
draft=$(med "${wall[draft]}")
printf '\n%-12s %9s %9s %12s\n' row "wall s" "CPU s" "vs draft()"
for row in "${rows[@]}"; do
  w=$(med "${wall[$row]}")
  c=$( [[ -n "${cpu[$row]:-}" ]] && med "${cpu[$row]}" || echo "-")
  ratio=$(awk -v a="$draft" -v b="$w" 'BEGIN { printf "%.2fx", a / b }')
  [[ "$row" != tiny ]] || ratio="-" # other photos: no ratio
  printf '%-12s %9.3f %9s %12s\n' "$row" "$w" "$c" "$ratio"
done
echo
echo "On two cores, finishing with draft() allows $(awk -v d="$draft" 'BEGIN { printf "%.2f", 2 * d }') s of CPU."
