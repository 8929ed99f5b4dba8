#!/bin/sh
# Install the Debian packages listed in build-aux/debian-packages.txt that
# are not installed yet. Uses sudo when not run as root.
set -eu

here=$(dirname "$0")
list="$here/debian-packages.txt"

missing=""
for pkg in $(sed -e 's/#.*//' "$list"); do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $pkg" ;;
  esac
done

[ -z "$missing" ] && exit 0

echo "Installing missing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "error: these packages are missing and neither root nor sudo is available:$missing" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -q
# shellcheck disable=SC2086
$as_root apt-get install -y -q --no-install-recommends $missing
