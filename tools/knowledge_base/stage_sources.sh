#!/bin/bash
# Stage the source files that build.py reads into one directory.
#
# Usage:  bash stage_sources.sh REPOS_DIR SRC_DIR [HISTORIAN_DIR]
#
# REPOS_DIR holds git checkouts (or bare mirrors) of the repositories listed
# in SOURCES.md, one directory per repository, named either
#   REPOS_DIR/<owner>+<name>/repo   (layout of the mirror tool used to build this)
#   REPOS_DIR/<owner>/<name>        (plain `git clone` layout)
# Files are read with `git show <rev>:<path>`; <rev> is the commit pinned in
# SOURCES.md when that commit exists in the checkout, otherwise HEAD.
# HISTORIAN_DIR (optional) is a local copy of the Office of the Historian data
# (visits/data/*.xml and pocom/positions-principals/secretary.xml); when given it is
# used instead of the HistoryAtState repositories.
#
# Layout produced under SRC_DIR (this is what build.py expects):
#   factbook/country_fields_YYYY.sql.gz, countries.csv, master_countries.csv
#   epsw/<repo>/holders21.csv, epsw/<repo>/meta.json   (every-politician-scrapers)
#   epsw-mirror/<slug>/leaders-historic.csv             (peppercat copies, see SOURCES.md)
#   epsw-mirror/repos.csv
#   wl2021/wikidata.csv                                  (every-politician-scrapers/world-leaders-2021)
#   historian/visits/*.xml, historian/secretary.xml, historian/people/*.xml
#   congress/executive.yaml
#   ifg/person.csv, post.csv, appointment.csv
set -euo pipefail
REPOS=${1:?REPOS_DIR}
SRC=${2:?SRC_DIR}
HIST=${3:-}
mkdir -p "$SRC"

gitdir() {  # owner/name -> git dir
  local o=${1%%/*} n=${1#*/}
  for d in "$REPOS/$o+$n/repo" "$REPOS/$o/$n/.git" "$REPOS/$o/$n"; do
    [ -e "$d" ] && { echo "$d"; return; }
  done
  return 1
}
rev() {  # gitdir pinned-commit -> usable rev
  if git --git-dir="$1" cat-file -e "$2^{commit}" 2>/dev/null; then echo "$2"; else echo HEAD; fi
}
show() {  # gitdir rev path dest
  mkdir -p "$(dirname "$4")"
  git --git-dir="$1" show "$2:$3" > "$4"
}

# 1. CIA World Factbook archive (public-domain text, MIT-licensed packaging)
g=$(gitdir MilkMp/CIA-World-Factbooks-Archive-1990-2025); r=$(rev "$g" b998f60a91d7de6fde80f3d4d216fa0e591a099e)
for p in $(git --git-dir="$g" ls-tree --name-only "$r" data/fields/); do
  show "$g" "$r" "$p" "$SRC/factbook/$(basename "$p")"
done
show "$g" "$r" data/reference_tables/countries.csv "$SRC/factbook/countries.csv"
show "$g" "$r" data/reference_tables/master_countries.csv "$SRC/factbook/master_countries.csv"

# 2. every-politician-scrapers country repositories (Wikidata query output)
#    The list of repositories is taken from peppercat's repos.csv (an index only).
g=$(gitdir peppercatorg/site-build); r=$(rev "$g" d92ec0c530904e96850165fc35f64c3207425f7f)
[ "$r" = HEAD ] && r=$(git --git-dir="$g" log -1 --format=%H -- docs/leaders/kenya/leaders-historic.csv)~1
show "$g" "$r" repos.csv "$SRC/epsw-mirror/repos.csv"
tail -n +2 "$SRC/epsw-mirror/repos.csv" | while IFS=, read -r qid country slug repo rest; do
  [ -z "$repo" ] && continue
  # a few repositories were renamed after repos.csv was written
  case "$repo" in
    estonia-cabinet) alt=estonia ;; myanmar) alt=myanmar-ministers ;; nigeria-cabinet) alt=nigeria ;; *) alt=$repo ;;
  esac
  g2=""
  for cand in "$repo" "$alt"; do
    if d=$(gitdir "every-politician-scrapers/$cand") && git --git-dir="$d" cat-file -e HEAD:html/holders21.csv 2>/dev/null; then g2=$d; break; fi
  done
  if [ -n "$g2" ]; then
    show "$g2" HEAD html/holders21.csv "$SRC/epsw/$repo/holders21.csv"
    git --git-dir="$g2" show HEAD:meta.json > "$SRC/epsw/$repo/meta.json" 2>/dev/null || rm -f "$SRC/epsw/$repo/meta.json"
    echo "$cand $(git --git-dir="$g2" log -1 --format='%H %cs' -- html/holders21.csv)" > "$SRC/epsw/$repo/COMMIT"
  elif git --git-dir="$g" cat-file -e "$r:docs/leaders/$slug/leaders-historic.csv" 2>/dev/null; then
    # repository not available: verbatim copy kept by peppercat's fetch.sh
    show "$g" "$r" "docs/leaders/$slug/leaders-historic.csv" "$SRC/epsw-mirror/$slug/leaders-historic.csv"
  fi
done
g=$(gitdir every-politician-scrapers/world-leaders-2021)
show "$g" HEAD data/wikidata.csv "$SRC/wl2021/wikidata.csv"
git --git-dir="$g" log -1 --format='%H %cs' -- data/wikidata.csv > "$SRC/wl2021/COMMIT"

# 3. Office of the Historian (US State Department), public domain / CC0
if [ -n "$HIST" ]; then
  mkdir -p "$SRC/historian/visits"
  cp "$HIST"/visits/data/*.xml "$SRC/historian/visits/"
  cp "$HIST"/pocom/positions-principals/secretary.xml "$SRC/historian/secretary.xml"
else
  g=$(gitdir HistoryAtState/visits)
  for p in $(git --git-dir="$g" ls-tree --name-only HEAD data/); do show "$g" HEAD "$p" "$SRC/historian/visits/$(basename "$p")"; done
  g=$(gitdir HistoryAtState/pocom)
  show "$g" HEAD positions-principals/secretary.xml "$SRC/historian/secretary.xml"
fi
g=$(gitdir HistoryAtState/pocom)
git --git-dir="$g" log -1 --format='%H %cs' -- positions-principals/secretary.xml > "$SRC/historian/COMMIT"
for id in $(grep -o '<person-id>[^<]*' "$SRC/historian/secretary.xml" | cut -d'>' -f2 | sort -u); do
  p=$(git --git-dir="$g" ls-tree -r --name-only HEAD people/ | grep "/$id.xml$" | head -1) || true
  [ -n "$p" ] && show "$g" HEAD "$p" "$SRC/historian/people/$id.xml"
done

# 4. unitedstates/congress-legislators (CC0): presidents and vice presidents
g=$(gitdir unitedstates/congress-legislators)
show "$g" HEAD executive.yaml "$SRC/congress/executive.yaml"
git --git-dir="$g" log -1 --format='%H %cs' -- executive.yaml > "$SRC/congress/COMMIT"

# 5. Institute for Government ministers database (MIT): UK ministers since 1979
g=$(gitdir instituteforgov/ifg-ministers-database-public)
for f in person post appointment; do show "$g" HEAD "data/$f.csv" "$SRC/ifg/$f.csv"; done
git --git-dir="$g" log -1 --format='%H %cs' -- data/appointment.csv > "$SRC/ifg/COMMIT"

echo "staged into $SRC"
