#!/usr/bin/env bash
# quality.sh - quality guard: the PSNR of every tool's outputs against a high-quality reference.
#
# Usage:  src/bench/quality.sh [--big] [--corpus DIR] [--tools LIST] [--build DIR] [--app DIR] [--refs DIR] [--csv FILE]
#
#   --big          use the --big corpus (10 files of 12..27 MP) instead of the default one (114 JPEGs)
#   --corpus DIR   where the corpus is made / reused (default: ~/.cache/pixpool-bench/corpus[-big])
#   --tools LIST   comma-separated subset of: pixpool,pillow,pillow-draft,vips (default: all)
#   --build DIR    Maven build folder holding pixpool.jar (default: target, or $PIXPOOL_BUILD)
#   --app DIR      run the packaged app instead of the jar: DIR/bin/Pixpool batch ... (an app-image such as
#                  target/dist/Pixpool, or an installed app such as /opt/pixpool)
#   --refs DIR     where the reference images are kept and reused (default: ~/.cache/pixpool-bench/refs[-big])
#   --csv FILE     also write the PSNR of every output (tool,file,psnr_rgb,psnr_luma)
#
# Each tool runs once exactly as in bench.sh (fit 500x500, JPEG q85, 2 workers); psnr.py then compares each output
# with libvips' lanczos3 resize of the full-resolution decode of its source, to the output's exact size, and prints
# per tool the mean and minimum PSNR over the R, G, B channels and the mean luma PSNR (see psnr.py).
# The issue's bar: Pixpool's mean PSNR >= Pool+Pillow's (plain full-decode LANCZOS resize).
# Needs python3-pil, python3-numpy and libvips-tools (installed with apt-get when missing; that needs root).
set -euo pipefail
SCRIPT=quality.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BIG=0
CORPUS=""
TOOLS="$ALL_TOOLS"
REFS=""
CSV=""

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

while (($#)); do
  case "$1" in
    --big) BIG=1 ;;
    --corpus) [[ $# -ge 2 ]] || die "--corpus needs a folder"; CORPUS="$2"; shift ;;
    --tools) [[ $# -ge 2 ]] || die "--tools needs a list"; TOOLS="$2"; shift ;;
    --build) [[ $# -ge 2 ]] || die "--build needs a folder"; BUILD="$2"; shift ;;
    --app) [[ $# -ge 2 && -d "$2" ]] || die "--app needs an app folder (one with bin/Pixpool)"; APP=$(cd "$2" && pwd); shift ;;
    --refs) [[ $# -ge 2 ]] || die "--refs needs a folder"; REFS="$2"; shift ;;
    --csv) [[ $# -ge 2 ]] || die "--csv needs a file"; CSV="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
check_tools "$TOOLS"
[[ -n "$CORPUS" ]] || CORPUS=$(default_corpus "$BIG")
[[ -n "$REFS" ]] || REFS="${XDG_CACHE_HOME:-$HOME/.cache}/pixpool-bench/refs$( ((BIG)) && echo -big || true)"

ensure_packages python3-pil python3-numpy libvips-tools
make_corpus "$CORPUS" "$BIG"
if [[ ",$TOOLS," == *",pixpool,"* ]]; then ensure_jar; fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pixpool-quality.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

ARGS=()
for t in "${TOOL_LIST[@]}"; do
  log "running $t"
  run_tool "$t" "$CORPUS" "$WORK/$t" || die "$t failed"
  made=$(find "$WORK/$t" -type f -iname '*.jpg' | wc -l)
  ((made == N)) || die "$t wrote $made of $N outputs"
  ARGS+=("$(label "$t")=$WORK/$t")
done

log "comparing with the references in $REFS (made on first use)"
echo
echo "corpus: $CORPUS ($N files$( ((BIG)) && echo ", --big" || true)); fit ${SIZE}x${SIZE}, JPEG q$QUALITY"
echo "reference: vips resize --kernel lanczos3 --gap 0 of the full-resolution decode, to each output's exact size;"
echo "PSNR over R, G and B (8 bit), per image, then mean and minimum over the images; luma = BT.601 Y"
/usr/bin/python3 "$HERE/psnr.py" --corpus "$CORPUS" --refs "$REFS" ${CSV:+--csv "$CSV"} "${ARGS[@]}"
