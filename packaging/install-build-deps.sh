#!/usr/bin/env bash
# Installs, on Debian/Ubuntu, what packaging/build-linux.sh and packaging/smoke-test.sh need beyond JDK 17 and Maven.
# Only missing packages are installed, so it is quick to run again (CI runs it every time).
#
#   packaging/install-build-deps.sh [--rpm] [--icons]
#
#   always   fakeroot (the .deb), xvfb + x11-utils + libgtk-3-0 (the window smoke test), imagemagick (its screenshot)
#   --rpm    rpm, for the .rpm (rpmbuild)
#   --icons  librsvg2-bin + icnsutils, for icons/render.sh (imagemagick is already in the list)
set -euo pipefail

pkgs=(fakeroot xvfb x11-utils libgtk-3-0 imagemagick)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rpm) pkgs+=(rpm); shift ;;
    --icons) pkgs+=(librsvg2-bin icnsutils); shift ;;
    *) echo "install-build-deps.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-build-deps.sh: all there (${pkgs[*]})"
  exit 0
fi
command -v apt-get >/dev/null 2>&1 || { echo "install-build-deps.sh: no apt-get; install these yourself: ${missing[*]}" >&2; exit 1; }
sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
echo "install-build-deps.sh: installing ${missing[*]}"
# wait for another apt/dpkg (up to 10 minutes) instead of failing on its lock
"${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
