#!/bin/bash
# Run a command with an X server of its own (Xvfb), so UI tests work with
# or without a display and in parallel. -noreset: without it the server
# resets whenever its last client leaves, and a test connecting just then
# (each Check test forks and connects anew) finds no display.
set -euo pipefail
if ! command -v Xvfb >/dev/null; then
  if [ -n "${DISPLAY:-}" ]; then exec "$@"; fi
  echo "1..0 # SKIP Xvfb not installed and no DISPLAY"
  exit 0
fi
unset WAYLAND_DISPLAY
tmp=$(mktemp -d)
mkfifo "$tmp/displayfd"
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp -noreset 3>"$tmp/displayfd" 2>"$tmp/xvfb.log" </dev/null &
xvfb_pid=$!
cleanup() {
  kill "$xvfb_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
if ! read -r -t 10 dpy <"$tmp/displayfd"; then
  cat "$tmp/xvfb.log" >&2
  exit 1
fi
export DISPLAY=":$dpy"
"$@"
