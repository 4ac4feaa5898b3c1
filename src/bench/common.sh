# common.sh - shared by bench.sh, quality.sh, scaling.sh and floor.sh (sourced, not run).
#
# Callers set SCRIPT (their name, for messages) and may override WORKERS, SIZE, QUALITY, BUILD before calling
# the functions. Every tool fits each image inside SIZExSIZE and writes JPEG quality QUALITY:
#   pixpool       java -jar pixpool.jar batch --workers W --fit 500x500 --quality 85 IN --out OUT --quiet
#                 (end to end: the coordinator's and the workers' JVM starts are included); with APP set (the
#                 scripts' --app DIR: an app-image or an installed app), APP/bin/Pixpool batch ... instead, which
#                 is what users of the installers run
#   pillow        /usr/bin/python3 pillow_pool.py: multiprocessing.Pool(W) + Pillow, full decode,
#                 convert('RGB'), resize(..., LANCZOS), save JPEG q85
#   pillow-draft  the same with img.draft('RGB', (500, 500)) before converting (DCT-domain downscaled decode)
#   vips          vipsthumbnail -s 500x500 -o OUT/%s.jpg[Q=85], W processes (xargs -P W -n 20)

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
MAKE_CORPUS="$ROOT/../shared/bench/make-corpus.sh"
ALL_TOOLS="pixpool,pillow,pillow-draft,vips"

BUILD="${PIXPOOL_BUILD:-target}"
APP=""
WORKERS=2
SIZE=500
QUALITY=85

die() { echo "${SCRIPT:-bench}: $*" >&2; exit 2; }
log() { echo "$*" >&2; }
now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }

check_tools() {  # check_tools LIST -> dies on an unknown tool name
  local t
  IFS=, read -r -a TOOL_LIST <<<"$1"
  for t in "${TOOL_LIST[@]}"; do
    case "$t" in pixpool|pillow|pillow-draft|vips) ;; *) die "unknown tool '$t'" ;; esac
  done
}

label() {
  case "$1" in
    pixpool) if [[ -n "$APP" ]]; then echo "Pixpool app $(basename "${PIXPOOL[0]}") ($WORKERS w.)"; else echo "Pixpool batch ($WORKERS workers)"; fi ;;
    pillow) echo "Pool($WORKERS)+Pillow" ;;
    pillow-draft) echo "Pool($WORKERS)+Pillow draft()" ;;
    vips) echo "vipsthumbnail -P$WORKERS" ;;
  esac
}

ensure_packages() {  # ensure_packages PKG... : installs the missing Debian packages with apt-get (needs root)
  local p missing=()
  for p in "$@"; do
    [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" == "install ok installed" ]] || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  [[ $(id -u) -eq 0 ]] || die "need root to install: ${missing[*]}"
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get -o DPkg::Lock::Timeout=300 -y --no-install-recommends)
  if ! "${apt[@]}" install "${missing[@]}" >&2; then
    apt-get -o DPkg::Lock::Timeout=300 update >&2
    "${apt[@]}" install "${missing[@]}" >&2
  fi
}

default_corpus() {  # default_corpus BIG -> the cached corpus folder
  echo "${XDG_CACHE_HOME:-$HOME/.cache}/pixpool-bench/corpus$( (($1)) && echo -big || true)"
}

make_corpus() {  # make_corpus DIR BIG : makes or reuses the corpus; sets FILES (sorted JPEG paths) and N
  [[ -f "$MAKE_CORPUS" ]] || die "corpus script not found: $MAKE_CORPUS"
  log "corpus: $1"
  if (($2)); then bash "$MAKE_CORPUS" --big "$1" >&2; else bash "$MAKE_CORPUS" "$1" >&2; fi
  mapfile -t FILES < <(jpegs_in "$1")
  N=${#FILES[@]}
  ((N > 0)) || die "no JPEG files in $1"
}

jpegs_in() { find "$1" -maxdepth 1 \( -type f -o -type l \) -iname '*.jpg' ! -name '.*' | sort; }

ensure_jar() {  # sets PIXPOOL (the command that runs Pixpool) and JAR; builds the jar into $BUILD if missing
  if [[ -n "$APP" ]]; then  # the packaged app instead: what a user types in a terminal
    if [[ -x "$APP/bin/pixpool" && -z "${APP_LAUNCHER:-}" ]]; then  # Linux: the command-line entry (/usr/bin/pixpool)
      PIXPOOL=("$APP/bin/pixpool")
      return
    fi
    [[ -x "$APP/bin/Pixpool" ]] || die "no launcher at $APP/bin/Pixpool (build one with packaging/build-linux.sh)"
    PIXPOOL=("$APP/bin/Pixpool")
    return
  fi
  JAR="$ROOT/$BUILD/pixpool.jar"
  PIXPOOL=(java -jar "$JAR")
  if [[ ! -f "$JAR" ]]; then
    log "building $JAR"
    (cd "$ROOT" && mvn -q -B package -DskipTests -Dpixpool.build="$BUILD") >&2
  fi
}

run_tool() {  # run_tool TOOL IN_DIR OUT_DIR : one batch of every JPEG in IN_DIR with $WORKERS parallel workers
  local tool="$1" in="$2" out="$3"
  case "$tool" in
    pixpool)
      "${PIXPOOL[@]}" batch --workers "$WORKERS" --fit "${SIZE}x${SIZE}" --quality "$QUALITY" "$in" --out "$out" --quiet ;;
    pillow)
      /usr/bin/python3 "$HERE/pillow_pool.py" --workers "$WORKERS" --size "$SIZE" --quality "$QUALITY" "$in" "$out" ;;
    pillow-draft)
      /usr/bin/python3 "$HERE/pillow_pool.py" --workers "$WORKERS" --size "$SIZE" --quality "$QUALITY" --draft \
        "$in" "$out" ;;
    vips)
      mkdir -p "$out"
      jpegs_in "$in" | tr '\n' '\0' | VIPS_WARNING=1 xargs -0 -P "$WORKERS" -n 20 vipsthumbnail \
        -s "${SIZE}x${SIZE}" -o "$out/%s.jpg[Q=$QUALITY]" ;;
  esac
}

time_run() {  # time_run TOOL IN_DIR OUT_DIR EXPECTED -> wall-clock seconds on stdout; the outputs are removed
  local tool="$1" in="$2" out="$3" t0 t1 made
  rm -rf "$out"
  t0=$(now)
  run_tool "$tool" "$in" "$out" || die "$tool failed on $in"
  t1=$(now)
  made=$(find "$out" -type f -iname '*.jpg' ! -name '.*' | wc -l)
  ((made == $4)) || die "$tool wrote $made of $4 outputs"
  rm -rf "$out"
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}

# ---- process memory, read from /proc ------------------------------------------------------------------------------
status_kib() {  # status_kib PID FIELD -> a /proc/PID/status value in KiB (VmHWM, VmRSS); 0 once it is gone
  local k v _
  while read -r k v _; do
    if [[ "$k" == "$2:" ]]; then echo "$v"; return; fi
  done 2>/dev/null <"/proc/$1/status" || true
  echo 0
}
children_of() { cat /proc/"$1"/task/*/children 2>/dev/null || true; }
descendants_of() {  # descendants_of PID -> every process below PID, at any depth
  local c
  for c in $(children_of "$1"); do echo "$c"; descendants_of "$c"; done
}

sample_memory() {  # sample_memory CMD... : runs CMD in the background, reading /proc every 50 ms until it ends.
  # Sets MEM_COORD_MIB (peak VmHWM of CMD's own process), MEM_WORKER_MIB (largest peak VmHWM of a process below it),
  # MEM_SEEN (processes seen below it) and MEM_TREE_MIB (largest sum of VmRSS over CMD's whole process tree in one
  # sample: what the batch holds at once). BG_PID names the running command so a trap can end it.
  local coord=0 tree=0 sum v p
  local -A peak=()
  "$@" &
  BG_PID=$!
  while kill -0 "$BG_PID" 2>/dev/null; do
    v=$(status_kib "$BG_PID" VmHWM); if ((v > coord)); then coord=$v; fi
    sum=$(status_kib "$BG_PID" VmRSS)
    for p in $(descendants_of "$BG_PID"); do
      v=$(status_kib "$p" VmHWM); if ((v > ${peak[$p]:-0})); then peak[$p]=$v; fi
      sum=$((sum + $(status_kib "$p" VmRSS)))
    done
    if ((sum > tree)); then tree=$sum; fi
    sleep 0.05
  done
  wait "$BG_PID" || die "$1 failed in the memory run"
  BG_PID=""
  local worker=0
  for p in "${!peak[@]}"; do if ((peak[$p] > worker)); then worker=${peak[$p]}; fi; done
  MEM_SEEN=${#peak[@]}
  MEM_COORD_MIB=$((coord / 1024))
  MEM_WORKER_MIB=$((worker / 1024))
  MEM_TREE_MIB=$((tree / 1024))
}
