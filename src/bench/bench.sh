#!/usr/bin/env bash
# bench.sh - time Pixpool's headless batch command against reference batch resizers on the shared photo corpus.
#
# Usage:  src/bench/bench.sh [--big] [--corpus DIR] [--runs R] [--tools LIST] [--build DIR]
#
#   --big          use the --big corpus (10 files of 12..27 MP) instead of the default one (114 JPEGs)
#   --corpus DIR   where the corpus is made / reused (default: ~/.cache/pixpool-bench/corpus[-big])
#   --runs R       timed runs per tool; the median is reported (default 3)
#   --tools LIST   comma-separated subset of: pixpool,pillow,pillow-draft,vips (default: all)
#   --build DIR    Maven build folder holding pixpool.jar, relative to the repo (default: target,
#                  or $PIXPOOL_BUILD); the jar is built there if missing
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
# coordinator and of each worker process and prints the largest.
#
# The corpus comes from ../shared/bench/make-corpus.sh (next to the repo). Missing Debian packages
# (python3-pil, libvips-tools, and the corpus' own) are installed with apt-get; that needs root.
# Outputs go to a temporary folder that is removed at the end; nothing is written into the repo but the jar.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
MAKE_CORPUS="$ROOT/../shared/bench/make-corpus.sh"

BIG=0
CORPUS=""
RUNS=3
TOOLS="pixpool,pillow,pillow-draft,vips"
BUILD="${PIXPOOL_BUILD:-target}"
WORKERS=2
SIZE=500
QUALITY=85

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
die() { echo "bench.sh: $*" >&2; exit 2; }
log() { echo "$*" >&2; }

while (($#)); do
  case "$1" in
    --big) BIG=1 ;;
    --corpus) [[ $# -ge 2 ]] || die "--corpus needs a folder"; CORPUS="$2"; shift ;;
    --runs) [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive number"; RUNS="$2"; shift ;;
    --tools) [[ $# -ge 2 ]] || die "--tools needs a list"; TOOLS="$2"; shift ;;
    --build) [[ $# -ge 2 ]] || die "--build needs a folder"; BUILD="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
IFS=, read -r -a TOOL_LIST <<<"$TOOLS"
for t in "${TOOL_LIST[@]}"; do
  case "$t" in pixpool|pillow|pillow-draft|vips) ;; *) die "unknown tool '$t'" ;; esac
done
has_tool() { [[ ",$TOOLS," == *",$1,"* ]]; }
if [[ -z "$CORPUS" ]]; then
  CORPUS="${XDG_CACHE_HOME:-$HOME/.cache}/pixpool-bench/corpus$( ((BIG)) && echo -big || true)"
fi
[[ -x "$MAKE_CORPUS" || -f "$MAKE_CORPUS" ]] || die "corpus script not found: $MAKE_CORPUS"

# ---- 1. packages -----------------------------------------------------------------------------------------------
missing=()
for p in python3-pil libvips-tools; do
  [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" == "install ok installed" ]] || missing+=("$p")
done
if ((${#missing[@]})); then
  [[ $(id -u) -eq 0 ]] || die "need root to install: ${missing[*]}"
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  APT=(apt-get -o DPkg::Lock::Timeout=300 -y --no-install-recommends)
  if ! "${APT[@]}" install "${missing[@]}" >&2; then
    apt-get -o DPkg::Lock::Timeout=300 update >&2
    "${APT[@]}" install "${missing[@]}" >&2
  fi
fi

# ---- 2. corpus ---------------------------------------------------------------------------------------------------
log "corpus: $CORPUS"
if ((BIG)); then bash "$MAKE_CORPUS" --big "$CORPUS" >&2; else bash "$MAKE_CORPUS" "$CORPUS" >&2; fi
mapfile -t FILES < <(find "$CORPUS" -maxdepth 1 -type f -iname '*.jpg' ! -name '.*' | sort)
N=${#FILES[@]}
((N > 0)) || die "no JPEG files in $CORPUS"

# ---- 3. the jar --------------------------------------------------------------------------------------------------
JAR="$ROOT/$BUILD/pixpool.jar"
if has_tool pixpool && [[ ! -f "$JAR" ]]; then
  log "building $JAR"
  (cd "$ROOT" && mvn -q -B package -DskipTests -Dpixpool.build="$BUILD") >&2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pixpool-bench.XXXXXX")
BG_PID=""
cleanup() {
  if [[ -n "$BG_PID" ]] && kill -0 "$BG_PID" 2>/dev/null; then kill "$BG_PID" 2>/dev/null || true; wait "$BG_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 4. timed runs -----------------------------------------------------------------------------------------------
run_tool() {  # run_tool TOOL OUTDIR
  local tool="$1" out="$2"
  case "$tool" in
    pixpool)
      java -jar "$JAR" batch --workers "$WORKERS" --fit "${SIZE}x${SIZE}" --quality "$QUALITY" "$CORPUS" \
        --out "$out" --quiet ;;
    pillow)
      /usr/bin/python3 "$HERE/pillow_pool.py" --workers "$WORKERS" --size "$SIZE" --quality "$QUALITY" "$CORPUS" "$out" ;;
    pillow-draft)
      /usr/bin/python3 "$HERE/pillow_pool.py" --workers "$WORKERS" --size "$SIZE" --quality "$QUALITY" --draft \
        "$CORPUS" "$out" ;;
    vips)
      mkdir -p "$out"
      printf '%s\0' "${FILES[@]}" | VIPS_WARNING=1 xargs -0 -P "$WORKERS" -n 20 vipsthumbnail -s "${SIZE}x${SIZE}" \
        -o "$out/%s.jpg[Q=$QUALITY]" ;;
  esac
}

now() { date +%s.%N; }

time_once() {  # time_once TOOL RUN -> seconds on stdout
  local tool="$1" out="$WORK/out-$1-$2" t0 t1 made
  rm -rf "$out"
  t0=$(now)
  run_tool "$tool" "$out" || die "$tool failed (run $2)"
  t1=$(now)
  made=$(find "$out" -type f -iname '*.jpg' ! -name '.*' | wc -l)
  ((made == N)) || die "$tool wrote $made of $N outputs"
  rm -rf "$out"
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A TIMES
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "$N files, $RUNS runs per tool, $(nproc) CPUs, load average before: $LOAD_BEFORE"
for ((r = 1; r <= RUNS; r++)); do
  for t in "${TOOL_LIST[@]}"; do
    s=$(time_once "$t" "$r")
    TIMES[$t]+="$s "
    log "  run $r  $(printf '%-13s' "$t") $s s"
  done
done

# ---- 5. peak memory of the Pixpool processes (untimed) -----------------------------------------------------------
hwm_kib() {  # peak resident set of a process in KiB; 0 once it is gone
  local k v _
  while read -r k v _; do
    if [[ "$k" == VmHWM: ]]; then echo "$v"; return; fi
  done 2>/dev/null <"/proc/$1/status" || true
  echo 0
}
children_of() { cat /proc/"$1"/task/*/children 2>/dev/null || true; }

COORD_MIB="" WORKER_MIB="" WORKERS_SEEN=0
if has_tool pixpool; then
  out="$WORK/out-memory"
  java -jar "$JAR" batch --workers "$WORKERS" --fit "${SIZE}x${SIZE}" --quality "$QUALITY" "$CORPUS" \
    --out "$out" --quiet &
  BG_PID=$!
  declare -A PEAK
  coord=0
  while kill -0 "$BG_PID" 2>/dev/null; do
    v=$(hwm_kib "$BG_PID"); if ((v > coord)); then coord=$v; fi
    for c in $(children_of "$BG_PID"); do
      for p in "$c" $(children_of "$c"); do  # a worker may sit below a launcher process
        v=$(hwm_kib "$p"); if ((v > ${PEAK[$p]:-0})); then PEAK[$p]=$v; fi
      done
    done
    sleep 0.05
  done
  wait "$BG_PID" || die "pixpool failed in the memory run"
  BG_PID=""
  worker=0
  for p in "${!PEAK[@]}"; do if ((PEAK[$p] > worker)); then worker=${PEAK[$p]}; fi; done
  WORKERS_SEEN=${#PEAK[@]}
  COORD_MIB=$(awk -v k="$coord" 'BEGIN { printf "%.0f", k / 1024 }')
  WORKER_MIB=$(awk -v k="$worker" 'BEGIN { printf "%.0f", k / 1024 }')
  rm -rf "$out"
fi

# ---- 6. table ----------------------------------------------------------------------------------------------------
label() {
  case "$1" in
    pixpool) echo "Pixpool batch (2 workers)" ;;
    pillow) echo "Pool(2)+Pillow" ;;
    pillow-draft) echo "Pool(2)+Pillow draft()" ;;
    vips) echo "vipsthumbnail -P2" ;;
  esac
}
ANCHOR=""
has_tool pillow && ANCHOR=$(tr ' ' '\n' <<<"${TIMES[pillow]}" | grep . | median)

echo
echo "corpus: $CORPUS ($N files$( ((BIG)) && echo ", --big" || true)); fit ${SIZE}x${SIZE}, JPEG q$QUALITY, $WORKERS workers, median of $RUNS runs"
echo "machine: $(nproc) CPUs; load average before the runs $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every tool)"
printf '%-26s %9s %9s %14s\n' tool seconds images/s "vs Pool+Pillow"
for t in "${TOOL_LIST[@]}"; do
  med=$(tr ' ' '\n' <<<"${TIMES[$t]}" | grep . | median)
  ips=$(awk -v n="$N" -v s="$med" 'BEGIN { printf "%.1f", n / s }')
  ratio="-"
  [[ -n "$ANCHOR" ]] && ratio=$(awk -v a="$ANCHOR" -v s="$med" 'BEGIN { printf "%.2fx", a / s }')
  printf '%-26s %9.2f %9s %14s\n' "$(label "$t")" "$med" "$ips" "$ratio"
done
if [[ -n "$COORD_MIB" ]]; then
  echo
  echo "peak RSS (VmHWM): coordinator $COORD_MIB MiB, largest worker $WORKER_MIB MiB ($WORKERS_SEEN worker processes seen)"
fi
