#!/usr/bin/env python3
"""Splits an mboxrd file into a maildir (one file per message in cur/), for notmuch, which reads maildirs only.

usage: mbox-to-maildir.py MBOX MAILDIR [LIMIT [MBOX_OUT]]

A separator is a "From " line at the start of the file or after an empty line; mboxrd escaping is undone
(">From " -> "From "), as mentorbot's own mbox reader does, so both tools index the same bytes. With LIMIT only
the first LIMIT messages are written, and MBOX_OUT (if given) receives the same messages as an mbox, so that a
smoke test feeds both tools the same subset.
"""
import os
import re
import sys

ESCAPED_FROM = re.compile(rb"^>(>*From )")


def messages(path):
    lines = []
    previous_empty = True
    with open(path, "rb") as f:
        for line in f:
            if line.startswith(b"From ") and previous_empty:
                if lines:
                    yield lines
                lines = [line]
            elif lines:
                lines.append(line)
            previous_empty = line in (b"\n", b"\r\n")
    if lines:
        yield lines


def main():
    src, maildir = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else None
    mbox_out = open(sys.argv[4], "wb") if len(sys.argv) > 4 else None
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(maildir, sub), exist_ok=True)
    n = 0
    for lines in messages(src):
        if limit is not None and n >= limit:
            break
        n += 1
        if mbox_out:
            mbox_out.writelines(lines)
        body = lines[1:]
        if body and body[-1] in (b"\n", b"\r\n"):
            body = body[:-1]  # the blank line mbox puts between messages is not part of the message
        with open(os.path.join(maildir, "cur", "%07d.bench:2,S" % n), "wb") as out:
            out.writelines(ESCAPED_FROM.sub(rb"\1", l) for l in body)
    if mbox_out:
        mbox_out.close()
    print(n)


if __name__ == "__main__":
    main()
