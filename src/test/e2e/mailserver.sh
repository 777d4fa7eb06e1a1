#!/usr/bin/env bash
# Starts a real Debian mail system on loopback for the end-to-end test: Postfix (SMTP, 127.0.0.1:25)
# delivering into maildirs, and Dovecot (IMAP, 127.0.0.1:1143) serving them. Users live in the
# e2e.test domain only, so nothing can leave the machine. Usage: mailserver.sh start|stop WORKDIR
set -euo pipefail
action=$1
work=$2
vhosts=$work/vhosts

if [ "$action" = stop ]; then
  postfix stop >/dev/null 2>&1 || true
  [ -f "$work/dovecot.conf" ] && doveadm -c "$work/dovecot.conf" stop >/dev/null 2>&1 || true
  exit 0
fi

if ! command -v postfix >/dev/null || ! command -v dovecot >/dev/null || ! command -v curl >/dev/null; then
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix dovecot-imapd curl >/dev/null
fi
id vmail >/dev/null 2>&1 || useradd -r -u 5000 -U -d "$vhosts" -s /usr/sbin/nologin vmail 2>/dev/null
mkdir -p "$vhosts" "$work/dovecot-run"
chown -R vmail:vmail "$vhosts"
chmod 755 "$work"

users="list mentor1 mentor2 student bot"
: > "$work/passwd"
: > "$work/vmailbox"
for u in $users; do
  echo "$u@e2e.test:{PLAIN}pw-$u" >> "$work/passwd"
  echo "$u@e2e.test e2e.test/$u/Maildir/" >> "$work/vmailbox"
done

cat > "$work/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $work/dovecot-run
state_dir = $work/dovecot-run
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:$vhosts/%d/%n/Maildir
mail_uid = vmail
mail_gid = vmail
first_valid_uid = 5000
log_path = $work/dovecot.log
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $work/passwd
}
userdb {
  driver = static
  args = uid=vmail gid=vmail home=$vhosts/%d/%n
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = 1143
  }
}
CONF
pkill -x dovecot 2>/dev/null || true   # one left over from an earlier run would hold the port
sleep 0.2
dovecot -c "$work/dovecot.conf"

[ -f /etc/postfix/main.cf ] || cp /usr/share/postfix/main.cf.debian /etc/postfix/main.cf
postconf -e \
  "inet_interfaces = loopback-only" "inet_protocols = ipv4" "mydestination = localhost" \
  "mynetworks = 127.0.0.0/8" "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination" \
  "virtual_mailbox_domains = e2e.test" "virtual_mailbox_base = $vhosts" \
  "virtual_mailbox_maps = texthash:$work/vmailbox" "virtual_uid_maps = static:5000" "virtual_gid_maps = static:5000" \
  "default_transport = error:e2e test: no mail leaves this machine" "relayhost =" \
  "maillog_file_prefixes = /var /dev/stdout $work" "maillog_file = $work/postfix.log" "compatibility_level = 3.6"
postfix check
postfix start >/dev/null 2>&1 || postfix reload >/dev/null
for i in $(seq 1 50); do
  if (exec 3<>/dev/tcp/127.0.0.1/25) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/1143) 2>/dev/null; then exit 0; fi
  sleep 0.2
done
echo "mail servers did not start" >&2
exit 1
