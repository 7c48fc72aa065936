#!/usr/bin/env python3
"""Writes the hostile inputs of issue 12 (bounded work) into OUT_DIR, full size.

  python3 bench/hostile/gen_hostile.py OUT_DIR

Each file is what the issue describes; bench/hostile/run.sh measures them.
"""
import os
import random
import sys


def write(out, name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rnd = random.Random(12)
    head = "<!doctype html><html><head><title>t</title></head><body>"

    # Item 4: one 1 MiB class name around 8,000 elements (1.1 MB). Every element's tag path
    # repeated the class.
    huge = "k" * (1 << 20)
    write(out, "tag_paths_class.html",
          head + '<div class="' + huge + '">' + "<span>x</span>" * 8000 + "</div></body></html>")

    # Item 4: 900 KB of nested tables: depth capped at 512, then every <tr><td> opens a row in
    # the deepest table, with a path thousands of levels long.
    write(out, "tag_paths_tables.html", head + "<table><tr><td>" * 60000 + "</body></html>")

    # Item 5: one <p class="a a a ..."> with 8,000 copies and 1,000 rules .a.zzK{display:none}.
    rules = "".join(".a.zz%d{display:none}" % k for k in range(1000))
    write(out, "css_classes.html",
          "<!doctype html><html><head><style>" + rules + "</style></head><body><p class=\"" +
          " ".join(["a"] * 8000) + "\">x</p></body></html>")

    # Item 7: list rows under ancestors with long class names (every row searched them all).
    def rows_page(n):
        wrappers = 40
        open_divs = "".join('<div class="%s">' % "".join(rnd.choice("abcdefgh") for _ in range(2000))
                            for _ in range(wrappers))
        items = "".join('<li><a href="/a/%d.html">t%d</a><span>2026-11-%02d</span></li>' %
                        (i, i, 1 + i % 28) for i in range(n))
        return head + open_divs + "<ul>" + items + "</ul>" + "</div>" * wrappers + "</body></html>"
    write(out, "rows_20k.html", rows_page(20000))
    write(out, "rows_180k.html", rows_page(180000))

    # Item 6: a 488 KB robots.txt of wildcard rules, and 200 long links.
    lines = ["User-agent: *"]
    size = len(lines[0])
    k = 0
    while size < 488 * 1024:
        line = "Disallow: /*" + "a" * 100 + "b%d" % k  # each '*' position tries 100 bytes
        lines.append(line)
        size += len(line) + 1
        k += 1
    write(out, "robots.txt", "\n".join(lines) + "\n")
    write(out, "robots_links.txt",
          "".join("/p/" + "a" * 2000 + "/%d.html\n" % i for i in range(200)))

    # Item 10: a deep page of 48 MiB of nested elements, for Gumbo's limits.
    write(out, "gumbo_big.html", head + "<div><span><b>x" * (48 * 1024 * 1024 // 19) +
          "</body></html>")


if __name__ == "__main__":
    main()
