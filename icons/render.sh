#!/usr/bin/env bash
# Renders icons/pixpool.svg into every icon file the project ships:
#   icons/png/pixpool-{16,24,32,48,64,128,256,512}.png   Linux desktop sizes (hicolor theme, jpackage --icon)
#   icons/pixpool.ico                                     Windows (16..256 in one file)
#   icons/pixpool.icns                                    macOS (16..512)
#   src/main/resources/io/pixpool/icons/pixpool-{16,32,64,128,256}.png   the window icon (stage.getIcons())
# Tools, all from Debian: librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
#   apt-get install -y librsvg2-bin imagemagick icnsutils
# The rendered files are committed: run this again only after changing the SVG.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
svg="$here/pixpool.svg"
png_dir="$here/png"
res_dir="$root/src/main/resources/io/pixpool/icons"

need() { command -v "$1" >/dev/null 2>&1 || { echo "render.sh: '$1' not found; apt-get install -y $2" >&2; exit 1; }; }
need rsvg-convert librsvg2-bin
need png2icns icnsutils

# A real ImageMagick: some machines put a look-alike 'convert' first on PATH.
imagemagick=""
for c in magick /usr/bin/convert convert; do
  if command -v "$c" >/dev/null 2>&1 && "$c" -version 2>/dev/null | grep -q ImageMagick; then imagemagick="$c"; break; fi
done
[[ -n "$imagemagick" ]] || { echo "render.sh: ImageMagick not found; apt-get install -y imagemagick" >&2; exit 1; }

mkdir -p "$png_dir" "$res_dir"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$svg" --output "$png_dir/pixpool-$size.png"
done

# Windows .ico: the sizes Explorer and the taskbar ask for. -strip keeps dates out of the file.
"$imagemagick" "$png_dir"/pixpool-{16,24,32,48,64,128,256}.png -strip "$here/pixpool.ico"

# macOS .icns: png2icns takes the sizes it knows (16, 32, 48, 128, 256, 512).
png2icns "$here/pixpool.icns" "$png_dir"/pixpool-{16,32,48,128,256,512}.png >/dev/null

for size in 16 32 64 128 256; do
  cp "$png_dir/pixpool-$size.png" "$res_dir/pixpool-$size.png"
done

echo "render.sh: wrote 8 PNGs, pixpool.ico, pixpool.icns and the window icons in $res_dir"
