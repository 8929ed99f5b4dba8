#!/bin/bash
# test-cli.sh: the real clwstwr-cli on temporary databases, as TAP.
#
#   tests/test-cli.sh CLWSTWR-CLI QAIF-REPORT-XSD
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

cli=$(readlink -f "$1")
xsd=$(readlink -f "$2")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/clwstwr-cli-test-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; shift; for line in "$@"; do echo "# $line"; done; }

# check DESCRIPTION COMMAND...: the command succeeds.
check () {
  local description=$1
  shift
  if "$@"; then ok "$description"; else not_ok "$description"; fi
}

# succeeds DESCRIPTION ARGS...: clwstwr-cli ARGS exits 0 and says nothing on stderr.
succeeds () {
  local description=$1
  shift
  "$cli" "$@" >out.txt 2>err.txt
  local status=$?
  if [ $status -eq 0 ] && [ ! -s err.txt ]; then
    ok "$description"
  else
    not_ok "$description" "exit status $status" "$(cat err.txt)"
  fi
}

# fails DESCRIPTION STATUS ARGS...: clwstwr-cli ARGS exits with STATUS, writes
# nothing on stdout and exactly one line on stderr.
fails () {
  local description=$1
  local expected=$2
  shift 2
  "$cli" "$@" >out.txt 2>err.txt
  local status=$?
  local lines
  lines=$(wc -l <err.txt)
  if [ $status -eq "$expected" ] && [ "$lines" -eq 1 ] && [ ! -s out.txt ]; then
    ok "$description"
  else
    not_ok "$description" "exit status $status (expected $expected), $lines lines on stderr" "$(cat err.txt)"
  fi
}

# fails_listing DESCRIPTION ARGS...: clwstwr-cli ARGS exits with 1, lists
# what is wrong in the file and ends with a one-line summary.
fails_listing () {
  local description=$1
  shift
  "$cli" "$@" >out.txt 2>err.txt
  local status=$?
  if [ $status -eq 1 ] && [ ! -s out.txt ] && tail -1 err.txt | grep -q "^clwstwr-cli [a-z]*: .*nothing was imported"; then
    ok "$description"
  else
    not_ok "$description" "exit status $status" "$(cat err.txt)"
  fi
}

db=$tmp/demo.db
csv_header='cycle,cluster,practice_code,practice_name,indicator,verdict,points,reasons'

# --- Help ------------------------------------------------------------------

succeeds "--help lists the commands" --help
check "--help names demo, list and qaif" grep -q "demo" out.txt
for command in init import export demo list qaif; do
  succeeds "$command --help" $command --help
  check "$command --help says what it does" test "$(grep -c . out.txt)" -gt 3
done

# --- Init and demo -----------------------------------------------------------

succeeds "init creates a database" --db "$tmp/ref.db" init
check "the database is private" test "$(stat -c %a "$tmp/ref.db")" = 600

succeeds "demo creates and fills a database" --db "$db" demo --seed 11
check "demo says what it made" grep -q "practices *38[0-9]" out.txt
fails "demo refuses a database with practices" 1 --db "$db" demo
fails "demo refuses a scale of 0" 2 --db "$tmp/other.db" demo --scale 0
fails "demo refuses a negative seed" 2 --db "$tmp/other.db" demo --seed -1
check "a refused demo creates no database" test ! -e "$tmp/other.db"

# --- list ----------------------------------------------------------------------

succeeds "list health-boards" --db "$db" list health-boards
check "the text table has the seven boards under a header" test "$(grep -c "University Health Board\|Teaching Health Board" out.txt)" -eq 7
succeeds "list health-boards as CSV" --db "$db" list health-boards --format csv
check "the CSV header starts with the id" test "$(head -1 out.txt)" = "$(printf 'id,code,name,short_name,cluster_term,clusters,practices\r')"
check "CSV lines end with CRLF" test "$(grep -c $'\r$' out.txt)" -eq 8

succeeds "list clusters of a health board by code" --db "$db" list clusters --health-board 7A7 --format csv
check "Powys has three clusters" test "$(tail -n +2 out.txt | wc -l)" -eq 3
board_id=$("$cli" --db "$db" list health-boards --format csv | grep ',7A7,' | cut -d, -f1)
succeeds "list clusters of a health board by id" --db "$db" list clusters --health-board "$board_id" --format csv
check "by id or by code, the same clusters" test "$(tail -n +2 out.txt | wc -l)" -eq 3

succeeds "list practices" --db "$db" list practices --format csv -o practices.csv
check "-o writes the file and nothing on stdout" test -s practices.csv -a ! -s out.txt
check "the output file is private" test "$(stat -c %a practices.csv)" = 600
check "about 390 practices" test "$(tail -n +2 practices.csv | wc -l)" -ge 380
check "practice codes are W and five digits" test "$(tail -n +2 practices.csv | cut -d, -f2 | grep -vc '^W[0-9]\{5\}$')" -eq 0
succeeds "list practices of a cluster, as text" --db "$db" list practices --cluster BC02
check "the text table is aligned" test "$(perl -CSD -ne 'print index($_, "BC02"), "\n" if $. > 2' out.txt | sort -u | wc -l)" -eq 1

succeeds "list meetings of a cycle" --db "$db" list meetings --cycle 2022-23 --format csv
check "every meeting listed is of 2022-23" test "$(tail -n +2 out.txt | grep -vc ',2022-23,')" -eq 0
check "some meetings are planned" grep -q ',planned,' out.txt

fails "list without a kind" 2 --db "$db" list
fails "list of an unknown kind" 2 --db "$db" list pharmacies
fails "list --cycle for practices" 2 --db "$db" list practices --cycle 2021-22
fails "list in an unknown format" 2 --db "$db" list practices --format xml
fails "list an unknown cluster" 1 --db "$db" list practices --cluster ZZ99
fails "list an unknown cycle" 1 --db "$db" list meetings --cycle 1999-00
fails "list with an unknown option" 2 --db "$db" list practices --colour
fails "list from a database that does not exist" 1 --db "$tmp/none.db" list practices
fails "list to a folder that does not exist" 1 --db "$db" list practices -o "$tmp/no/such/folder/p.csv"
check "a failed write leaves no file" test ! -e "$tmp/no/such/folder"

# --- qaif ----------------------------------------------------------------------

succeeds "qaif as CSV" --db "$db" qaif --cycle 2021-22 --format csv -o qaif.csv
check "the CSV header is exact" test "$(head -1 qaif.csv)" = "$(printf '%s\r' "$csv_header")"
check "one row per practice and indicator" test "$(tail -n +2 qaif.csv | wc -l)" -eq "$((3 * $(tail -n +2 practices.csv | wc -l)))"
check "verdicts are the enum nicks" test "$(tail -n +2 qaif.csv | awk -F, '{ print $6 }' | grep -vc '^\(achieved\|on-track\|at-risk\|not-achieved\)$')" -eq 0
check "2021-22 is over: achieved or not achieved" test "$(tail -n +2 qaif.csv | grep -c ',\(on-track\|at-risk\),')" -eq 0

succeeds "qaif of 2022-23 as CSV" --db "$db" qaif --cycle 2022-23 --format csv
check "2022-23 is in progress: some on track" grep -q ',on-track,' out.txt

succeeds "qaif as XML" --db "$db" qaif --cycle 2021-22 --format xml -o qaif.xml
check "the XML validates with xmllint --schema" xmllint --noout --schema "$xsd" qaif.xml
succeeds "qaif of a cluster as XML on stdout" --db "$db" qaif --cycle 2022-23 --cluster BC02 --format xml
check "the cluster's XML validates too" xmllint --noout --schema "$xsd" out.txt
check "the XML is of the namespace with a version" grep -q 'xmlns="https://clwstwr.github.io/ns/qaif-report/1"' out.txt

practice=$(tail -n +2 practices.csv | head -1 | cut -d, -f2)
succeeds "qaif of a practice as text" --db "$db" qaif --cycle 2022-23 --practice "$practice"
check "the text names the practice and its indicators" grep -q "^$practice " out.txt
check "the text has a line per indicator" test "$(grep -c '^    CND01[456]W ' out.txt)" -eq 3
succeeds "qaif as of another day" --db "$db" qaif --cycle 2022-23 --as-of 2022-11-01 --format csv

fails "qaif without a cycle" 2 --db "$db" qaif
fails "qaif of an unknown cycle" 1 --db "$db" qaif --cycle 1999-00
fails "qaif with a bad date" 2 --db "$db" qaif --cycle 2021-22 --as-of 2023-02-30
fails "qaif with two scopes" 2 --db "$db" qaif --cycle 2021-22 --cluster BC02 --practice "$practice"
fails "qaif in an unknown format" 2 --db "$db" qaif --cycle 2021-22 --format pdf
fails "qaif of an unknown practice" 1 --db "$db" qaif --cycle 2021-22 --practice W00000

# --- Export and import ------------------------------------------------------------

succeeds "export the demo" --db "$db" export demo.xml
succeeds "import it into a new database" --db "$tmp/copy.db" import demo.xml
succeeds "export the copy" --db "$tmp/copy.db" export copy.xml
check "export, import and export give the same bytes" cmp -s demo.xml copy.xml
succeeds "the copy gives the same verdicts" --db "$tmp/copy.db" qaif --cycle 2021-22 --as-of 2023-06-15 --format csv -o copy-qaif.csv
"$cli" --db "$db" qaif --cycle 2021-22 --as-of 2023-06-15 --format csv -o demo-qaif.csv
check "the same verdicts from the original and the copy" cmp -s demo-qaif.csv copy-qaif.csv

head -c 20000 demo.xml >broken.xml
before=$(md5sum <copy.xml)
fails_listing "import refuses a broken file, line by line" --db "$tmp/copy.db" import broken.xml
"$cli" --db "$tmp/copy.db" export after.xml
check "a refused import changes nothing" test "$(md5sum <after.xml)" = "$before"
fails "import without a file" 2 --db "$tmp/copy.db" import
fails "unknown command" 2 --db "$db" frobnicate

echo "1..$n"
