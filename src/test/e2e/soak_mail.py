#!/usr/bin/env python3
"""Mail generation, delivery and verification for soak.sh (see there).

  soak_mail.py gen OUTDIR N                     write N sample inquiries + N noise mails as .eml (to check triage)
  soak_mail.py deliver MANIFEST COUNT SECONDS   deliver COUNT list mails over SMTP, evenly over SECONDS
  soak_mail.py latency MANIFEST MAILDIR_ROOT N  N single inquiries on an idle bot: SMTP accept -> notification
  soak_mail.py verify MANIFEST MAILDIR_ROOT LEDGER_TSV   count duplicates / missing mails
"""
import email
import email.policy
import email.utils
import glob
import os
import random
import re
import smtplib
import statistics
import sys
import time
import uuid

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
MESSAGES = os.path.join(REPO, "src", "test", "resources", "messages")
LABELS = os.path.join(REPO, "src", "test", "resources", "labels.tsv")
LIST = "list@e2e.test"
STUDENT = "student@e2e.test"
INQUIRY_EVERY = 20  # 5 %

IDEAS = {
    "virtio": {
        "mentor": "mentor1",
        "names": ["virtio drivers", "the virtio drivers idea", "virtio drivers on DragonFly",
                  "the paravirtualized virtio block and network drivers", "virtio drivers for KVM guests"],
        "detail": ["I have read a bit about the virtio-ring and how the block device negotiates features with the host.",
                   "I already built a DragonFly kernel and booted it under QEMU/KVM with emulated e1000 networking.",
                   "I wrote a small character driver for Linux in a university course, so drivers are not entirely new to me.",
                   "I looked at the NetBSD and FreeBSD virtio code to see how the ring buffers are laid out."],
    },
    "valgrind": {
        "mentor": "mentor2",
        "names": ["porting valgrind", "the valgrind port", "Port valgrind to DragonFlyBSD",
                  "the idea of porting valgrind's memcheck", "valgrind on DragonFly"],
        "detail": ["I have used valgrind's memcheck a lot on Linux and I am curious how the system call wrappers work.",
                   "I read the FreeBSD port of valgrind and it seems most of the work is in the syscall tables.",
                   "I built valgrind from source on Linux and stepped through the signal delivery code.",
                   "I know x86-64 assembly reasonably well from a compilers course."],
    },
}
FIRST = ["Anna", "Bartek", "Chen", "Dmitri", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kavya", "Luca",
         "Maya", "Nikolai", "Olu", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Ximena",
         "Yusuf", "Zofia"]
LAST = ["Novak", "Garcia", "Okafor", "Lindqvist", "Tanaka", "Moreau", "Kowalski", "Haddad", "Silva", "Petrov",
        "Nguyen", "Schmidt", "Rossi", "Kaur", "Ivanova", "Mensah"]
OPEN = ["Hello everyone,", "Hi all,", "Dear DragonFly developers,", "Hello,", "Hi,"]
INTRO = ["my name is {name} and I am a {year} year computer science student at {uni}.",
         "I am {name}, studying computer engineering at {uni} ({year} year).",
         "I'm {name}, a {year} year student at {uni}, and I would like to take part in Google Summer of Code this year with DragonFly BSD."]
UNI = ["the University of Warsaw", "TU Munich", "IIT Bombay", "the University of Lagos", "KTH", "the University of Porto",
       "Tsinghua University", "ETH Zurich", "the University of Toronto"]
YEAR = ["second", "third", "fourth", "final"]
INTEREST = ["I am very interested in {idea} from your GSoC ideas page and would like to work on it this summer.",
            "I would like to apply for GSoC with {idea}, which I found on your project ideas page.",
            "Your GSoC project list mentions {idea}, and that is the project I would love to do."]
QUESTION = ["Could you point me to documentation or earlier discussions I should read before writing my proposal?",
            "What would be a good first task to get familiar with the code before the application deadline?",
            "Is anyone already working on this, and who would be the best person to discuss a proposal with?",
            "Would it be a reasonable plan to start with a minimal version and extend it during the summer?"]
CLOSE = ["Best regards,", "Thanks in advance,", "Kind regards,", "Thank you,"]
SUBJ = ["GSoC {y}: question about {short}", "GSoC {y} proposal: {short}", "Interested in {short} for GSoC {y}",
        "[GSoC] {short} - how to get started?", "Summer of Code {y}: {short}"]
SHORT = {"virtio": ["virtio drivers", "virtio block/net drivers", "the virtio idea"],
         "valgrind": ["valgrind port", "porting valgrind", "valgrind for DragonFly"]}


def noise_files():
    files = []
    with open(LABELS, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 1 and cols[0].startswith("git-0") and cols[1] == "no":
                files.append(os.path.join(MESSAGES, cols[0]))
    return sorted(set(files))


def msgid(n, kind):
    return "<soak-%05d-%s-%s@soak.e2e.test>" % (n, kind, uuid.uuid4().hex[:10])


def inquiry(n, rnd, idea=None):
    idea = idea or rnd.choice(sorted(IDEAS))
    i = IDEAS[idea]
    name = "%s %s" % (rnd.choice(FIRST), rnd.choice(LAST))
    y = time.gmtime().tm_year
    subject = rnd.choice(SUBJ).format(y=y, short=rnd.choice(SHORT[idea])) + " (%s, #%d)" % (name.split()[0], n)
    body = "\n\n".join([
        rnd.choice(OPEN),
        rnd.choice(INTRO).format(name=name, year=rnd.choice(YEAR), uni=rnd.choice(UNI)) + " "
        + rnd.choice(INTEREST).format(idea=rnd.choice(i["names"])),
        " ".join(rnd.sample(i["detail"], 2)),
        rnd.choice(QUESTION),
        rnd.choice(CLOSE) + "\n" + name,
    ]) + "\n"
    m = email.message.EmailMessage(policy=email.policy.SMTP)
    m["From"] = email.utils.formataddr((name, STUDENT))
    m["To"] = LIST
    m["Subject"] = subject
    m["Date"] = email.utils.formatdate(localtime=True)
    mid = msgid(n, "inq")
    m["Message-ID"] = mid
    m.set_content(body)
    return m, {"n": n, "id": mid, "kind": "inquiry", "idea": idea, "mentor": i["mentor"], "subject": subject,
               "sender": STUDENT, "name": name}


def noise(n, rnd, files):
    path = files[n % len(files)]
    with open(path, "rb") as f:
        src = email.message_from_binary_file(f, policy=email.policy.compat32)
    keep = ["Subject", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "In-Reply-To", "References",
            "X-Mailer"]
    headers = [(k, src[k]) for k in keep if src[k] is not None]
    name, _ = email.utils.parseaddr(src["From"] or "")
    dev = "dev%d@e2e.test" % (n % 37)
    mid = msgid(n, "dev")
    out = "From: %s\r\nTo: %s\r\nDate: %s\r\nMessage-ID: %s\r\n" % (
        email.utils.formataddr((name or "Developer", dev)), LIST, email.utils.formatdate(localtime=True), mid)
    for k, v in headers:
        out += "%s: %s\r\n" % (k, str(v).replace("\n", "\r\n"))
    payload = src.get_payload(decode=False)
    if isinstance(payload, list):  # multipart: keep the original body bytes
        raw = open(path, "rb").read()
        body = raw.split(b"\n\n", 1)[1].decode("utf-8", "replace")
    else:
        body = payload
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return out + "\r\n" + body, {"n": n, "id": mid, "kind": "noise", "idea": "", "mentor": "",
                                 "subject": str(src["Subject"] or ""), "sender": dev, "name": name}


def as_bytes(m):
    return m.as_bytes() if hasattr(m, "as_bytes") else m.encode("utf-8")


def write_manifest_line(f, meta, accepted):
    f.write("\t".join([str(meta["n"]), meta["id"], meta["kind"], meta["idea"], meta["mentor"],
                       "%.3f" % accepted, meta["subject"].replace("\t", " ").replace("\n", " ")]) + "\n")
    f.flush()


def send(smtp, mail, meta):
    frm = meta["sender"]
    for attempt in range(5):
        try:
            smtp.sendmail(frm, [LIST], as_bytes(mail))
            return smtp, time.time()
        except (smtplib.SMTPException, OSError) as e:
            sys.stderr.write("soak: smtp retry %d for %s: %s\n" % (attempt, meta["id"], e))
            time.sleep(0.5)
            try:
                smtp.close()
            except Exception:
                pass
            smtp = smtplib.SMTP("127.0.0.1", 25, timeout=30)
    raise SystemExit("soak: could not deliver " + meta["id"])


def cmd_gen(outdir, n):
    os.makedirs(outdir, exist_ok=True)
    rnd = random.Random(7)
    files = noise_files()
    for k in range(n):
        m, meta = inquiry(k, rnd)
        open(os.path.join(outdir, "inq-%03d-%s.eml" % (k, meta["idea"])), "wb").write(as_bytes(m))
        m, meta = noise(k, rnd, files)
        open(os.path.join(outdir, "dev-%03d.eml" % k), "wb").write(as_bytes(m))


def cmd_deliver(manifest, count, seconds, seed=None):
    rnd = random.Random(seed)
    files = noise_files()
    smtp = smtplib.SMTP("127.0.0.1", 25, timeout=30)
    start = time.time()
    interval = seconds / count
    # inquiries at random positions, one in every block of INQUIRY_EVERY messages
    inq = set(b * INQUIRY_EVERY + rnd.randrange(INQUIRY_EVERY) for b in range(count // INQUIRY_EVERY))
    with open(manifest, "a", encoding="utf-8") as f:
        for n in range(count):
            due = start + n * interval
            if due > time.time():
                time.sleep(due - time.time())
            m, meta = inquiry(n, rnd) if n in inq else noise(n, rnd, files)
            smtp, accepted = send(smtp, m, meta)
            write_manifest_line(f, meta, accepted)
    smtp.quit()
    sys.stderr.write("soak: delivered %d messages in %.1f s\n" % (count, time.time() - start))


def notification_ids(path):
    """Inquiry Message-IDs a notification is about (its body names it)."""
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    subject = str(msg["Subject"] or "")
    found = set()
    for part in msg.walk():
        if part.get_content_type() == "text/plain" and not part.is_attachment():
            text = part.get_content()
            for mid in re.findall(r"Message-ID:\s+(<[^>]+>)", text):
                found.add(mid)
            break
    return subject, found, msg


def cmd_latency(manifest, root, samples, seed=None):
    rnd = random.Random(seed)
    lat = []
    with open(manifest, "a", encoding="utf-8") as f:
        for k in range(samples):
            idea = sorted(IDEAS)[k % 2]
            m, meta = inquiry(100000 + k, rnd, idea)
            meta["kind"] = "latency"
            box = os.path.join(root, IDEAS[idea]["mentor"], "Maildir", "new")
            before = set(os.listdir(box)) if os.path.isdir(box) else set()
            time.sleep(rnd.uniform(0, 1))  # land anywhere within the 1 s schedule
            smtp = smtplib.SMTP("127.0.0.1", 25, timeout=30)
            smtp, accepted = send(smtp, m, meta)
            smtp.quit()
            write_manifest_line(f, meta, accepted)
            got = None
            while got is None and time.time() - accepted < 60:
                for name in set(os.listdir(box)) - before:
                    p = os.path.join(box, name)
                    try:
                        subject, ids, _ = notification_ids(p)
                    except Exception:
                        continue
                    if meta["id"] in ids and subject.startswith("[mentorbot] Inquiry"):
                        got = os.stat(p).st_mtime
                        break
                    before.add(name)
                time.sleep(0.01)
            if got is None:
                print("soak: latency sample %d: no notification within 60 s" % k)
            else:
                lat.append(got - accepted)
                print("soak: latency sample %d (%s): %.2f s" % (k, idea, got - accepted))
    if lat:
        print("soak: poll->notification latency over %d samples: median %.2f s, max %.2f s, min %.2f s"
              % (len(lat), statistics.median(lat), max(lat), min(lat)))


def cmd_verify(manifest, root, ledger_tsv):
    rows = [l.rstrip("\n").split("\t") for l in open(manifest, encoding="utf-8") if l.strip()]
    inquiries = {r[1]: r for r in rows if r[2] in ("inquiry", "latency")}
    # outbox rows from the ledger: kind, inquiry id, recipient, state, last_error
    outbox = {}
    for l in open(ledger_tsv, encoding="utf-8"):
        c = l.rstrip("\n").split("\t")
        if len(c) >= 4:
            outbox.setdefault(c[1], []).append(c)
    notes = {}     # inquiry id -> [(mentor, path)]
    replies = {}   # inquiry id -> [(user, path)] for the student copy
    cc = {}        # inquiry id -> [(mentor, path)] mentor's copy of the reply
    other = []
    for user in ("mentor1", "mentor2", "student", "bot", "list"):
        for p in glob.glob(os.path.join(root, user, "Maildir", "new", "*")) + \
                glob.glob(os.path.join(root, user, "Maildir", "cur", "*")):
            subject, ids, msg = notification_ids(p)
            if user in ("list", "bot"):
                continue  # the list's traffic, and the bot's own copies of what it sent (bot.copy-mailbox)
            if subject.startswith("[mentorbot] Inquiry"):
                for i in ids:
                    notes.setdefault(i, []).append((user, p))
                if not ids:
                    other.append((user, subject))
            elif subject.startswith("Re: "):
                parent = str(msg["In-Reply-To"] or "").strip()
                (replies if user == "student" else cc).setdefault(parent, []).append((user, p))
            else:
                other.append((user, subject))
    dup = missing = indoubt = misrouted = 0
    details = []
    for mid, r in inquiries.items():
        mentor = r[4]
        states = outbox.get(mid, [])
        doubt = {c[0] for c in states if c[3] == "FAILED" and "in doubt" in (c[4] if len(c) > 4 else "")}
        indoubt += len(doubt)
        for what, found, want, kind in (("notification", notes.get(mid, []), mentor, "notify"),
                                        ("reply", replies.get(mid, []), "student", "reply"),
                                        ("reply Cc", cc.get(mid, []), mentor, "reply")):
            if len(found) > 1:
                dup += len(found) - 1
                details.append("DUPLICATE %s x%d for %s" % (what, len(found), mid))
            if len(found) == 0:
                if kind in doubt:
                    details.append("in doubt (not resent): %s for %s" % (what, mid))
                else:
                    missing += 1
                    details.append("MISSING %s for %s (outbox: %s)" % (what, mid,
                                   ",".join("%s=%s" % (c[0], c[3]) for c in states) or "none"))
            for user, _ in found:
                if user != want:
                    misrouted += 1
                    details.append("MISROUTED %s for %s landed at %s, expected %s" % (what, mid, user, want))
    unrelated = sum(len(v) for k, v in notes.items() if k not in inquiries) + \
        sum(len(v) for k, v in replies.items() if k not in inquiries)
    for d in details[:40]:
        print("soak:   " + d)
    if len(details) > 40:
        print("soak:   ... %d more" % (len(details) - 40))
    for u, s in other[:10]:
        print("soak:   unexpected mail at %s: %s" % (u, s))
    print("soak: mails: %d notifications, %d student replies, %d mentor Cc copies, %d about no known inquiry, %d other"
          % (sum(map(len, notes.values())), sum(map(len, replies.values())), sum(map(len, cc.values())), unrelated,
             len(other)))
    print("soak: duplicates %d, missing %d, in-doubt %d" % (dup, missing, indoubt))
    print("RESULT dup=%d missing=%d indoubt=%d misrouted=%d unrelated=%d other=%d" % (dup, missing, indoubt,
                                                                                     misrouted, unrelated, len(other)))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "gen":
        cmd_gen(args[0], int(args[1]))
    elif cmd == "deliver":
        cmd_deliver(args[0], int(args[1]), float(args[2]), *(args[3:4]))
    elif cmd == "latency":
        cmd_latency(args[0], args[1], int(args[2]))
    elif cmd == "verify":
        cmd_verify(args[0], args[1], args[2])
    else:
        raise SystemExit(__doc__)
