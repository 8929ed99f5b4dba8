#!/bin/bash
# test-returns-cli.sh: IMTP returns, meeting packs and practice lists through
# the real clwstwr-cli on the demo database, checked with independent tools
# (xmllint for the schema, poppler's pdfinfo and pdftotext for the PDF), as TAP.
#
#   tests/test-returns-cli.sh CLWSTWR-CLI IMTP-RETURN-XSD
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

cli=$(readlink -f "$1")
xsd=$(readlink -f "$2")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/clwstwr-returns-test-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; shift; for line in "$@"; do echo "# $line"; done; }

db=demo.db
if ! "$cli" --db "$db" demo >out.txt 2>err.txt; then
  not_ok "make the demo database" "$(cat err.txt)"
  echo "1..$n"
  exit 0
fi
ok "make the demo database"

clusters=$(sqlite3 "$db" "SELECT count(*) FROM cluster")

# Every cluster's return of both cycles, valid for xmllint (the independent
# validator, with the schema of the source tree and its relative import).
for cycle in 2021-22 2022-23; do
  if "$cli" --db "$db" imtp-return --all --cycle "$cycle" -o "returns-$cycle" >out.txt 2>err.txt; then
    count=$(find "returns-$cycle" -name "*-$cycle-imtp-return.xml" | wc -l)
    if [ "$count" -eq "$clusters" ]; then
      ok "$count returns of $cycle written, one per cluster"
    else
      not_ok "one return per cluster for $cycle" "$count files for $clusters clusters"
    fi
    if xmllint --noout --nonet --schema "$xsd" "returns-$cycle"/*.xml >lint.txt 2>&1; then
      ok "every return of $cycle validates with xmllint"
    else
      not_ok "every return of $cycle validates with xmllint" "$(grep -v validates lint.txt | head -5)"
    fi
  else
    not_ok "imtp-return --all --cycle $cycle" "$(cat err.txt)"
  fi
done

# One cluster, by code, to a file readable by its owner only.
if "$cli" --db "$db" imtp-return --cluster AB01 --cycle 2021-22 -o ab01.xml >out.txt 2>err.txt &&
   [ "$(stat -c %a ab01.xml)" = 600 ] && xmllint --noout --nonet --schema "$xsd" ab01.xml 2>/dev/null; then
  ok "imtp-return --cluster AB01 writes a valid file, mode 0600"
else
  not_ok "imtp-return --cluster AB01" "$(cat err.txt)"
fi

# A health board's returns in a folder, named after the cluster and cycle.
if "$cli" --db "$db" imtp-return --health-board 7A6 --cycle 2021-22 -o board >out.txt 2>err.txt &&
   [ -f board/AB01-2021-22-imtp-return.xml ] && [ -f board/AB11-2021-22-imtp-return.xml ] &&
   [ "$(stat -c %a board)" = 700 ]; then
  ok "imtp-return --health-board 7A6 writes one file per cluster into a private folder"
else
  not_ok "imtp-return --health-board 7A6" "$(cat err.txt)" "$(ls board 2>&1)"
fi

# Bad requests are refused, and nothing is written.
if "$cli" --db "$db" imtp-return --cluster AB01 --health-board 7A6 -o x.xml >out.txt 2>err.txt; then
  not_ok "imtp-return refuses --cluster with --health-board"
elif [ -e x.xml ]; then
  not_ok "imtp-return refuses --cluster with --health-board" "x.xml was written"
else
  ok "imtp-return refuses --cluster with --health-board"
fi
if "$cli" --db "$db" imtp-return --cluster NOPE -o nope.xml >out.txt 2>err.txt || [ -e nope.xml ]; then
  not_ok "imtp-return refuses an unknown cluster"
elif grep -q "NOPE" err.txt; then
  ok "imtp-return refuses an unknown cluster and names it"
else
  not_ok "imtp-return names the unknown cluster" "$(cat err.txt)"
fi

# The meeting pack of the next planned GP Collaborative meeting.
meeting=$(sqlite3 "$db" "SELECT m.id FROM meeting m JOIN collaborative c ON c.id = m.collaborative_id
                         WHERE c.profession = 'gp' AND m.status = 'planned'
                         ORDER BY m.starts_at, m.id LIMIT 1")
if "$cli" --db "$db" meeting-pack --meeting "$meeting" -o pack.pdf >out.txt 2>err.txt; then
  ok "meeting-pack writes the pack"
  if pdfinfo pack.pdf 2>/dev/null | grep -Eq '^Page size: +595.276 x 841.89 pts \(A4\)$'; then
    ok "the pack is A4"
  else
    not_ok "the pack is A4" "$(pdfinfo pack.pdf 2>&1 | grep -i size)"
  fi
  pdftotext -layout pack.pdf pack.txt
  missing=""
  for title in Contents Agenda "Action log" "Attendance this cycle" "Decisions pending" \
               "IMTP contributions" "Evidence still missing"; do
    grep -q "$title" pack.txt || missing="$missing $title"
  done
  if [ -z "$missing" ]; then ok "the pack has every section"; else not_ok "the pack has every section" "missing:$missing"; fi
  # The practices the command names at risk are named in the pack.
  risk_ok=yes
  while read -r line; do
    name=${line#At risk: }
    grep -qF "$name" pack.txt || risk_ok="$name"
  done < <(grep '^At risk: ' out.txt)
  if [ "$risk_ok" = yes ]; then ok "the practices at risk are named in the pack"; else not_ok "the practices at risk are named in the pack" "not found: $risk_ok"; fi
else
  not_ok "meeting-pack writes the pack" "$(cat err.txt)"
fi

# A practice list: dry run changes nothing; a rejected row stops the import.
before=$(sqlite3 "$db" "SELECT count(*) || '/' || sum(list_size) FROM practice")
code=$(sqlite3 "$db" "SELECT code FROM practice ORDER BY code LIMIT 1")
printf '\xef\xbb\xbfPractice Code,Practice name,Cluster name,List size\r\n%s,Updated Name,AB01,"9,999"\r\nW00001,New Surgery,AB02,4000\r\n' "$code" > list.csv
if "$cli" --db "$db" import-practices --dry-run list.csv >out.txt 2>err.txt &&
   grep -q "1 to add, 1 to change" out.txt &&
   [ "$(sqlite3 "$db" "SELECT count(*) || '/' || sum(list_size) FROM practice")" = "$before" ]; then
  ok "import-practices --dry-run shows the preview and changes nothing"
else
  not_ok "import-practices --dry-run" "$(cat out.txt err.txt)"
fi
printf 'Code,Name,Cluster\r\n%s,Updated Name,AB01\r\nW00001,New Surgery,Atlantis\r\n' "$code" > bad.csv
if "$cli" --db "$db" import-practices bad.csv >out.txt 2>err.txt; then
  not_ok "import-practices refuses a file with a rejected row"
elif grep -q "row 3" out.txt && grep -q "Atlantis" out.txt &&
     [ "$(sqlite3 "$db" "SELECT count(*) || '/' || sum(list_size) FROM practice")" = "$before" ]; then
  ok "import-practices names the rejected row and changes nothing"
else
  not_ok "import-practices names the rejected row" "$(cat out.txt err.txt)"
fi
if "$cli" --db "$db" import-practices list.csv >out.txt 2>err.txt &&
   [ "$(sqlite3 "$db" "SELECT name FROM practice WHERE code = '$code'")" = "Updated Name" ] &&
   [ "$(sqlite3 "$db" "SELECT count(*) FROM practice WHERE code = 'W00001'")" = 1 ]; then
  ok "import-practices applies the list"
else
  not_ok "import-practices applies the list" "$(cat out.txt err.txt)"
fi

echo "1..$n"
