#!/usr/bin/env bash
# Builds the Linux packages of Pixpool: an app-image (a folder that runs as is) and, from it, a .deb and an .rpm
# (the .rpm only where rpmbuild is installed).
#
#   packaging/build-linux.sh [--build-dir DIR] [--no-maven] [--only app-image|deb|rpm]... [--verbose]
#
#   --build-dir DIR   Maven output folder (default: $PIXPOOL_BUILD or "target"); everything lands below it
#   --no-maven        use DIR/pixpool.jar and DIR/lib as they are instead of running 'mvn package' first
#   --only TYPE       build only these outputs (repeatable); the app-image is always built
#   --verbose         let jdeps/jlink/jpackage say what they do (and which resource files jpackage looks for)
#
# Stages, each in its own folder under DIR/jpackage/ so a failed step can be looked at:
#   1-input      the jar and its lib/ folder, as 'mvn package' made them
#   2-jdeps      modules.txt: the JDK modules the jars need (jdeps) plus the ones jdeps cannot see
#   3-runtime    the jlinked Java runtime with only those modules, its class-data-sharing archive (the JDK's
#                default class list, pre-parsed: every JVM of the app starts faster) and bin/java only (the app's
#                worker processes start with it: the app launcher costs 0.13 s more per start, see WorkerCommand)
#   4-app-image  jpackage --type app-image, plus bin/pixpool (packaging/linux/pixpool) -> copied to DIR/dist/Pixpool/
#   5-installers jpackage --type deb / rpm   -> copied to DIR/dist/
# jpackage's options live in argfiles: packaging/app.args, packaging/linux/*.args.
#
# Needs: JDK 17+ with jpackage (JAVA_HOME or the java on PATH), Maven; for the .deb dpkg-deb and fakeroot; for the
# .rpm rpmbuild. packaging/install-build-deps.sh installs the Debian packages.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

build="${PIXPOOL_BUILD:-target}"
run_maven=1
verbose=0
only=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build-dir) build="$2"; shift 2 ;;
    --no-maven) run_maven=0; shift ;;
    --only) only+=("$2"); shift 2 ;;
    --verbose) verbose=1; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "build-linux.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done

stage() { echo "== build-linux.sh: $*"; }
fail() { echo "build-linux.sh: FAILED: $*" >&2; exit 1; }
wanted() { [[ ${#only[@]} -eq 0 ]] && return 0; local t; for t in "${only[@]}"; do [[ "$t" == "$1" ]] && return 0; done; return 1; }

# --- the JDK: jdeps, jlink and jpackage must come from the same JDK (its jmods make the runtime) ---
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jpackage" ]]; then
  jdk="$JAVA_HOME"
elif command -v jpackage >/dev/null 2>&1; then
  jdk="$(dirname "$(dirname "$(readlink -f "$(command -v jpackage)")")")"
else
  fail "no jpackage found: set JAVA_HOME to a JDK 17+ (for example /usr/lib/jvm/java-17-openjdk-amd64)"
fi
[[ -d "$jdk/jmods" ]] || fail "$jdk has no jmods/ folder, so jlink cannot build a runtime from it (Debian: apt-get install openjdk-17-jdk)"
jdk_major="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[[ "${jdk_major%%.*}" -ge 17 ]] || fail "JDK $jdk is version $jdk_major; Pixpool needs 17 or newer"
quiet=(); [[ $verbose -eq 1 ]] && quiet=(--verbose)

# --- 0: the jars ---
if [[ $run_maven -eq 1 ]]; then
  stage "0-maven: mvn package into $build/"
  # (sed: Maven 3.8 prints colour resets even in batch mode)
  JAVA_HOME="$jdk" mvn -q -B -ntp -Dstyle.color=never -Dpixpool.build="$build" package -DskipTests 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g'
fi
[[ -f "$build/pixpool.jar" && -d "$build/lib" ]] || fail "$build/pixpool.jar and $build/lib/ are missing: run 'mvn package' (or drop --no-maven)"
version="$(sed -n 's/^version=//p' "$build/maven-archiver/pom.properties" 2>/dev/null || true)"
[[ -n "$version" ]] || fail "no version in $build/maven-archiver/pom.properties: run 'mvn package'"
app_version="${version%%-*}"          # 0.1.0-SNAPSHOT -> 0.1.0 (installers want plain numbers)
[[ "$app_version" =~ ^[0-9]+(\.[0-9]+){0,3}$ ]] || fail "version '$version' does not start with a number jpackage accepts"

work="$build/jpackage"
dist="$build/dist"
rm -rf "$work" "$dist"
mkdir -p "$work" "$dist"

# --- 1: input ---
stage "1-input: $build/pixpool.jar + lib/ -> $work/1-input"
mkdir -p "$work/1-input/lib"
cp "$build/pixpool.jar" "$work/1-input/"
cp "$build"/lib/*.jar "$work/1-input/lib/"

# --- 2: which JDK modules ---
stage "2-jdeps: JDK modules the jars use"
mkdir -p "$work/2-jdeps"
# Every jar is an input (not --class-path), so every jar is analysed, not only what pixpool.jar reaches.
jdeps_out="$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  "$work/1-input/pixpool.jar" "$work/1-input"/lib/*.jar 2>"$work/2-jdeps/jdeps.log")" \
  || { cat "$work/2-jdeps/jdeps.log" >&2; fail "jdeps failed"; }
jdeps_modules="$(printf '%s\n' "$jdeps_out" | tail -n 1)"
[[ "$jdeps_modules" =~ ^[a-z.,]+$ ]] || fail "unexpected jdeps output: $jdeps_out"
# What jdeps cannot see, because it is reached by reflection, service loading or an optional cast:
#   java.desktop     ImageIO and AWT, the image pipeline in every worker (jdeps finds it too; named for clarity)
#   java.management  the JVM's management beans
#   jdk.management   com.sun.management.OperatingSystemMXBean: physical memory, to size the worker heaps
#   jdk.unsupported  sun.misc.Unsafe for JavaFX (found by jdeps too)
extra_modules="java.desktop,java.logging,java.xml,java.management,jdk.management,jdk.unsupported"
modules="$(printf '%s,%s' "$jdeps_modules" "$extra_modules" | tr ',' '\n' | sort -u | paste -sd, -)"
printf '%s\n' "$modules" > "$work/2-jdeps/modules.txt"
echo "   jdeps: $jdeps_modules"
echo "   runtime modules: $modules"

# --- 3: the runtime ---
stage "3-runtime: jlink"
# --generate-cds-archive runs the new runtime's bin/java, so the native commands stay until it is done; then all but
# java go. Measured on 2 cores, 10 photos through the app-image: 1.17 s without the archive, 1.02 s with it.
"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output "$work/3-runtime" "${quiet[@]}" \
  || fail "jlink failed"
[[ -f "$work/3-runtime/lib/server/classes.jsa" ]] || fail "jlink made no CDS archive (lib/server/classes.jsa)"
[[ -x "$work/3-runtime/bin/java" ]] || fail "the runtime has no bin/java"
find "$work/3-runtime/bin" -mindepth 1 ! -name java ! -name java.exe -delete
# the archive for heaps over 32 GB (no compressed oops): 10 MB every user would download for the rare coordinator
# with a default heap that large, which then starts without class-data sharing
rm -f "$work/3-runtime/lib/server/classes_nocoops.jsa"
echo "   runtime: $(du -sh "$work/3-runtime" | cut -f1)"

# --- 4: the app-image ---
stage "4-app-image: jpackage @packaging/app.args @packaging/linux/app-image.args"
"$jdk/bin/jpackage" @packaging/app.args @packaging/linux/app-image.args \
  --input "$work/1-input" --runtime-image "$work/3-runtime" --app-version "$app_version" \
  --dest "$work/4-app-image" --temp "$work/tmp-app-image" "${quiet[@]}" \
  || fail "jpackage app-image failed"
launcher="$work/4-app-image/Pixpool/bin/Pixpool"
[[ -x "$launcher" ]] || fail "jpackage made no launcher at $launcher"
# Workers start with lib/runtime/bin/java (the launcher is the fallback where a runtime has none). bin/pixpool is
# the command-line entry that skips the launcher's package queries (see packaging/linux/pixpool).
install -m 755 packaging/linux/pixpool "$work/4-app-image/Pixpool/bin/pixpool"
cp -a "$work/4-app-image/Pixpool" "$dist/"
echo "   app-image: $dist/Pixpool ($(du -sh "$dist/Pixpool" | cut -f1))"

# --- 5: installers, built from the app-image so they hold exactly what was tested ---
mkdir -p "$work/5-installers"
installer() { # type
  stage "5-installers: jpackage @packaging/linux/installer-common.args @packaging/linux/$1.args"
  "$jdk/bin/jpackage" @packaging/linux/installer-common.args "@packaging/linux/$1.args" \
    --app-image "$work/4-app-image/Pixpool" --app-version "$app_version" \
    --dest "$work/5-installers" --temp "$work/tmp-$1" "${quiet[@]}" \
    || fail "jpackage $1 failed"
}
if wanted deb; then
  command -v dpkg-deb >/dev/null 2>&1 || fail "dpkg-deb not found: the .deb needs Debian's dpkg (or pass --only app-image)"
  command -v fakeroot >/dev/null 2>&1 || fail "fakeroot not found: apt-get install -y fakeroot (or pass --only app-image)"
  installer deb
fi
if wanted rpm; then
  if command -v rpmbuild >/dev/null 2>&1; then
    installer rpm
  elif [[ ${#only[@]} -gt 0 ]]; then
    fail "rpmbuild not found: apt-get install -y rpm (Debian) or dnf install rpm-build"
  else
    echo "   (no rpmbuild here: skipping the .rpm; Debian: apt-get install -y rpm)"
  fi
fi
shopt -s nullglob
for f in "$work"/5-installers/*.deb "$work"/5-installers/*.rpm; do
  cp "$f" "$dist/"
  echo "   installer: $dist/$(basename "$f") ($(du -h "$f" | cut -f1))"
done

stage "done: $dist"
