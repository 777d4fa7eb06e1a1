#!/usr/bin/env python3
"""Times the benchmark queries against notmuch or against mentorbot's web page, for archive-vs-notmuch.sh.

usage: time-queries.py notmuch QUERIES.tsv RUNS OUT.tsv
       time-queries.py http    QUERIES.tsv RUNS OUT.tsv BASE_URL

notmuch: runs `notmuch search --output=threads --limit=20` with the second column of each line (the
environment's NOTMUCH_CONFIG says which database), and counts matching messages and threads with
`notmuch count`. http: fetches BASE_URL/?q=<first column, URL-encoded> with curl and takes curl's own
time_total. Each query runs once untimed first (warm caches), then RUNS timed rounds over the whole set, as
`mentorbot bench-search` does. Per-query medians (and counts) go to OUT.tsv; the last line printed is
the summary: median, p90, p99 and maximum over all timed runs, by nearest rank, in milliseconds.
"""
import math
import subprocess
import sys
import time
import urllib.parse


def queries(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            mentorbot, _, notmuch = line.partition("\t")
            yield mentorbot.strip(), notmuch.strip()


def percentile(sorted_ms, p):
    return sorted_ms[max(1, math.ceil(p / 100 * len(sorted_ms))) - 1]


def notmuch_search(mentorbot, notmuch):
    # notmuch always sorts by date; follow the mentorbot query's direction.
    order = "--sort=oldest-first" if "sort:date" in mentorbot.split() else "--sort=newest-first"
    return ["notmuch", "search", "--output=threads", "--limit=20", order, notmuch]


def timed_notmuch(mentorbot, notmuch):
    start = time.perf_counter()
    subprocess.run(notmuch_search(mentorbot, notmuch), check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def notmuch_counts(notmuch):
    messages = subprocess.run(["notmuch", "count", notmuch], check=True, capture_output=True, text=True).stdout
    threads = subprocess.run(["notmuch", "count", "--output=threads", notmuch], check=True, capture_output=True,
                             text=True).stdout
    return int(messages), int(threads)


def timed_http(base_url, mentorbot):
    url = base_url.rstrip("/") + "/?q=" + urllib.parse.quote(mentorbot, safe="")
    out = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", url], check=True,
                         capture_output=True, text=True).stdout.split()
    if out[0] != "200":
        sys.exit("time-queries: %s answered HTTP %s" % (url, out[0]))
    return float(out[1]) * 1000


def main():
    mode, path, runs, out_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    qs = list(queries(path))
    if mode == "notmuch":
        run = lambda q: timed_notmuch(*q)
    elif mode == "http":
        run = lambda q: timed_http(sys.argv[5], q[0])
    else:
        sys.exit("time-queries: mode must be notmuch or http")
    for q in qs:
        run(q)
    timings = [[] for _ in qs]
    for _ in range(runs):
        for i, q in enumerate(qs):
            timings[i].append(run(q))
    with open(out_path, "w", encoding="utf-8") as out:
        header = ["median_ms", "messages", "threads", "query"] if mode == "notmuch" else ["median_ms", "query"]
        out.write("\t".join(header) + "\n")
        for q, ms in zip(qs, timings):
            median = percentile(sorted(ms), 50)
            if mode == "notmuch":
                messages, threads = notmuch_counts(q[1])
                out.write("%.2f\t%d\t%d\t%s\n" % (median, messages, threads, q[1]))
            else:
                out.write("%.2f\t%s\n" % (median, q[0]))
    every = sorted(ms for per_query in timings for ms in per_query)
    print("%s: %d queries × %d runs: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms" % (
        mode, len(qs), runs, percentile(every, 50), percentile(every, 90), percentile(every, 99), every[-1]))


if __name__ == "__main__":
    main()
