#!/usr/bin/env python3
"""Result parsing for bench/run.sh: one subcommand per tool output, one Markdown table at the end.

  report.py add ROWS.jsonl --tool NAME --kind KIND [--out FILE] [--time FILE] [--rc N]
                [--timeout S] [--expected BROKEN.txt] [--site URL] [--note TEXT] [--status TEXT]
  report.py table ROWS.jsonl

KIND is sitepatrol | wget2 | linkinator | linkchecker | wrk | gumbo | none (a row that only says
why a tool did not run). "pages" is the number of distinct HTML pages of the site under test
(URLs of --site ending in .html or /, "/" counted as "/index.html") that the tool fetched with a
2xx answer; "broken found" is the number of distinct link targets the tool reported broken.
"""

import argparse
import csv
import json
import re
import sys


def parse_time(path):
    """GNU time -v output -> (wall seconds, max RSS in MB, CPU seconds user+system)."""
    wall = rss = cpu = None
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return None, None, None
    u = re.search(r"User time \(seconds\): ([\d.]+)", text)
    s = re.search(r"System time \(seconds\): ([\d.]+)", text)
    if u and s:
        cpu = float(u.group(1)) + float(s.group(1))
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    if m:
        parts = [float(x) for x in m.group(1).split(":")]
        wall = 0.0
        for p in parts:
            wall = wall * 60 + p
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        rss = int(m.group(1)) / 1024.0
    return wall, rss, cpu


def norm_page(url, site):
    """Return the page path if url is an HTML page of site, else None."""
    if not site or not url.startswith(site + "/"):
        return None
    path = url[len(site):].split("#", 1)[0].split("?", 1)[0]
    if path.endswith("/"):
        path += "index.html"
    return path if path.endswith(".html") else None


def read(path):
    try:
        return open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return ""


def sitepatrol_db_pages(db, run_id, site):
    """Best effort: the site's pages fetched with 2xx/304 in run run_id, from sitepatrol's own
    SQLite tables. The schema is sitepatrol's to change; on any mismatch this returns None
    and the caller falls back to run.pages of the findings JSON."""
    import sqlite3
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        rows = con.execute(
            "SELECT u.url FROM page_fetches f JOIN pages p ON p.id = f.page_id "
            "JOIN urls u ON u.id = p.url_id WHERE f.run_id = ? "
            "AND ((f.status BETWEEN 200 AND 299) OR f.status = 304 OR f.not_modified = 1)",
            (run_id,)).fetchall()
        con.close()
    except Exception:  # noqa: BLE001 - any schema difference means "unknown"
        return None
    return {p for (u,) in rows if (p := norm_page(u, site))}


def parse_sitepatrol(out, site, db=None):
    """findings --format json document -> pages, broken set."""
    doc = json.loads(read(out))
    run = doc.get("run") or {}
    pages = run.get("pages")
    if db and run.get("id") is not None:
        from_db = sitepatrol_db_pages(db, run["id"], site)
        if from_db:
            pages = from_db
    broken = {f.get("subject") for f in doc.get("findings", []) if f.get("code") == "LINK-BROKEN"}
    timeouts = {f.get("subject") for f in doc.get("findings", []) if f.get("code") == "LINK-TIMEOUT"}
    extra = {}
    notes = []
    if isinstance(pages, set):
        notes.append(f"run.pages {run.get('pages')}")
    if timeouts:
        notes.append(f"{len(timeouts)} LINK-TIMEOUT")
    if notes:
        extra["note"] = ", ".join(notes)
    links = (doc.get("run") or {}).get("links_checked")
    if links is not None:
        extra["urls"] = links
    return pages, broken, extra


def parse_wget2(out, site):
    pages, broken, urls = set(), set(), set()
    for line in read(out).splitlines():
        m = re.match(r"HTTP (ERROR )?response (\d+) .*\[(.*)\]$", line)
        if not m:
            continue
        url, code = m.group(3), int(m.group(2))
        if url.endswith("/robots.txt"):
            continue
        urls.add(url)
        if m.group(1) or code >= 400:
            broken.add(url)
        elif 200 <= code < 300:
            p = norm_page(url, site)
            if p:
                pages.add(p)
    return pages, broken, {"urls": len(urls)}


def parse_linkinator(out, site):
    pages, broken, urls = set(), set(), set()
    text = read(out)
    lines = text.splitlines()
    start = next((i for i, l in enumerate(lines) if l.startswith("url,status,state")), None)
    if start is None:
        return 0, set(), {}
    for row in csv.DictReader(lines[start:]):
        url, state = row.get("url") or "", row.get("state")
        if state == "SKIPPED":
            continue
        urls.add(url)
        if state == "BROKEN":
            broken.add(url)
        elif state == "OK":
            p = norm_page(url, site)
            if p:
                pages.add(p)
    return pages, broken, {"urls": len(urls)}


def parse_linkchecker(out, site):
    lines = [l for l in read(out).splitlines() if l and not l.startswith("#")]
    if not lines:
        return 0, set(), {}
    pages, broken, urls = set(), set(), set()
    for row in csv.DictReader(lines, delimiter=";"):
        url = row.get("url") or row.get("urlname") or ""
        urls.add(url)
        if row.get("valid") == "False":
            broken.add(url)
        elif row.get("valid") == "True":
            p = norm_page(url, site)
            if p:
                pages.add(p)
    return pages, broken, {"urls": len(urls)}


def cmd_add(a):
    row = {"tool": a.tool, "kind": a.kind, "note": a.note or "", "status": a.status or ""}
    wall, rss, cpu = parse_time(a.time) if a.time else (None, None, None)
    row["wall"], row["rss"], row["cpu"] = wall, rss, cpu
    if a.rc is not None and a.rc in (124, 137) and a.timeout:
        row["status"] = f"timeout after {a.timeout} s (partial)"
    elif a.rc not in (None, 0) and a.kind not in ("linkchecker", "linkinator", "wget2", "none"):
        row["status"] = row["status"] or f"exit {a.rc}"
    expected = set()
    if a.expected:
        expected = {l.strip() for l in read(a.expected).splitlines() if l.strip()}
    row["expected"] = len(expected) if a.expected else None
    try:
        if a.kind in ("sitepatrol", "wget2", "linkinator", "linkchecker"):
            fn = {"sitepatrol": parse_sitepatrol, "wget2": parse_wget2,
                  "linkinator": parse_linkinator, "linkchecker": parse_linkchecker}[a.kind]
            pages, broken, extra = fn(a.out, a.site, a.db) if a.kind == "sitepatrol" else fn(a.out, a.site)
            if isinstance(pages, set):
                if a.pages_list:
                    pages &= {l.strip() for l in read(a.pages_list).splitlines() if l.strip()}
                pages = len(pages)
            row["pages"] = pages
            row["broken"] = len(broken)
            if expected:
                row["missed"] = len(expected - broken)
                row["extra"] = len(broken - expected)
                row["extra_sample"] = sorted(broken - expected)[:3]
            row.update({k: v for k, v in extra.items() if k != "note"})
            if extra.get("note"):
                row["note"] = (row["note"] + "; " if row["note"] else "") + extra["note"]
        elif a.kind == "wrk":
            text = read(a.out)
            m = re.search(r"(\d+) requests in ([\d.]+)(m?s)", text)
            rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
            if m and rps:
                row["pages"] = int(m.group(1))
                secs = float(m.group(2)) / (1000 if m.group(3) == "ms" else 1)
                row["wall"] = secs
                row["pps"] = float(rps.group(1))
                bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
                if bad:
                    row["note"] = (row["note"] + "; " if row["note"] else "") + f"{bad.group(1)} non-2xx"
            row["rss"] = None  # wrk's own RSS says nothing about the server
        elif a.kind == "gumbo":
            text = read(a.out)
            m = re.search(r"parsed (\d+)\s+seconds ([\d.]+)\s+pages/s (\d+)\s+MB/s ([\d.]+)", text)
            c = re.search(r"cpu pages/s (\d+)\s+cpu MB/s ([\d.]+)", text)
            if m:
                row["pages"], row["wall"], row["pps"] = int(m.group(1)), float(m.group(2)), float(m.group(3))
                row["note"] = (row["note"] + "; " if row["note"] else "") + f"1 thread, {m.group(4)} MB/s"
                if c:
                    row["note"] += f"; per CPU second: {c.group(1)} pages/s, {c.group(2)} MB/s"
    except (ValueError, json.JSONDecodeError) as e:
        row["status"] = row["status"] or f"unreadable output ({e.__class__.__name__})"
    if "pps" not in row and row.get("pages") and row.get("wall"):
        row["pps"] = row["pages"] / row["wall"]
    with open(a.rows, "a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")


def fmt(v, nd=1):
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.{nd}f}"
    return str(v)


def cmd_table(a):
    rows = [json.loads(l) for l in read(a.rows).splitlines() if l.strip()]
    ref = next((r.get("pps") for r in rows if r["kind"] == "sitepatrol" and r.get("pps")
                and not r.get("status")), None)
    out = ["| tool | pages | wall s | pages/s | peak RSS MB | broken found | ratio vs sitepatrol (pages/s) | CPU s | notes |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        if r["kind"] == "none":
            out.append(f"| {r['tool']} | — | — | — | — | — | — | — | {r['status'] or r['note']} |")
            continue
        b = "—"
        if r.get("broken") is not None:
            b = str(r["broken"])
            if r.get("expected") is not None:
                bits = []
                if r.get("missed"):
                    bits.append(f"{r['missed']} missed")
                if r.get("extra"):
                    bits.append(f"{r['extra']} not in list")
                b += f" of {r['expected']}" + (f" ({', '.join(bits)})" if bits else "")
        ratio = "—"
        if ref and r.get("pps"):
            ratio = f"{r['pps'] / ref:.2f}×"
        notes = "; ".join(x for x in (r.get("status"), r.get("note")) if x)
        if r.get("urls"):
            notes = (notes + "; " if notes else "") + f"{r['urls']} URLs"
        out.append(f"| {r['tool']} | {fmt(r.get('pages'))} | {fmt(r.get('wall'))} | {fmt(r.get('pps'), 0)} | "
                   f"{fmt(r.get('rss'))} | {b} | {ratio} | {fmt(r.get('cpu'))} | {notes} |")
    print("\n".join(out))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("add")
    p.add_argument("rows")
    p.add_argument("--tool", required=True)
    p.add_argument("--kind", required=True)
    p.add_argument("--out")
    p.add_argument("--time")
    p.add_argument("--rc", type=int)
    p.add_argument("--timeout")
    p.add_argument("--expected")
    p.add_argument("--site")
    p.add_argument("--pages-list", help="pages.txt of the site: only these paths count as pages")
    p.add_argument("--db", help="sitepatrol: its database, to count the site's pages like the peers'")
    p.add_argument("--note")
    p.add_argument("--status")
    p = sub.add_parser("table")
    p.add_argument("rows")
    a = ap.parse_args()
    {"add": cmd_add, "table": cmd_table}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
