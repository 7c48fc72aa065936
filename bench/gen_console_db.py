#!/usr/bin/env python3
"""A year of nightly patrols of a big estate, written straight into a sitepatrol database, for
the console's speed bench (bench/console.sh, docs/console.md).

The database is first created by `sitepatrol db migrate` (the real schema); this fills what
the console reads, shaped like a real year: one finished run a night covering every site;
per site six findings open all year (a broken link, a stale column, missing headers, ...) and
a broken link that appears each week and is resolved three nights later; ten columns observed
every night; the last week's page fetches and link checks (30 pages, 100 links per site and
night); probes every 20 minutes for the last 8 days (the daemon prunes older ones) and the
daily rollup for the whole year. Nothing here is read back by a test: it is a load, not a
fixture.

    python3 bench/gen_console_db.py --db FILE --sites 2000 --days 365
"""
import argparse
import datetime as dt
import json
import random
import sqlite3

CODES = [  # persistent findings: code, severity (0 info .. 3 critical), subject kind
    ("LINK-BROKEN", 2, "link"), ("FRESH-COLUMN", 2, "column"), ("SEC-HEADERS", 1, "site"),
    ("LINK-TIMEOUT", 1, "link"), ("META-MISSING", 1, "page"), ("ID-MISSING", 2, "site"),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--sites", type=int, default=2000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--end", default=dt.date.today().isoformat())
    a = ap.parse_args()
    rng = random.Random(17)
    con = sqlite3.connect(a.db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    cur = con.cursor()
    end = dt.date.fromisoformat(a.end)
    days = [end - dt.timedelta(days=a.days - 1 - i) for i in range(a.days)]
    sites = [f"s{i:04d}" for i in range(a.sites)]

    urls = {}

    def url_id(u):
        if u not in urls:
            cur.execute("INSERT INTO urls (url) VALUES (?)", (u,))
            urls[u] = cur.lastrowid
        return urls[u]

    def host(s):
        return f"http://www.{s}.gov.example"

    # Runs and their sites.
    run_rows, run_site_rows = [], []
    for i, d in enumerate(days, start=1):
        run_rows.append((i, f"{d}T18:00:00Z", f"{d}T19:10:00Z", "finished", a.sites, a.sites * 30,
                         a.sites * 100))
        run_site_rows.extend((i, s) for s in sites)
    cur.executemany("INSERT INTO runs (id, started_at, finished_at, status, sites, pages, "
                    "links_checked) VALUES (?, ?, ?, ?, ?, ?, ?)", run_rows)
    cur.executemany("INSERT INTO run_sites (run_id, site) VALUES (?, ?)", run_site_rows)
    last = len(days)

    # Findings open all year, and weekly broken links resolved three nights later.
    occ, res = [], []
    fid = 0
    for s in sites:
        for n, (code, sev, kind) in enumerate(CODES):
            fid += 1
            subject = {"link": f"{host(s)}/files/{n}.pdf", "column": f"{host(s)}/col{n}/",
                       "site": host(s) + "/", "page": f"{host(s)}/p{n}.html"}[kind]
            cur.execute("INSERT INTO findings (id, site, code, subject, first_seen, last_seen, "
                        "first_run, last_run) VALUES (?, ?, ?, ?, ?, ?, 1, ?)",
                        (fid, s, code, subject, run_rows[0][1], run_rows[-1][1], last))
            for r in range(1, last + 1):
                occ.append((r, fid, sev, host(s) + "/", f"{code} detail", "new" if r == 1 else "open"))
        for week in range(0, last - 3, 7):
            fid += 1
            first, gone = week + 1, week + 4
            subject = f"{host(s)}/news/{week}.html"
            cur.execute("INSERT INTO findings (id, site, code, subject, first_seen, last_seen, "
                        "first_run, last_run, resolved_run, resolved_at) VALUES "
                        "(?, ?, 'LINK-BROKEN', ?, ?, ?, ?, ?, ?, ?)",
                        (fid, s, subject, run_rows[first - 1][1], run_rows[gone - 2][1], first,
                         gone - 1, gone, run_rows[gone - 1][2]))
            for r in range(first, gone):
                occ.append((r, fid, 2, host(s) + "/", "HTTP 404", "new" if r == first else "open"))
            res.append((gone, fid, gone - 1, run_rows[gone - 1][2]))
        if len(occ) > 500_000:
            cur.executemany("INSERT INTO finding_occurrences (run_id, finding_id, severity, page, "
                            "detail, status) VALUES (?, ?, ?, ?, ?, ?)", occ)
            occ = []
    cur.executemany("INSERT INTO finding_occurrences (run_id, finding_id, severity, page, detail, "
                    "status) VALUES (?, ?, ?, ?, ?, ?)", occ)
    cur.executemany("INSERT INTO finding_resolutions (run_id, finding_id, last_run, resolved_at) "
                    "VALUES (?, ?, ?, ?)", res)

    # Ten columns a site, observed every night.
    col = []
    for s in sites:
        ids = [url_id(f"{host(s)}/col{n}/") for n in range(10)]
        for r, d in enumerate(days, start=1):
            for n, u in enumerate(ids):
                newest = (d - dt.timedelta(days=(n * 5) % 40)).isoformat()
                col.append((r, s, u, f"栏目{n}", "", "news" if n < 3 else "other", newest, 20, 1, 0, 0))
        if len(col) > 500_000:
            cur.executemany("INSERT INTO column_observations VALUES (?,?,?,?,?,?,?,?,?,?,?)", col)
            col = []
    cur.executemany("INSERT INTO column_observations VALUES (?,?,?,?,?,?,?,?,?,?,?)", col)

    # Pages, and the last week's fetches and link checks.
    fetch, links = [], []
    for s in sites:
        page_ids = []
        for n in range(30):
            cur.execute("INSERT INTO pages (site, url_id, status, last_run, is_homepage) "
                        "VALUES (?, ?, 200, ?, ?)", (s, url_id(f"{host(s)}/p{n}.html"), last, n == 0))
            page_ids.append(cur.lastrowid)
        link_ids = [url_id(f"{host(s)}/files/{n}.pdf") for n in range(100)]
        for r in range(max(1, last - 6), last + 1):
            fetch.extend((r, p, 200, "none", 50.0, 20000, 0) for p in page_ids)
            links.extend((r, s, u, page_ids[0], "a", 1, "HEAD", 404 if n < 2 else 200, "none", "",
                          "[]", 30.0) for n, u in enumerate(link_ids))
    cur.executemany("INSERT INTO page_fetches VALUES (?,?,?,?,?,?,?)", fetch)
    cur.executemany("INSERT INTO link_checks VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", links)

    # Probes: raw for the last 8 days, the daily rollup for the whole year.
    probes, rollup = [], []
    end_ms = int(dt.datetime(end.year, end.month, end.day, tzinfo=dt.timezone.utc).timestamp() * 1000)
    for s in sites:
        for d in days:
            day = (d - dt.date(1970, 1, 1)).days
            failed = 1 if rng.random() < 0.05 else 0
            rollup.append((s, day, 72, failed))
        for k in range(8 * 72):
            at = end_ms - k * 20 * 60 * 1000
            probes.append((s, host(s) + "/", at, 1, 200, "", 80.0))
        if len(probes) > 500_000:
            cur.executemany("INSERT INTO homepage_probes (site, url, at_ms, up, status, error, "
                            "elapsed_ms) VALUES (?,?,?,?,?,?,?)", probes)
            probes = []
    cur.executemany("INSERT INTO homepage_probes (site, url, at_ms, up, status, error, elapsed_ms) "
                    "VALUES (?,?,?,?,?,?,?)", probes)
    cur.executemany("INSERT INTO probe_days VALUES (?,?,?,?)", rollup)
    con.commit()
    con.execute("ANALYZE")
    con.close()


if __name__ == "__main__":
    main()
