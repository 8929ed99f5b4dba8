#!/bin/sh
# cli-evidence.sh: clwstwr-cli evidence add, list, export, verify and prune
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: cli-evidence.sh CLWSTWR-CLI

set -u

cli=$1
dir=$(mktemp -d "${TMPDIR:-/tmp}/clwstwr-cli-evidence-XXXXXX")
trap 'rm -rf "$dir"' EXIT
db="$dir/test.db"
n=0
failed=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    failed=1
  fi
}

run () {
  "$cli" --db "$db" --user "Test User" "$@" >"$dir/out" 2>"$dir/err"
}

"$cli" --db "$db" init >/dev/null
printf 'Minutes of the joint meeting\n' >"$dir/minutes.txt"

run evidence add --indicator CND015W --cycle 2021-22 --kind partnership-working \
  --title 'Joint meeting, council' --date 2022-03-01 "$dir/minutes.txt"
ok $? "add"
id=$(sed -n 's/.* as evidence \([0-9a-f-]*\)$/\1/p' "$dir/out")
[ -n "$id" ]
ok $? "add names the new evidence"

run evidence add --indicator CND015W --cycle 2021-22 --kind partnership-working \
  --title 'Again' "$dir/minutes.txt"
ok $? "add the same file again"
[ "$(find "$dir/test.attachments" -type f | wc -l)" -eq 1 ]
ok $? "the file is stored once"

run evidence add --indicator CND015W --cycle 2021-22 --kind other --title Device /dev/null
[ $? -eq 1 ] && grep -q 'is not a file' "$dir/err"
ok $? "a device is refused"
head -c 1100000 /dev/zero >"$dir/big.bin"
run evidence add --indicator CND015W --cycle 2021-22 --kind other --title Big --max-size 1 "$dir/big.bin"
[ $? -eq 1 ] && grep -q 'more than the limit' "$dir/err"
ok $? "a file over the limit is refused"
run evidence add --indicator CND015W --cycle 2021-22 --kind nonsense --title X "$dir/minutes.txt"
[ $? -eq 2 ]
ok $? "an unknown kind is a usage error"
[ "$(find "$dir/test.attachments" -type f | wc -l)" -eq 1 ]
ok $? "refused files store nothing"

run evidence list --format csv
[ $? -eq 0 ] && [ "$(wc -l <"$dir/out")" -eq 3 ] && grep -q '"Joint meeting, council"' "$dir/out"
ok $? "list as CSV, quoted"

run evidence export "$id" -o "$dir/copy.txt"
[ $? -eq 0 ] && cmp -s "$dir/minutes.txt" "$dir/copy.txt"
ok $? "export"

run evidence verify
ok $? "verify a sound store"

for f in "$dir"/test.attachments/*/*; do
  printf 'tampered\n' >"$f"
done
run evidence verify
[ $? -eq 1 ] && grep -q 'Joint meeting, council' "$dir/out"
ok $? "verify names a damaged file and fails"

run evidence prune --keep-days 0
[ $? -eq 0 ] && grep -q 'Deleted 0 files' "$dir/out"
ok $? "prune keeps the files in use"

echo "1..$n"
exit $failed
