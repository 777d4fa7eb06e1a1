#!/usr/bin/env bash
# End-to-end test against a real Debian mail system on loopback (Postfix + Dovecot, see mailserver.sh):
# list mail is delivered over SMTP, the packaged bot polls the list's mailbox over IMAP as separate
# processes (every poll is a restart), and each person's maildir must hold exactly the mails expected.
# Needs root (it installs and starts the servers) and target/mentorbot.jar.
set -euo pipefail
cd "$(dirname "$0")/../../.."
jar=target/mentorbot.jar
[ -f "$jar" ] || { echo "e2e: $jar is missing: build it first" >&2; exit 1; }
work=$(mktemp -d /tmp/mentorbot-e2e.XXXXXX)
trap 'if [ -n "${serve_pid:-}" ]; then kill "$serve_pid" 2>/dev/null || true; fi; bash src/test/e2e/mailserver.sh stop "$work"' EXIT
bash src/test/e2e/mailserver.sh start "$work"
maildir() { echo "$work/vhosts/e2e.test/$1/Maildir"; }
count() { find "$(maildir "$1")/new" "$(maildir "$1")/cur" -type f 2>/dev/null | wc -l; }

mkdir -p "$work/config/catalogs"
cp src/test/e2e/ideas-2026.md "$work/config/catalogs/"
cat > "$work/config/mentorbot.properties" <<CONF
bot.address = bot@e2e.test
bot.name = mentorbot e2e
smtp.host = 127.0.0.1
smtp.port = 25
timeout = PT10S
ledger.dir = $work/ledger
mailboxes = kernel
mailbox.kernel.source = imap://list%40e2e.test@127.0.0.1:1143/INBOX
mailbox.kernel.password.env = E2E_LIST_PASSWORD
mailbox.kernel.catalogs = catalogs
mailbox.kernel.policy = notify+reply
mailbox.kernel.list-address = list@e2e.test
CONF
export E2E_LIST_PASSWORD=pw-list
bot() { java -jar "$jar" "$@" --config "$work/config"; }

# Delivers an .eml to the list as if sent just now, from the given address.
deliver() {
  local file=$1 from=$2
  { printf 'Date: %s\nTo: list@e2e.test\n' "$(date -R)"
    sed -e '/^Date:/d' -e '/^To:/d' -e "s/^From: .*/From: $from/" "$file"; } | /usr/sbin/sendmail -f "${from##*<}" list@e2e.test
}
wait_for() { # wait_for USER COUNT
  for _ in $(seq 1 100); do [ "$(count "$1")" -ge "$2" ] && return 0; sleep 0.1; done
  return 1
}

passed=0; failed=0
check() { # check DESCRIPTION ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); echo "ok   $1"; else failed=$((failed + 1)); echo "FAIL $1: got $2, expected $3"; fi
}

bot poll --once >/dev/null                         # first poll: the empty list; what comes next is new
student=src/test/resources/messages/seed004-student.eml
deliver "$student" "Stéphanie Ouillon <student@e2e.test>"
deliver src/test/resources/messages/git-037.eml "Stefan Beller <stefan@e2e.test>"     # a patch
deliver src/test/resources/messages/git-026.eml "Christian Couder <chris@e2e.test>"    # an announcement
wait_for list 3 || true
check "three list messages delivered" "$(count list)" 3

bot poll --once
wait_for mentor1 2 || true
wait_for student 1 || true
sleep 1
check "mentor of the virtio idea: one notification and one Cc of the reply" "$(count mentor1)" 2
check "student: one threaded reply" "$(count student)" 1
check "the other mentor: nothing" "$(count mentor2)" 0
reply=$(grep -l "^In-Reply-To: <dfly-eval-001@eval.invalid>" "$(maildir student)"/new/* | wc -l)
check "the reply is threaded on the inquiry" "$reply" 1
check "every bot mail is marked Auto-Submitted" "$(grep -l '^Auto-Submitted: auto-replied' "$(maildir mentor1)"/new/* | wc -l)" 2

bot poll --once >/dev/null                          # a restart: nothing new
deliver "$student" "Stéphanie Ouillon <student@e2e.test>"   # the same message delivered again
wait_for list 4 || true
bot poll --once >/dev/null
sleep 2
check "after a restart and a re-delivery, mentor1 still has two mails" "$(count mentor1)" 2
check "after a restart and a re-delivery, the student still has one" "$(count student)" 1
bot status | grep -q "3 recorded, 1 inquiries" && check "status counts the recorded messages" yes yes \
  || check "status counts the recorded messages" "$(bot status | tr '\n' ' ')" "3 recorded, 1 inquiries"

bot status | grep -q "archive: .*(3 messages)" && check "status counts the archived messages" yes yes \
  || check "status counts the archived messages" "$(bot status | tr '\n' ' ')" "archive: ... (3 messages)"
found=$(java -jar "$jar" search --archive "$work/index/archive" --json "is:inquiry virtio" | grep -c '"inquiry":true' || true)
check "the polled inquiry is searchable in the archive" "$found" 1

# The web page, as a separate process reading the archive the polls wrote.
java -jar "$jar" serve --port 18025 --config "$work/config" > "$work/serve.log" 2>&1 &  # not via bot(): $! must be java
serve_pid=$!
for _ in $(seq 1 100); do grep -q serving "$work/serve.log" && break; sleep 0.1; done
page=$(curl -s "http://127.0.0.1:18025/?q=is%3Ainquiry" || true)
echo "$page" | grep -q "about virtio drivers" && check "the web page lists the inquiry" yes yes \
  || check "the web page lists the inquiry" "$(head -c 300 "$work/serve.log")" "a page naming the inquiry"
kill "$serve_pid"; wait "$serve_pid" || true; serve_pid=

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
