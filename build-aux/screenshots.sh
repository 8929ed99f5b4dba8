#!/bin/bash
# Screenshots of the main screens, on a demo database of their own, into a
# folder: build-aux/with-xvfb.sh build-aux/screenshots.sh BUILD OUTDIR
# (`make screenshots` runs it into docs/screenshots/).
set -euo pipefail

build=${1:?usage: screenshots.sh BUILD OUTDIR}
out=${2:?usage: screenshots.sh BUILD OUTDIR}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$build/src/cli/clwstwr-cli" --db "$tmp/demo.db" demo >/dev/null

export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GDK_BACKEND=x11 GTK_A11Y=none
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export LC_ALL=C.UTF-8 XDG_DATA_HOME="$tmp" XDG_CONFIG_HOME="$tmp"

mkdir -p "$out"
"$build/tests/clwstwr-screenshots" "$tmp/demo.db" "$out"
