#!/usr/bin/env python3
"""sitrep beside the tools an analyst would use instead, on one large corpus, in one run.

Measures each row of issue 16's table: the import (wall time, peak RSS) beside newsboat
reloading the same stories as one RSS file; the reader's start to a screen showing the
story list, beside newsboat's feed list and opened feed (both in tmux); the time from
each key of "/nato summit" to its results on the reader's screen; `sitrep list`;
fuzzy search beside `fzf --filter` over the same titles; full-text searches beside
`rg -l`. A peer that is not installed is skipped.

    python3 benches/side_by_side.py [--sitrep target/release/sitrep] [--corpus /tmp/c100k]
        [--work /tmp/sitrep-side-by-side] [--library DIR] [--runs 7]

The corpus is generated when missing (`gen_corpus.py DIR --count 100000 --seed 7 --jobs 2
--no-gold`). Without `--library`, a fresh library is imported under `--work`; with it, the
import rows are skipped and that library is used as it is.
"""

import argparse
import html
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GENERATOR = "/work/shared/corpus/gen_corpus.py"
COLUMNS, ROWS = 160, 45
SEARCH_KEYS = "nato summit"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sitrep", default="target/release/sitrep")
    parser.add_argument("--corpus", default="/tmp/c100k")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--work", default="/tmp/sitrep-side-by-side")
    parser.add_argument("--library", help="an imported library to use (skips the import)")
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (median)")
    parser.add_argument("--rows", default="reader,list,fuzzy,text",
                        help="rows to measure besides the import: reader, list, fuzzy, text")
    args = parser.parse_args()
    rows = args.rows.split(",")
    sitrep = str(Path(args.sitrep).resolve())
    corpus = Path(args.corpus)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    if not corpus.exists():
        subprocess.run([sys.executable, GENERATOR, str(corpus), "--count", str(args.count),
                        "--seed", "7", "--jobs", "2", "--no-gold"], check=True)
    table = Table()
    if args.library:
        library = Path(args.library)
    else:
        library = work / "library"
        shutil.rmtree(library, ignore_errors=True)
        seconds, peak = timed_peak([sitrep, "--library", str(library), "import", str(corpus)])
        table.append(("import", f"{seconds:.1f} s, {peak} MB peak", *newsboat_import(work, library)))
    titles = write_titles(library, work / "titles.txt")
    if "reader" in rows:
        table.append(("reader start → story list on screen", *reader_rows(sitrep, library, work)))
    if "list" in rows:
        list_ms = median_ms([sitrep, "--library", str(library), "list", "--limit", "20"], args.runs)
        table.append(("`sitrep list --limit 20`", f"{list_ms:.0f} ms", "—"))
    if "fuzzy" in rows:
        table.append(pair(
            "`sitrep search --fuzzy 'nato sumt'`",
            [sitrep, "--library", str(library), "search", "--fuzzy", "nato sumt"],
            "fzf --filter", ["fzf", "--filter", "nato sumt"], titles, args.runs))
    for query in ["trade deal", "Malaysia"] if "text" in rows else []:
        table.append(pair(
            f"`sitrep search '{query}'`",
            [sitrep, "--library", str(library), "search", query],
            "rg -l -F", ["rg", "-l", "-F", query, str(corpus)], None, args.runs))
    print(f"\nsitrep: {sitrep}\ncorpus: {corpus}\nlibrary: {library}\n")
    print("| work | sitrep | the alternative, same run |")
    print("|---|---|---|")
    for row in table.rows:
        print("| " + " | ".join(row) + " |")


class Table:
    """The rows measured so far, each also shown on stderr as soon as it is measured."""

    def __init__(self):
        self.rows = []

    def append(self, row):
        print(" | ".join(row), file=sys.stderr, flush=True)
        self.rows.append(row)


def timed_peak(command):
    """Wall seconds and peak RSS (MB) of one run, through /usr/bin/time."""
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.monotonic()
        subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%M", *command],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.monotonic() - start
        peak_kb = int(report.read().split()[-1])
    return seconds, peak_kb // 1024


def median_ms(command, runs, stdin=None):
    """Median wall milliseconds over `runs` runs, after one untimed run (warm cache)."""
    times = []
    for run in range(runs + 1):
        with open(stdin) if stdin else open(os.devnull) as source:
            start = time.monotonic()
            subprocess.run(command, check=True, stdin=source, stdout=subprocess.DEVNULL)
            if run:
                times.append((time.monotonic() - start) * 1000)
    return statistics.median(times)


def pair(label, ours, peer_name, peer, stdin, runs):
    """One table row: sitrep's median time beside a peer's, run alternately."""
    ours_ms = median_ms(ours, runs)
    if not shutil.which(peer[0]):
        return (label, f"{ours_ms:.0f} ms", f"{peer_name}: not installed")
    peer_ms = median_ms(peer, runs, stdin)
    return (label, f"{ours_ms:.0f} ms", f"{peer_name}: {peer_ms:.0f} ms ({peer_ms / ours_ms:.1f}×)")


def write_titles(library, path):
    """Every story's title, one a line: what fzf filters."""
    with sqlite3.connect(library / "sitrep.db") as db, open(path, "w") as out:
        for (title,) in db.execute("SELECT title FROM articles"):
            out.write(title.replace("\n", " ") + "\n")
    return path


def newsboat_import(work, library):
    """newsboat's `-x reload` of the library's stories as one RSS file: time and peak RSS."""
    if not shutil.which("newsboat"):
        return ("newsboat: not installed",)
    home = work / "newsboat"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    feed = write_rss(library, home / "stories.rss")
    (home / "urls").write_text(f"file://{feed}\n")
    (home / "config").write_text("max-items 0\n")
    seconds, peak = timed_peak(newsboat_command(home) + ["-x", "reload"])
    return (f"newsboat `-x reload` of the same stories as one RSS file: {seconds:.1f} s, "
            f"{peak} MB peak",)


def newsboat_command(home):
    return ["newsboat", "-u", str(home / "urls"), "-c", str(home / "cache.db"),
            "-C", str(home / "config")]


def write_rss(library, path):
    """The library's stories (title, source, date, link, body) as one RSS 2.0 file."""
    with sqlite3.connect(library / "sitrep.db") as db, open(path, "w") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                  "<title>side by side</title><link>http://localhost/</link>"
                  "<description>stories</description>\n")
        rows = db.execute("SELECT a.id, a.title, a.source, a.published, a.url, "
                          f"{body_column(db)} FROM articles a")
        for story, title, source, published, url, body in rows:
            link = url or f"http://localhost/story/{story}"
            out.write(f"<item><title>{html.escape(title)}</title><link>{html.escape(link)}</link>"
                      f"<guid>{html.escape(link)}</guid><author>{html.escape(source or '')}</author>"
                      f"<pubDate>{html.escape(published or '')}</pubDate>"
                      f"<description>{html.escape(body)}</description></item>\n")
        out.write("</channel></rss>\n")
    return path


def body_column(db):
    """Where the library keeps bodies: `articles.body` before schema 7, `story_bodies` after."""
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_schema")}
    if "story_bodies" in tables:
        return "(SELECT body FROM story_bodies b WHERE b.article_id = a.id)"
    return "a.body"


class Tmux:
    """A detached tmux session of the bench's size running one command."""

    def __init__(self, name, command):
        self.name = f"{name}-{os.getpid()}"
        subprocess.run(["tmux", "new-session", "-d", "-s", self.name, "-x", str(COLUMNS),
                        "-y", str(ROWS), "sh"], check=True)
        self.command = command

    def start(self):
        """Starts the command in place of the shell and returns the time it was sent."""
        self.keys("exec " + " ".join(self.command), literal=True)
        start = time.monotonic()
        self.keys("Enter")
        return start

    def keys(self, keys, literal=False):
        subprocess.run(["tmux", "send-keys", "-t", self.name, *(["-l"] if literal else []), keys],
                       check=True)

    def screen(self):
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name],
                              capture_output=True, text=True).stdout

    def wait(self, test, since, timeout=60):
        """Milliseconds from `since` until the screen passes `test`."""
        while time.monotonic() - since < timeout:
            screen = self.screen()
            if test(screen):
                return (time.monotonic() - since) * 1000, screen
        raise TimeoutError(f"{self.name}: screen never matched:\n{self.screen()}")

    def pid(self):
        out = subprocess.run(["tmux", "list-panes", "-t", self.name, "-F", "#{pane_pid}"],
                             capture_output=True, text=True).stdout
        return out.split()[0]

    def close(self):
        subprocess.run(["tmux", "kill-session", "-t", self.name], stderr=subprocess.DEVNULL)


def memory_mb(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return 0


def reader_rows(sitrep, library, work):
    """The reader's start to its list, per-key search latency, memory; newsboat's start."""
    with sqlite3.connect(library / "sitrep.db") as db:
        count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        newest = db.execute("SELECT title FROM articles ORDER BY published_at DESC, id DESC"
                            " LIMIT 1").fetchone()[0]
    env = f"env HOME={work} XDG_CONFIG_HOME={work}/config TERM=xterm-256color"
    session = Tmux("sitrep-bench", [env, sitrep, "--library", str(library), "--no-sample"])
    try:
        started = session.start()
        # The title's start: a narrow pane cuts the rest.
        shown, _ = session.wait(lambda s: newest[:20] in s, started)
        full, _ = session.wait(lambda s: f"library: {count} stories" in s, started)
        time.sleep(3)  # let the background work after start finish
        keys = []
        typed = ""
        for key in "/" + SEARCH_KEYS:
            if key != "/":
                typed += key
            expected = "/" + typed + "▏"
            sent = time.monotonic()
            session.keys(key, literal=True)
            took, _ = session.wait(
                lambda s: expected in s and "Search — " in s and "searching…" not in s, sent)
            keys.append(took)
        pid = session.pid()
        rss, peak = memory_mb(pid, "VmRSS"), memory_mb(pid, "VmHWM")
    finally:
        session.close()
    per_key = ", ".join(f"{ms:.0f}" for ms in keys[:6])
    sitrep_start = (f"{shown:.0f} ms; \"library: {count} stories\" at {full:.0f} ms; "
                    f"{rss} MB after searches (peak {peak} MB)")
    search_row = (f"`/` then \"{SEARCH_KEYS}\", key to results on screen: {per_key} ms for the "
                  f"first six keys; median {statistics.median(keys):.0f} ms, max {max(keys):.0f} ms "
                  f"over {len(keys)}")
    return (f"{sitrep_start}<br>{search_row}", newsboat_start(work))


def newsboat_start(work):
    """newsboat (its cache filled by the import row): feed list, then the feed opened."""
    home = work / "newsboat"
    if not shutil.which("newsboat"):
        return "newsboat: not installed"
    if not (home / "cache.db").exists():
        return "newsboat: no cache (run without --library)"
    session = Tmux("newsboat-bench", newsboat_command(home))
    try:
        started = session.start()
        feeds, _ = session.wait(lambda s: "side by side" in s, started)
        opened = time.monotonic()
        session.keys("Enter")
        articles, _ = session.wait(lambda s: "Articles in feed" in s, opened)
        peak = memory_mb(session.pid(), "VmHWM")
    finally:
        session.close()
    return (f"newsboat: feed list {feeds:.0f} ms, the feed open {articles:.0f} ms later, "
            f"{peak} MB peak")


if __name__ == "__main__":
    main()
