#!/bin/sh
# The built desktop file and AppStream metainfo carry every language of
# po/LINGUAS: each translatable key of the desktop file, and each
# translatable element of the metainfo, has its translation.
# check-translated-data.sh LINGUAS DESKTOP METAINFO
set -u

linguas=$1
desktop=$2
metainfo=$3
n=0
status=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; status=1; }

for lang in $(cat "$linguas"); do
  for key in Name GenericName Comment Keywords; do
    if ! grep -q "^$key=" "$desktop"; then
      continue
    fi
    if grep -q "^$key\[$lang\]=." "$desktop"; then
      ok "$lang: $key in the desktop file"
    else
      not_ok "$lang: $key in the desktop file"
    fi
  done
  if grep -q "^Keywords\[$lang\]=.*;\$" "$desktop"; then
    ok "$lang: Keywords end with a semicolon"
  else
    not_ok "$lang: Keywords end with a semicolon"
  fi

  for tag in name summary p li caption developer_name; do
    english=$(grep -o "<$tag>" "$metainfo" | wc -l)
    translated=$(grep -o "<$tag xml:lang=\"$lang\">" "$metainfo" | wc -l)
    if [ "$english" -eq "$translated" ]; then
      ok "$lang: $translated of $english <$tag> in the metainfo"
    else
      not_ok "$lang: $translated of $english <$tag> in the metainfo"
    fi
  done
done

echo "1..$n"
exit $status
