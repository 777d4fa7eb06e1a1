#!/usr/bin/env bash
# Poll-to-decision latency with IMAP IDLE: the daemon's schedule is hourly, so only IDLE can make it see
# new mail quickly. Delivers N inquiries over SMTP one at a time and times SMTP acceptance -> the
# mentor's notification in the maildir. Needs root (mailserver.sh) and target/mentorbot.jar.
# Usage: bash src/test/e2e/idle-latency.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../../.."
n=${1:-10}
jar=target/mentorbot.jar
work=$(mktemp -d /tmp/mentorbot-idle.XXXXXX)
bot_pid=
trap '[ -n "$bot_pid" ] && kill "$bot_pid" 2>/dev/null; wait 2>/dev/null; bash src/test/e2e/mailserver.sh stop "$work"' EXIT
bash src/test/e2e/mailserver.sh start "$work"
mkdir -p "$work/config/catalogs"
cp src/test/e2e/ideas-2026.md "$work/config/catalogs/"
cat > "$work/config/mentorbot.properties" <<CONF
bot.address = bot@e2e.test
smtp.host = 127.0.0.1
smtp.port = 25
ledger.dir = $work/ledger
mailboxes = list
mailbox.list.source = imap://list%40e2e.test@127.0.0.1:1143/INBOX
mailbox.list.password.env = E2E_LIST_PASSWORD
mailbox.list.catalogs = catalogs
mailbox.list.policy = notify
mailbox.list.schedule = 0 0 * * * ?
mailbox.list.idle = true
CONF
export E2E_LIST_PASSWORD=pw-list
java -Xmx256m -jar "$jar" run --config "$work/config" > "$work/bot.log" 2>&1 &
bot_pid=$!
sleep 4   # start-up poll of the empty list
box=$work/vhosts/e2e.test/mentor1/Maildir/new
times=()
for i in $(seq 1 "$n"); do
  before=$({ find "$box" -type f 2>/dev/null || true; } | wc -l)
  start=$(date +%s.%N)
  { printf 'Date: %s\nFrom: Student %s <student@e2e.test>\nTo: list@e2e.test\nMessage-ID: <idle-%s-%s@e2e.test>\n' \
      "$(date -R)" "$i" "$i" "$RANDOM"
    printf 'Subject: [GSoC] question %s about the virtio drivers idea\n\n' "$i"
    printf 'Hello, I am a student and I would like to apply for GSoC with the virtio drivers project.\nCould you point me to where I should start?\n'
  } | /usr/sbin/sendmail -f student@e2e.test list@e2e.test
  for _ in $(seq 1 200); do
    [ "$({ find "$box" -type f 2>/dev/null || true; } | wc -l)" -gt "$before" ] && break
    sleep 0.02
  done
  times+=("$(echo "$(date +%s.%N) - $start" | bc)")
  sleep 1
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "idle latency over %d inquiries (SMTP accept -> notification in the mentor maildir): median %.2f s, max %.2f s\n", NR, a[int((NR+1)/2)], a[NR]}'
