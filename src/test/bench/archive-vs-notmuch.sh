#!/usr/bin/env bash
# Side-by-side benchmark of mentorbot's archive against notmuch: same machine, same messages, same queries.
#
#   ./mvnw -q -DskipTests package
#   bash src/test/bench/archive-vs-notmuch.sh [CORPUS]          # as root, from the repository root
#
# CORPUS is an mbox, plain or .xz (default ../shared/corpus/linux-block.mbox.xz: 100,995 linux-block messages).
#  1. Installs notmuch, GNU time and curl with apt when they are missing.
#  2. Decompresses the corpus into the work directory (unless it is there already) and splits it into a maildir,
#     the only thing notmuch reads. Not timed.
#  3. Times `notmuch new` on the maildir, then `mentorbot import` of the same maildir and of the mbox, each into a
#     new, empty database under /usr/bin/time -v (wall time, peak RSS), the input in the page cache for each.
#  4. Runs the queries of src/test/bench/queries.tsv (mentorbot query <TAB> notmuch query): `mentorbot
#     bench-search` in-process (a first page each: 20 threads, snippets, facets), `notmuch search
#     --output=threads --limit=20` once per query as a process, as notmuch is used, and, when a web server is at
#     hand, `mentorbot serve` over HTTP with curl. Each tool runs every query once untimed first.
#  5. Prints the hit counts of both tools per query and a table of the figures.
# Environment:
#   BENCH_DIR            work directory (default /tmp/mentorbot-bench); corpus, maildir and databases live there
#   BENCH_LIMIT=N        only the first N messages, for a smoke test
#   BENCH_RUNS           timed rounds over the queries, in-process and HTTP (default 10)
#   NOTMUCH_RUNS         timed rounds for notmuch (default 5: a process per query is slow)
#   MENTORBOT_JAVA_OPTS  JVM options for import (default -Xmx512m, as `mentorbot import` advises)
#   MENTORBOT_URL        a running `mentorbot serve` over BENCH_DIR/archive; without it the script starts one when
#                        the jar has the serve command, on SERVE_PORT (default 18081) with SERVE_JAVA_OPTS
#                        (default -Xmx128m -XX:+UseSerialGC), and reads its peak RSS (VmHWM) at the end
#   SERVE_PID            the pid of the server behind MENTORBOT_URL, to read its VmHWM
set -euo pipefail

JAR=target/mentorbot.jar
QUERIES=src/test/bench/queries.tsv
HERE=src/test/bench
CORPUS=${1:-../shared/corpus/linux-block.mbox.xz}
WORK=${BENCH_DIR:-/tmp/mentorbot-bench}
LIMIT=${BENCH_LIMIT:-}
RUNS=${BENCH_RUNS:-10}
NOTMUCH_RUNS=${NOTMUCH_RUNS:-5}
read -r -a JAVA_OPTS <<< "${MENTORBOT_JAVA_OPTS:--Xmx512m}"
read -r -a SERVE_OPTS <<< "${SERVE_JAVA_OPTS:--Xmx128m -XX:+UseSerialGC}"
SERVE_PORT=${SERVE_PORT:-18081}

die() { echo "archive-vs-notmuch: $*" >&2; exit 1; }
step() { echo; echo "== $*"; }

[ -f "$JAR" ] || die "$JAR not found: run from the repository root after ./mvnw -q -DskipTests package"
[ -f "$QUERIES" ] || die "$QUERIES not found"
[ -f "$CORPUS" ] || die "corpus $CORPUS not found"
[ "$(id -u)" = 0 ] || command -v notmuch >/dev/null || die "notmuch is missing and only root can install it"

missing=()
command -v notmuch >/dev/null || missing+=(notmuch)
[ -x /usr/bin/time ] || missing+=(time)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
mkdir -p "$WORK"

# -- 2. the same messages for both tools (not timed) --------------------------------------------------------
step "corpus"
case "$CORPUS" in
    *.xz)
        MBOX=$WORK/corpus.mbox
        if [ ! -f "$MBOX.done" ] || [ "$(cat "$MBOX.done")" != "$(stat -c '%n %s %Y' "$CORPUS")" ]; then
            echo "decompressing $CORPUS"
            xz -dc "$CORPUS" > "$MBOX"
            stat -c '%n %s %Y' "$CORPUS" > "$MBOX.done"
        fi ;;
    *) MBOX=$CORPUS ;;
esac
SET=${LIMIT:-all}
MAILDIR=$WORK/maildir-$SET
if [ ! -f "$MAILDIR.done" ]; then
    echo "splitting $MBOX into $MAILDIR"
    rm -rf "$MAILDIR"
    if [ -n "$LIMIT" ]; then
        python3 "$HERE/mbox-to-maildir.py" "$MBOX" "$MAILDIR" "$LIMIT" "$WORK/corpus-$SET.mbox" > /dev/null
    else
        python3 "$HERE/mbox-to-maildir.py" "$MBOX" "$MAILDIR" > /dev/null
    fi
    touch "$MAILDIR.done"
fi
if [ -n "$LIMIT" ]; then MBOX=$WORK/corpus-$SET.mbox; fi
MESSAGES=$(find "$MAILDIR/cur" -type f | wc -l)
echo "$MESSAGES messages: $MBOX and $MAILDIR"

# -- 3. import --------------------------------------------------------------------------------------------
warm_maildir() { find "$MAILDIR/cur" -type f -print0 | xargs -0 cat > /dev/null; }
# Runs a command under GNU time; sets WALL (seconds) and RSS_MB (peak resident set).
measure() {
    local name=$1; shift
    # The previous step's database is still being written back to disk: not this step's cost.
    sync
    /usr/bin/time -v -o "$WORK/time-$name.txt" "$@" > "$WORK/out-$name.txt" 2> "$WORK/err-$name.txt" \
        || { cat "$WORK/err-$name.txt" >&2; die "$name failed"; }
    WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/time-$name.txt")
    RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/time-$name.txt")
}
rate() { awk -v n="$MESSAGES" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }

step "notmuch new ($(notmuch --version)) on the maildir"
export NOTMUCH_CONFIG=$WORK/notmuch-config-$SET
cat > "$NOTMUCH_CONFIG" <<EOF
[database]
path=$MAILDIR
[user]
name=Bench
primary_email=bench@example.invalid
[new]
tags=unread;inbox;
[search]
exclude_tags=
[maildir]
synchronize_flags=true
[index]
header.List=List-Id
EOF
rm -rf "$MAILDIR/.notmuch"
warm_maildir
measure notmuch-new notmuch new
NM_WALL=$WALL NM_RSS=$RSS_MB
NM_STORED=$(notmuch count '*')
NM_SIZE=$(du -sm "$MAILDIR/.notmuch" | cut -f1)
echo "$NM_STORED messages stored in ${NM_WALL}s, $(rate "$NM_WALL") msg/s, peak RSS ${NM_RSS} MB, database ${NM_SIZE} MB"

step "mentorbot import of the maildir (java ${JAVA_OPTS[*]})"
rm -rf "$WORK/archive-maildir"
warm_maildir
measure import-maildir java "${JAVA_OPTS[@]}" -jar "$JAR" import --archive "$WORK/archive-maildir" "$MAILDIR"
MD_WALL=$WALL MD_RSS=$RSS_MB
cat "$WORK/out-import-maildir.txt"
MD_SIZE=$(du -sm "$WORK/archive-maildir" | cut -f1)
rm -rf "$WORK/archive-maildir"
echo "${MD_WALL}s, $(rate "$MD_WALL") msg/s, peak RSS ${MD_RSS} MB, archive ${MD_SIZE} MB"

step "mentorbot import of the mbox"
ARCHIVE=$WORK/archive
rm -rf "$ARCHIVE"
cat "$MBOX" > /dev/null
measure import-mbox java "${JAVA_OPTS[@]}" -jar "$JAR" import --archive "$ARCHIVE" "$MBOX"
MB_WALL=$WALL MB_RSS=$RSS_MB
cat "$WORK/out-import-mbox.txt"
MB_SIZE=$(du -sm "$ARCHIVE" | cut -f1)
echo "${MB_WALL}s, $(rate "$MB_WALL") msg/s, peak RSS ${MB_RSS} MB, archive ${MB_SIZE} MB"

# -- 4. search ----------------------------------------------------------------------------------------------
step "mentorbot bench-search, in-process ($RUNS rounds, java ${SERVE_OPTS[*]}, the serve options)"
measure bench-search java "${SERVE_OPTS[@]}" -jar "$JAR" bench-search --archive "$ARCHIVE" --queries "$QUERIES" --runs "$RUNS" --warmup 3
BS_RSS=$RSS_MB
MB_SEARCH=$(grep '^search: ' "$WORK/out-bench-search.txt")
echo "$MB_SEARCH (peak RSS ${BS_RSS} MB)"

step "notmuch search --output=threads --limit=20, a process per query ($NOTMUCH_RUNS rounds)"
NM_SEARCH=$(python3 "$HERE/time-queries.py" notmuch "$QUERIES" "$NOTMUCH_RUNS" "$WORK/notmuch-queries.tsv")
echo "$NM_SEARCH"

SERVE_STARTED=
stop_serve() { if [ -n "$SERVE_STARTED" ]; then kill "$SERVE_STARTED" 2>/dev/null || true; wait "$SERVE_STARTED" 2>/dev/null || true; fi; }
trap stop_serve EXIT
URL=${MENTORBOT_URL:-}
HTTP_SEARCH="not measured (no MENTORBOT_URL and no serve command in $JAR)"
SERVE_HWM=
if [ -z "$URL" ] && java -jar "$JAR" --help | grep -qE '^ +serve +'; then
    step "starting mentorbot serve on 127.0.0.1:$SERVE_PORT (java ${SERVE_OPTS[*]})"
    java "${SERVE_OPTS[@]}" -jar "$JAR" serve --archive "$ARCHIVE" --port "$SERVE_PORT" > "$WORK/serve.log" 2>&1 &
    SERVE_STARTED=$! SERVE_PID=$!
    URL=http://127.0.0.1:$SERVE_PORT
    for _ in $(seq 120); do
        curl -sf -o /dev/null "$URL/?q=blk-mq" && break
        kill -0 "$SERVE_STARTED" 2>/dev/null || { cat "$WORK/serve.log" >&2; die "serve exited"; }
        sleep 0.5
    done
fi
if [ -n "$URL" ]; then
    step "HTTP: GET $URL/?q=... ($RUNS rounds, curl time_total)"
    HTTP_SEARCH=$(python3 "$HERE/time-queries.py" http "$QUERIES" "$RUNS" "$WORK/http-queries.tsv" "$URL")
    echo "$HTTP_SEARCH"
    if [ -n "${SERVE_PID:-}" ] && [ -r "/proc/$SERVE_PID/status" ]; then
        SERVE_HWM=$(awk '/^VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$SERVE_PID/status")
    fi
fi
stop_serve
SERVE_STARTED=

# -- 5. figures ---------------------------------------------------------------------------------------------
step "hits per query (mentorbot: messages and threads in its first 1000 matches; notmuch: all)"
printf '%9s %9s %8s %9s %9s %8s  %s\n' "mb ms" "mb msgs" "mb thr" "nm ms" "nm msgs" "nm thr" "query"
paste <(sed -nE 's/^ *([0-9.]+) +([0-9]+) +([0-9]+)  (.*)$/\1\t\2\t\3\t\4/p' "$WORK/out-bench-search.txt") \
      <(tail -n +2 "$WORK/notmuch-queries.tsv") \
    | awk -F'\t' '{ printf "%9s %9s %8s %9s %9s %8s  %s\n", $1, $2, $3, $5, $6, $7, $4 }'

figures() { sed -E 's/^[a-z]+: [0-9]+ queries × [0-9]+ runs: //' <<< "$1"; }
step "summary: $MESSAGES messages, $(nproc) cores, $(date -u +%Y-%m-%d)"
printf '%-34s %-34s %-34s\n' "" "notmuch $(notmuch --version | awk '{ print $2 }')" "mentorbot"
printf '%-34s %-34s %-34s\n' "import maildir: wall, msg/s" "${NM_WALL} s, $(rate "$NM_WALL")/s" \
    "${MD_WALL} s, $(rate "$MD_WALL")/s ($(awk -v a="$NM_WALL" -v b="$MD_WALL" 'BEGIN { printf "%.1f", a / b }')× notmuch)"
printf '%-34s %-34s %-34s\n' "import mbox: wall, msg/s" "-" "${MB_WALL} s, $(rate "$MB_WALL")/s"
printf '%-34s %-34s %-34s\n' "import peak RSS" "${NM_RSS} MB" "${MD_RSS} MB maildir, ${MB_RSS} MB mbox"
printf '%-34s %-34s %-34s\n' "database on disk" "${NM_SIZE} MB" "${MB_SIZE} MB (raw messages included)"
printf '%-34s %-34s %-34s\n' "messages stored (Message-ID dedup)" "$NM_STORED" \
    "$(grep -oE 'imported [0-9]+' "$WORK/out-import-mbox.txt" | grep -oE '[0-9]+')"
printf '%-34s %s\n' "search, notmuch (process each)" "$(figures "$NM_SEARCH")"
printf '%-34s %s\n' "search, mentorbot in-process" "$(figures "$MB_SEARCH")"
printf '%-34s %s\n' "search, mentorbot HTTP" "$(figures "$HTTP_SEARCH")"
printf '%-34s %s\n' "mentorbot search JVM peak RSS" "${BS_RSS} MB (bench-search, java ${SERVE_OPTS[*]})"
printf '%-34s %s\n' "mentorbot serve VmHWM" "${SERVE_HWM:-not measured}"
echo
echo "targets: import ≥ 10× notmuch with peak RSS ≤ 1 GB; search median ≤ 5 ms, p99 ≤ 50 ms in-process;"
echo "         HTTP median ≤ 20 ms; serve RSS ≤ 256 MB"
