#!/usr/bin/env bash
# Smoke test of the packaged app: what a user gets, not what Maven runs.
#
#   packaging/smoke-test.sh [--app DIR] [--build-dir DIR] [--rebuild] [--only batch|window]
#
#   --app DIR        the installed or unpacked app: DIR/bin/Pixpool (default: BUILD/dist/Pixpool, the app-image;
#                    /opt/pixpool tests an installed .deb/.rpm)
#   --build-dir DIR  Maven output folder (default: $PIXPOOL_BUILD or "target")
#   --rebuild        build the app-image first even if one exists (packaging/build-linux.sh --only app-image);
#                    without it the app-image is built only when it is missing
#   --only STEP      run only the batch step or only the window step
#
# Steps:
#   batch   <app>/bin/Pixpool batch --workers 2 --fit 64x64 --out OUT IN  on generated images: exit 0, and every
#           image comes out fitted into 64x64. This proves that the packaged app starts its worker processes (with
#           the jlinked runtime's bin/java), and that its first worker leaves a class-data archive in the cache
#           (XDG_CACHE_HOME points into the smoke folder). Then the same with --format webp, which loads libwebp
#           (bundled in a jar) inside the jlinked runtime, with the workers made to use that archive or fail
#           (-Xshare:on). Then two batches through bin/pixpool, the command-line entry that starts the runtime's
#           java without the launcher: the first leaves the coordinator's own class-data archive (dumped in the
#           background after it; no class list or temp dump left), the second must load its classes from it,
#           picocli's Java 5 classes too.
#   window  <app>/bin/Pixpool IMAGE... under a private Xvfb: the process stays up, a Pixpool window of real size is
#           mapped, it is not one flat colour (when ImageMagick is there to take the screenshot), and nothing on
#           stderr says Exception. Then the app is stopped.
# Logs and outputs stay in BUILD/smoke/ for a look after a failure. Exits non-zero with a message on failure.
# Needs: a JDK 'java' (to make and check the images), Xvfb, xwininfo (x11-utils), GTK 3; ImageMagick optional.
# packaging/install-build-deps.sh installs them on Debian.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

build="${PIXPOOL_BUILD:-target}"
app=""
rebuild=0
only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --app) app="$2"; shift 2 ;;
    --build-dir) build="$2"; shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "smoke-test.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
case "$only" in ""|batch|window) ;; *) echo "smoke-test.sh: --only takes batch or window" >&2; exit 2 ;; esac

step() { echo "== smoke-test.sh: $*"; }
fail() { echo "smoke-test.sh: FAILED: $*" >&2; exit 1; }
show() { echo "---- $1"; sed 's/^/   | /' "$1" | tail -n 40; }

java_cmd="java"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_cmd="$JAVA_HOME/bin/java"
command -v "$java_cmd" >/dev/null 2>&1 || fail "no 'java' to make the test images with (set JAVA_HOME to a JDK 17+)"

if [[ -z "$app" ]]; then
  app="$build/dist/Pixpool"
  if [[ $rebuild -eq 1 || ! -x "$app/bin/Pixpool" ]]; then
    step "building the app-image"
    packaging/build-linux.sh --build-dir "$build" --only app-image
  fi
fi
launcher="$app/bin/Pixpool"
[[ -x "$launcher" ]] || fail "no launcher at $launcher"
[[ -x "$app/bin/pixpool" ]] || fail "no command-line entry at $app/bin/pixpool"
[[ -x "$app/lib/runtime/bin/java" ]] || fail "the runtime has no bin/java to start workers with"
[[ -f "$app/lib/runtime/lib/server/classes.jsa" ]] || fail "the runtime has no class-data archive (lib/server/classes.jsa)"
app_jars="$app/lib/app/*:$app/lib/app/lib/*"
# picocli heads the jar's Class-Path (pom.xml), so a command-line run reads no other jar before it parses
jar_tool="$(dirname "$(readlink -f "$(command -v "$java_cmd")")")/jar"
mf_dir=$(mktemp -d)
app_jar=$(readlink -f "$app/lib/app/pixpool.jar")
manifest=$(cd "$mf_dir" && "$jar_tool" xf "$app_jar" META-INF/MANIFEST.MF \
  && tr -d '\r\n ' < META-INF/MANIFEST.MF)
rm -rf "$mf_dir"
[[ "$manifest" == *"Class-Path:lib/picocli-"* ]] || fail "pixpool.jar's Class-Path does not start with picocli"

smoke="$build/smoke"
rm -rf "$smoke"
mkdir -p "$smoke"
smoke="$(cd "$smoke" && pwd)"

pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do
    kill "$p" 2>/dev/null || true
  done
}
trap cleanup EXIT

# Waits up to $2 seconds for process $1 to end; then kills it hard.
stop() {
  local pid="$1" secs="$2" i
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < secs * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  echo "   (pid $pid ignored SIGTERM for ${secs}s: SIGKILL)"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

step "test images: $smoke/in"
"$java_cmd" packaging/smoke/SmokeImages.java make "$smoke/in" >"$smoke/make-images.log" 2>&1 \
  || { show "$smoke/make-images.log"; fail "could not make the test images"; }
expected=4

# ---------------------------------------------------------------- batch: the workers inside the package
if [[ -z "$only" || "$only" == batch ]]; then
  # batch_step NAME OUT CMD...: runs CMD (an 'env VAR=value' prefix allowed) with a 300 s limit, then checks that
  # every test image came out fitted into 64x64 in OUT; logs in $smoke/batch-NAME.out|err, $smoke/check-NAME.log
  batch_step() {
    local name="$1" out="$2" rc
    shift 2
    step "batch ($name): $*"
    set +e
    timeout 300 "$@" >"$smoke/batch-$name.out" 2>"$smoke/batch-$name.err" </dev/null
    rc=$?
    set -e
    if [[ $rc -ne 0 ]]; then
      show "$smoke/batch-$name.out"; show "$smoke/batch-$name.err"
      [[ $rc -eq 124 ]] && fail "batch ($name) did not finish within 300 s"
      fail "batch ($name) exited with $rc, expected 0"
    fi
    [[ -d "$out" ]] || { show "$smoke/batch-$name.out"; fail "batch ($name) exited 0 but wrote no $out"; }
    "$java_cmd" -cp "$app_jars" packaging/smoke/SmokeImages.java check "$out" 64 64 "$expected" \
      >"$smoke/check-$name.log" 2>&1 \
      || { show "$smoke/batch-$name.err"; show "$smoke/check-$name.log"; fail "batch ($name) output is wrong"; }
  }

  batch_step launcher "$smoke/out" env XDG_CACHE_HOME="$smoke/cache" \
    "$launcher" batch --workers 2 --fit 64x64 --out "$smoke/out" "$smoke/in"
  sed 's/^/   /' "$smoke/check-launcher.log"
  echo "   ok: $expected images converted by the packaged app's worker processes"
  compgen -G "$smoke/cache/pixpool/cds/worker-*.jsa" >/dev/null \
    || { show "$smoke/batch-launcher.err"; fail "the first worker left no class-data archive in $smoke/cache"; }
  ! compgen -G "$smoke/cache/pixpool/cds/*.tmp" >/dev/null || fail "a temp dump was left in $smoke/cache/pixpool/cds"
  echo "   ok: class-data archive for the workers: $(cd "$smoke/cache/pixpool/cds" && ls worker-*.jsa)"

  # WebP output loads libwebp from the webp-imageio jar at run time: prove it works in the jlinked runtime
  batch_step webp "$smoke/out-webp" \
    env XDG_CACHE_HOME="$smoke/cache" _JAVA_OPTIONS="-Dpixpool.worker.jvmOptions=-Xshare:on" \
    "$launcher" batch --workers 2 --fit 64x64 --format webp --out "$smoke/out-webp" "$smoke/in"
  echo "   ok: $expected images written as WebP by the packaged app's worker processes (class-data archive mapped)"

  batch_step cli "$smoke/out-cli" env XDG_CACHE_HOME="$smoke/cache" \
    "$app/bin/pixpool" batch --workers 2 --fit 64x64 --out "$smoke/out-cli" "$smoke/in"
  echo "   ok: $expected images converted through bin/pixpool"
  # the archive is dumped in the background from the class list the batch wrote, which goes when it is done
  for _ in $(seq 300); do
    compgen -G "$smoke/cache/pixpool/cds/coordinator-*.classlist" >/dev/null || break
    sleep 0.1
  done
  ! compgen -G "$smoke/cache/pixpool/cds/coordinator-*.classlist" >/dev/null \
    || fail "the coordinator's class list was still in $smoke/cache/pixpool/cds 30 s after its batch"
  compgen -G "$smoke/cache/pixpool/cds/coordinator-*.jsa" >/dev/null \
    || { show "$smoke/batch-cli.err"; fail "the first bin/pixpool batch left no class-data archive for itself"; }
  ! compgen -G "$smoke/cache/pixpool/cds/coordinator-*.*.jsa" >/dev/null \
    || fail "a temp coordinator dump was left in $smoke/cache/pixpool/cds"
  # the coordinator's own classes, and picocli's Java 5 ones, must come from its own archive (the JDK's base one
  # holds neither)
  batch_step cli-archived "$smoke/out-cli2" env XDG_CACHE_HOME="$smoke/cache" \
    _JAVA_OPTIONS="-Xlog:class+load=info:file=$smoke/classes-%p.log" \
    "$app/bin/pixpool" batch --workers 2 --fit 64x64 --out "$smoke/out-cli2" "$smoke/in"
  coordinator_log=$(grep -l 'io.pixpool.Main source:' "$smoke"/classes-*.log) \
    || fail "no class-loading log of the second bin/pixpool batch's coordinator"
  grep -q 'io.pixpool.Main source: shared objects file' "$coordinator_log" \
    || fail "the second bin/pixpool batch did not load its classes from its own class-data archive"
  grep -q 'picocli.CommandLine source: shared objects file' "$coordinator_log" \
    || fail "the second bin/pixpool batch loaded picocli from its jar, not from its class-data archive"
  echo "   ok: the second bin/pixpool batch mapped its own class-data archive:" \
    "$(cd "$smoke/cache/pixpool/cds" && ls coordinator-*.jsa)"
fi

# ---------------------------------------------------------------- window: the packaged window under Xvfb
if [[ -z "$only" || "$only" == window ]]; then
  command -v Xvfb >/dev/null 2>&1 || fail "Xvfb not found: apt-get install -y xvfb (or packaging/install-build-deps.sh)"
  command -v xwininfo >/dev/null 2>&1 || fail "xwininfo not found: apt-get install -y x11-utils"

  step "window: starting Xvfb"
  # -displayfd: Xvfb picks a free display number itself, so parallel runs cannot collide
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$smoke/xvfb.display" >"$smoke/xvfb.log" 2>&1 &
  xvfb_pid=$!
  pids+=("$xvfb_pid")
  for ((i = 0; i < 100; i++)); do
    [[ -s "$smoke/xvfb.display" ]] && break
    kill -0 "$xvfb_pid" 2>/dev/null || { show "$smoke/xvfb.log"; fail "Xvfb did not start"; }
    sleep 0.1
  done
  [[ -s "$smoke/xvfb.display" ]] || { show "$smoke/xvfb.log"; fail "Xvfb gave no display number within 10 s"; }
  DISPLAY=":$(tr -d '[:space:]' <"$smoke/xvfb.display")"
  export DISPLAY
  echo "   DISPLAY=$DISPLAY"

  # The images as arguments, as a file manager's "Open with Pixpool" passes them (the window preloads them).
  step "window: $launcher landscape.jpg sub/wide.png"
  "$launcher" "$smoke/in/landscape.jpg" "$smoke/in/sub/wide.png" >"$smoke/window.out" 2>"$smoke/window.err" </dev/null &
  app_pid=$!
  pids+=("$app_pid")

  window=""
  for ((i = 0; i < 600; i++)); do   # up to 60 s: a cold start on a busy CI machine
    kill -0 "$app_pid" 2>/dev/null || { show "$smoke/window.out"; show "$smoke/window.err"; fail "the app exited before showing a window"; }
    # a mapped top-level window titled Pixpool..., at least 200x100 (GTK's 10x10 group leader window does not count)
    while read -r id w h; do
      if xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable'; then window="$id ${w}x${h}"; break; fi
    done < <(xwininfo -root -tree 2>/dev/null \
      | sed -n 's/^ *\(0x[0-9a-f]*\) "Pixpool[^"]*": ([^)]*) *\([0-9]*\)x\([0-9]*\)+.*/\1 \2 \3/p' \
      | awk '$2 >= 200 && $3 >= 100')
    [[ -n "$window" ]] && break
    sleep 0.1
  done
  [[ -n "$window" ]] || { xwininfo -root -tree >"$smoke/windows.txt" 2>&1 || true; show "$smoke/windows.txt"; show "$smoke/window.err"; fail "no Pixpool window appeared within 60 s"; }
  echo "   window: $window"

  imagemagick=""
  for c in magick /usr/bin/convert convert; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -version 2>/dev/null | grep -q ImageMagick; then imagemagick="$c"; break; fi
  done
  if [[ -n "$imagemagick" ]] && command -v import >/dev/null 2>&1; then
    sleep 2   # the first frame: the window is mapped before JavaFX has painted it
    import -window "${window%% *}" "$smoke/window.png"
    spread="$("$imagemagick" "$smoke/window.png" -format '%[fx:standard_deviation]' info:)"
    echo "   screenshot: $smoke/window.png (pixel spread $spread)"
    awk -v s="$spread" 'BEGIN { exit !(s > 0.01) }' || fail "the window is one flat colour: nothing was drawn (see $smoke/window.png)"
  else
    echo "   (no ImageMagick: screenshot check skipped)"
  fi

  kill -0 "$app_pid" 2>/dev/null || { show "$smoke/window.err"; fail "the app died after showing its window"; }
  if grep -q 'Exception' "$smoke/window.err"; then show "$smoke/window.err"; fail "the app printed an exception"; fi
  step "window: stopping the app"
  stop "$app_pid" 15
  stop "$xvfb_pid" 5
  echo "   ok: the packaged window started and drew itself"
fi

step "passed ($app)"
