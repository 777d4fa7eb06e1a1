#!/usr/bin/env bash
# Soak test of the daemon against the real loopback mail system of mailserver.sh (Postfix + Dovecot):
# 1,000 list mails (5 % student inquiries about the two ideas, the rest developer mail) are delivered over
# SMTP at a steady rate while `mentorbot run` is killed with SIGKILL and restarted SOAK_KILLS times. Then:
# every message must be in the ledger, every inquiry must have produced exactly one notification to its
# mentor, one reply to the student and one Cc of it to the mentor (a mail left SENDING by a kill is "in
# doubt" and not resent: counted apart). Also measures SMTP-accept -> notification latency on an idle bot
# (1 s schedule, no IDLE) and the daemon's peak RSS with three IMAP mailboxes configured.
# Needs root (mailserver.sh) and a built jar: SOAK_JAR (default target/mentorbot.jar; point it at a copy
# when a concurrent build could swap the jar under the test).
# Usage: bash src/test/e2e/soak.sh      (SOAK_MESSAGES, SOAK_SECONDS, SOAK_KILLS, SOAK_SAMPLES to tune;
#        SOAK_KILL_MODE=inquiry aims each kill at the 1.2 s after an inquiry arrives, i.e. at the send window;
#        SOAK_SLOW_BOT_SMTP=SECONDS makes Postfix stall the bot's RCPTs, widening that window)
set -uo pipefail
cd "$(dirname "$0")/../../.."
jar=${SOAK_JAR:-target/mentorbot.jar}
count=${SOAK_MESSAGES:-1000}
seconds=${SOAK_SECONDS:-200}
kills=${SOAK_KILLS:-20}
samples=${SOAK_SAMPLES:-10}
port=${SOAK_HEALTH_PORT:-18025}
[ -f "$jar" ] || { echo "soak: $jar is missing: build it with ./mvnw -q -DskipTests package" >&2; exit 1; }
work=$(mktemp -d /tmp/mentorbot-soak.XXXXXX)
echo "soak: work dir $work, jar $jar ($(sha256sum "$jar" | cut -c1-12))"
bot_pid=
sampler_pid=
cleanup() {
  [ -n "$bot_pid" ] && kill -9 "$bot_pid" 2>/dev/null
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null
  if [ -n "${SOAK_SLOW_BOT_SMTP:-}" ]; then
    postconf -X smtpd_restriction_classes slowbot smtpd_sender_restrictions; postfix reload >/dev/null 2>&1
  fi
  [ "${SOAK_KEEP_SERVERS:-0}" = 1 ] || bash src/test/e2e/mailserver.sh stop "$work"
}
trap cleanup EXIT
bash src/test/e2e/mailserver.sh start "$work" || exit 1
if [ -n "${SOAK_SLOW_BOT_SMTP:-}" ]; then
  # Widens the bot's send window (claimed, SMTP under way) so that kills land in it: Postfix pauses
  # SOAK_SLOW_BOT_SMTP seconds at each RCPT of mail from bot@e2e.test. Undone on exit.
  echo "bot@e2e.test slowbot" > "$work/slow_senders"
  postconf -e "smtpd_restriction_classes = slowbot" "slowbot = sleep $SOAK_SLOW_BOT_SMTP" \
    "smtpd_sender_restrictions = check_sender_access texthash:$work/slow_senders" && postfix reload >/dev/null 2>&1
fi
root=$work/vhosts/e2e.test
count_box() { find "$root/$1/Maildir/new" "$root/$1/Maildir/cur" -type f 2>/dev/null | wc -l; }

# ---------------------------------------------------------------- configuration
mkdir -p "$work/config/catalogs"
cp src/test/e2e/ideas-2026.md "$work/config/catalogs/"
cat > "$work/config/mentorbot.properties" <<CONF
bot.address = bot@e2e.test
bot.name = mentorbot soak
smtp.host = 127.0.0.1
smtp.port = 25
timeout = PT10S
ledger.dir = $work/ledger
health.port = $port
# the soak sends 100+ mails within minutes: the default caps (10/mentor/hour, 60/hour) would drop them
rate.per-mentor-per-hour = 100000
rate.per-mentor-per-day = 100000
rate.global-per-hour = 100000
mailboxes = list, mentor2box, botbox
# every mail also goes to bot@e2e.test, so that a mail left in doubt by a kill is settled by its copy
bot.copy-mailbox = botbox
bot.copy-grace = PT20S
mailbox.list.source = imap://list%40e2e.test@127.0.0.1:1143/INBOX
mailbox.list.password.env = SOAK_LIST_PASSWORD
mailbox.list.catalogs = catalogs
mailbox.list.policy = notify+reply
mailbox.list.schedule = * * * * * ?
mailbox.list.list-address = list@e2e.test
mailbox.mentor2box.source = imap://mentor2%40e2e.test@127.0.0.1:1143/INBOX
mailbox.mentor2box.password.env = SOAK_MENTOR2_PASSWORD
mailbox.mentor2box.policy = dry-run
mailbox.mentor2box.schedule = * * * * * ?
mailbox.botbox.source = imap://bot%40e2e.test@127.0.0.1:1143/INBOX
mailbox.botbox.password.env = SOAK_BOT_PASSWORD
mailbox.botbox.policy = dry-run
mailbox.botbox.schedule = * * * * * ?
CONF
export SOAK_LIST_PASSWORD=pw-list SOAK_MENTOR2_PASSWORD=pw-mentor2 SOAK_BOT_PASSWORD=pw-bot

# ---------------------------------------------------------------- the daemon
runs=0
start_bot() {
  runs=$((runs + 1))
  echo "=== run $runs $(date -Is)" >> "$work/bot.log"
  java -Xmx256m -jar "$jar" run --config "$work/config" >> "$work/bot.log" 2>&1 &
  bot_pid=$!
  echo "$bot_pid" > "$work/bot.pid"
}
metric() { # metric NAME MAILBOX
  curl -s --max-time 2 "http://127.0.0.1:$port/metrics" 2>/dev/null \
    | awk -v k="$1{mailbox=\"$2\"}" '$1 == k {print $2}'
}
last_poll() { curl -s --max-time 2 "http://127.0.0.1:$port/health" 2>/dev/null \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print([m["lastPoll"] for m in d["mailboxes"] if m["name"]==sys.argv[1]][0] or "")' "$1" 2>/dev/null; }
( while sleep 0.25; do p=$(cat "$work/bot.pid" 2>/dev/null) && r=$(ps -o rss= -p "$p" 2>/dev/null) \
    && echo "$(date +%s.%N) $p $r"; done >> "$work/rss.log" ) &
sampler_pid=$!

t0=$(date +%s)
start_bot
for _ in $(seq 1 120); do [ -n "$(last_poll list)" ] && break; sleep 0.5; done
[ -n "$(last_poll list)" ] || { echo "soak: the bot never polled"; tail -20 "$work/bot.log"; exit 1; }
sleep 2   # the first poll (empty list) is done: everything delivered from now on is new mail
echo "soak: bot up after $(( $(date +%s) - t0 )) s; delivering $count messages over ${seconds}s with $kills kills"

# ---------------------------------------------------------------- delivery under SIGKILL
manifest=$work/manifest.tsv
: > "$manifest"
python3 src/test/e2e/soak_mail.py deliver "$manifest" "$count" "$seconds" 2>> "$work/deliver.log" &
deliver_pid=$!
slot=$(python3 -c "print($seconds / $kills)")
start=$(date +%s.%N)
killed=0
seen=0
for i in $(seq 0 $((kills - 1))); do
  if [ "${SOAK_KILL_MODE:-random}" = inquiry ]; then
    # aimed at the send window: 0-1.2 s after the next inquiry is accepted (the bot polls every second)
    while kill -0 "$deliver_pid" 2>/dev/null; do
      n=$(awk -F'\t' '$3 == "inquiry"' "$manifest" | wc -l); [ "$n" -gt "$seen" ] && break; sleep 0.05
    done
    seen=$(awk -F'\t' '$3 == "inquiry"' "$manifest" | wc -l)
    python3 -c "import random, time; time.sleep(random.uniform(0, 1.2 + ${SOAK_SLOW_BOT_SMTP:-0}))"
  else
    # one kill at a random moment in each of $kills equal slots of the delivery window
    at=$(python3 -c "import random; print($start + ($i + random.random()) * $slot)")
    now=$(date +%s.%N)
    python3 -c "import time; time.sleep(max(0, $at - $now))"
  fi
  if kill -9 "$bot_pid" 2>/dev/null; then
    wait "$bot_pid" 2>/dev/null
    killed=$((killed + 1))
    echo "$(date +%s.%N) kill $killed pid $bot_pid (list: $(count_box list) delivered)" >> "$work/kills.log"
    echo "=== killed -9 $(date -Is)" >> "$work/bot.log"
  fi
  start_bot
done
wait "$deliver_pid"
deliver_rc=$?
delivered=$(wc -l < "$manifest")
inq_sent=$(awk -F'\t' '$3 == "inquiry"' "$manifest" | wc -l)
echo "soak: delivery finished after $(( $(date +%s) - t0 )) s (rc $deliver_rc): $delivered delivered, $inq_sent inquiries, $killed kills"

# ---------------------------------------------------------------- drain
drain() { # until the ledger has every list mail, nothing is pending and Postfix's queue is empty
  local want=$1
  for _ in $(seq 1 240); do
    local m p
    m=$(metric mentorbot_messages_total list); p=$(metric mentorbot_mails_pending list)
    if [ "${m:-0}" -ge "$want" ] && [ "${p:-1}" = 0 ] && postqueue -p 2>/dev/null | grep -q 'Mail queue is empty'; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}
list_delivered() { count_box list; }
for _ in $(seq 1 60); do [ "$(list_delivered)" -ge "$delivered" ] && break; sleep 0.5; done
drain "$delivered" && echo "soak: drained $(( $(date +%s) - t0 )) s after start" \
  || echo "soak: NOT drained: messages $(metric mentorbot_messages_total list), pending $(metric mentorbot_mails_pending list)"
sleep 3  # Postfix may still be writing the last maildir files

# ---------------------------------------------------------------- latency on an idle bot
python3 src/test/e2e/soak_mail.py latency "$manifest" "$root" "$samples" | tee "$work/latency.log"
delivered=$(wc -l < "$manifest")
for _ in $(seq 1 60); do [ "$(list_delivered)" -ge "$delivered" ] && break; sleep 0.5; done
drain "$delivered" || echo "soak: NOT drained after the latency samples"
sleep 3

# ---------------------------------------------------------------- SIGTERM
term_start=$(date +%s.%N)
kill -TERM "$bot_pid"
stopped=no
for _ in $(seq 1 300); do kill -0 "$bot_pid" 2>/dev/null || { stopped=yes; break; }; sleep 0.1; done
wait "$bot_pid" 2>/dev/null; term_rc=$?
[ "$stopped" = yes ] || term_rc=timeout
term_secs=$(python3 -c "import time; print('%.1f' % (time.time() - $term_start))")
bot_pid=
kill "$sampler_pid" 2>/dev/null; sampler_pid=
echo "soak: SIGTERM: exit status $term_rc after ${term_secs}s"

# ---------------------------------------------------------------- figures and checks
passed=0; failed=0
check() { # check DESCRIPTION ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "ok   $1 ($2)"; else failed=$((failed + 1)); echo "FAIL $1: got $2, expected $3"; fi
}
status=$(java -jar "$jar" status --config "$work/config" 2>&1)
echo "$status" | sed 's/^/soak: status: /'
list_status=$(echo "$status" | awk '/^list /{f=1} /^mentor2box /{f=0} f')
recorded=$(echo "$list_status" | sed -n 's/.*messages: *\([0-9]*\) recorded, \([0-9]*\) inquiries.*/\1/p')
inquiries=$(echo "$list_status" | sed -n 's/.*messages: *\([0-9]*\) recorded, \([0-9]*\) inquiries.*/\2/p')
sent=$(echo "$list_status" | sed -n 's/.*mails: *\([0-9]*\) sent, \([0-9]*\) pending.*/\1/p')
pending=$(echo "$list_status" | sed -n 's/.*mails: *\([0-9]*\) sent, \([0-9]*\) pending.*/\2/p')

# the ledger itself (H2 file, now unlocked): outbox rows and per-message decisions
h2() { java -cp "$jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/ledger/ledger" -user sa -password "" -sql "$1" >/dev/null; }
h2 "CALL CSVWRITE('$work/outbox.csv', 'SELECT o.kind, o.inquiry_message_id, o.recipient, o.state, o.last_error, m.mailbox FROM outbox o LEFT JOIN messages m ON m.message_id = o.inquiry_message_id ORDER BY o.id')"
h2 "CALL CSVWRITE('$work/messages.csv', 'SELECT message_id, mailbox, inquiry, idea_id, backlog FROM messages')"
python3 - "$work" > "$work/ledger.tsv" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1] + "/outbox.csv", encoding="utf-8")):
    print("\t".join([r["KIND"], r["INQUIRY_MESSAGE_ID"] or "", r["RECIPIENT"], r["STATE"], (r["LAST_ERROR"] or "").replace("\t", " "), r["MAILBOX"] or ""]))
PY
read -r not_recorded wrong_decision backlog_recorded < <(python3 - "$work" <<'PY'
import csv, sys
w = sys.argv[1]
msgs = {r["MESSAGE_ID"]: r for r in csv.DictReader(open(w + "/messages.csv", encoding="utf-8"))}
nr = wd = bl = 0
for l in open(w + "/manifest.tsv", encoding="utf-8"):
    c = l.rstrip("\n").split("\t")
    m = msgs.get(c[1])
    if m is None or m["MAILBOX"] != "list":
        nr += 1; print("soak:   not recorded: " + c[1], file=sys.stderr); continue
    inq = m["INQUIRY"].upper() == "TRUE"
    if inq != (c[2] != "noise") or (inq and c[3] not in (m["IDEA_ID"] or "").lower()):
        wd += 1; print("soak:   triage differs: %s kind %s idea %s -> inquiry %s idea %s" % (c[1], c[2], c[3], inq, m["IDEA_ID"]), file=sys.stderr)
    if m["BACKLOG"].upper() == "TRUE":
        bl += 1; print("soak:   recorded as backlog (never acted on): " + c[1], file=sys.stderr)
print(nr, wd, bl)
PY
)
states=$(awk -F'\t' '$6 == "list" {print $4}' "$work/ledger.tsv" | sort | uniq -c | tr -s ' ' | tr '\n' ',')
dry_mails=$(awk -F'\t' '$6 != "list"' "$work/ledger.tsv" | wc -l)
echo "soak: outbox states (list): $states"

verify=$(python3 src/test/e2e/soak_mail.py verify "$manifest" "$root" "$work/ledger.tsv")
echo "$verify" | grep -v '^RESULT'
res=$(echo "$verify" | grep '^RESULT')
get() { echo "$res" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
dup=$(get dup); missing=$(get missing); indoubt=$(get indoubt); misrouted=$(get misrouted)

delivered=$(wc -l < "$manifest")
inq_all=$(awk -F'\t' '$3 != "noise"' "$manifest" | wc -l)
rss_peak=$(awk '$3 > m {m = $3} END {print m + 0}' "$work/rss.log")
rss_last=$(tail -1 "$work/rss.log" | awk '{print $3}')
echo "soak: delivered $delivered (incl. $samples latency inquiries), list maildir $(count_box list), ledger recorded $recorded"
echo "soak: inquiries delivered $inq_all, detected $inquiries; mails sent $sent, pending $pending (expected $((2 * inq_all)) = notification + reply per inquiry)"
echo "soak: maildirs: mentor1 $(count_box mentor1), mentor2 $(count_box mentor2), student $(count_box student), bot $(count_box bot)"
echo "soak: daemon runs $runs ($killed SIGKILLs), peak RSS $((rss_peak / 1024)) MB (last sample $((${rss_last:-0} / 1024)) MB), -Xmx256m, 3 IMAP mailboxes"
grep 'latency over' "$work/latency.log" | sed 's/^soak: /soak: /'
echo "soak: in-doubt warnings in the log: $(grep -c 'in doubt after a crash' "$work/bot.log")," \
  "errors: $(grep -c -E 'ERROR|Exception' "$work/bot.log")"
echo "soak: duplicates $dup, missing $missing, in-doubt $indoubt"

check "kills performed" "$killed" "$kills"
check "every message reached the list maildir" "$(count_box list)" "$delivered"
check "ledger recorded every delivered message (status)" "$recorded" "$delivered"
check "no delivered message absent from the ledger" "$not_recorded" 0
check "no delivered message treated as backlog" "$backlog_recorded" 0
check "inquiries detected = inquiries delivered" "$inquiries" "$inq_all"
check "triage decisions as intended (inquiry flag and idea)" "$wrong_decision" 0
check "mails sent + in doubt = 2 per inquiry" "$((sent + indoubt))" "$((2 * inq_all))"
check "nothing pending" "$pending" 0
check "no duplicate mail" "$dup" 0
check "no missing mail (in-doubt excluded)" "$missing" 0
check "every mail at the right mentor" "$misrouted" 0
check "dry-run mailboxes queued nothing" "$dry_mails" 0
check "Postfix queue empty" "$(postqueue -p 2>&1 | grep -c 'Mail queue is empty')" 1
check "SIGTERM: stopped within 30 s" "$stopped" yes
check "SIGTERM: exit status 0 or 143" "$( [ "$term_rc" = 0 ] || [ "$term_rc" = 143 ] && echo yes || echo "$term_rc")" yes
check "SIGTERM: shutdown logged" "$(tail -20 "$work/bot.log" | grep -c 'stopping: waiting for running polls')" 1
# A clean stop must let the running poll finish: nothing left SENDING, no ledger error after "stopping".
check "SIGTERM: no mail left SENDING (would be 'in doubt' at next start)" "$(awk -F'\t' '$4 == "SENDING"' "$work/ledger.tsv" | wc -l)" 0
check "SIGTERM: no error while stopping" "$(sed -n '/stopping: waiting for running polls/,$p' "$work/bot.log" | grep -c ERROR)" 0
echo "soak: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
