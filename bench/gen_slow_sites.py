#!/usr/bin/env python3
"""Write the many-slow-sites bench: one small portal shared by N host names, the nginx
configuration that answers every request after a delay, and sitepatrol's configuration.

  gen_slow_sites.py --sites N --out DIR --port P [--pages-per-site 50] [--delay-ms 100]
                    [--concurrency 64] [--per-host 4]

Written under DIR:
  DIR/site/         the portal: index.html, 7 column pages, 6 articles in each (50 pages)
  DIR/nginx.conf    nginx on 127.0.0.1:P; every answer waits DELAY (echo_sleep), then the
                    static file is served (echo_exec to a named location)
  DIR/sitepatrol.toml  N sites s0001.slow.example .. each pinned to 127.0.0.1 by `resolve`
  DIR/urls.txt      the N homepages, for wget2

Every host name serves the same files, so the N sites differ only by name, as the per-host
limits see them. Everything is on loopback.
"""

import argparse
import os
from datetime import date, timedelta

COLUMNS = [("jtyw", "交通要闻"), ("tzgg", "通知公告"), ("gzdt", "工作动态"),
           ("zcwj", "政策文件"), ("zcjd", "政策解读"), ("rsxx", "人事信息"), ("bszn", "办事指南")]
BASE = date(2026, 11, 20)  # fixed: output must not depend on today's date
BODY = ("为深入贯彻落实交通强国建设纲要，进一步提升公路水路运输服务保障能力，"
        "现就有关事项通知如下。各单位要高度重视，精心组织，确保各项工作落到实处。") * 8


def page(title, links, when):
    nav = "".join(f'<li><a href="/{c}/index.html">{n}</a></li>' for c, n in COLUMNS)
    items = "".join(f'<li><a href="{href}">{text}</a><span>{d}</span></li>'
                    for href, text, d in links)
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<title>{title} - 慢站交通运输局</title></head><body>'
            f'<div class="nav"><ul><li><a href="/index.html">首页</a></li>{nav}</ul></div>'
            f'<h1>{title}</h1><p>发布日期：{when}</p><ul class="list">{items}</ul>'
            f'<div class="content"><p>{BODY}</p></div>'
            f'<div class="footer">主办单位：慢站交通运输局 网站标识码：4200000099 '
            f'<a href="https://beian.miit.gov.cn/">鄂ICP备05009999号</a></div>'
            f'</body></html>')


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


def write_site(root, pages_per_site):
    per_column = max(1, (pages_per_site - 1 - len(COLUMNS)) // len(COLUMNS))
    latest = []
    for ci, (col, name) in enumerate(COLUMNS):
        rows = []
        for k in range(per_column):
            d = BASE - timedelta(days=ci * per_column + k)
            href = f"/{col}/t{d:%Y%m%d}_{ci}{k:02d}.html"
            rows.append((href, f"{name}第{k + 1}篇", d.isoformat()))
            write(root, href.lstrip("/"), page(f"{name}第{k + 1}篇", [], d.isoformat()))
        write(root, f"{col}/index.html", page(name, rows, rows[0][2]))
        latest.extend(rows[:2])
    write(root, "index.html", page("首页", latest, BASE.isoformat()))
    write(root, "robots.txt", "User-agent: *\nAllow: /\n")
    return 1 + len(COLUMNS) * (1 + per_column)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sites", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--pages-per-site", type=int, default=50)
    ap.add_argument("--delay-ms", type=int, default=100)
    ap.add_argument("--concurrency", type=int, default=64)
    ap.add_argument("--per-host", type=int, default=4)
    a = ap.parse_args()
    out = os.path.abspath(a.out)
    root = os.path.join(out, "site")
    pages = write_site(root, a.pages_per_site)

    hosts = [f"s{i:04d}.slow.example" for i in range(1, a.sites + 1)]
    with open(os.path.join(out, "nginx.conf"), "w") as f:
        f.write(f"""load_module modules/ngx_http_echo_module.so;
worker_processes 2;
pid {out}/nginx.pid;
error_log {out}/nginx-error.log warn;
events {{ worker_connections 8192; }}
http {{
  log_format timed '$msec $request_time $host $request_uri $status $connection $connection_requests $request_method';
  access_log {out}/access.log timed;
  client_body_temp_path {out}/tmp; proxy_temp_path {out}/tmp; fastcgi_temp_path {out}/tmp;
  uwsgi_temp_path {out}/tmp; scgi_temp_path {out}/tmp;
  keepalive_requests 100000;
  etag off;
  types {{ text/html html; text/plain txt; }}
  server {{
    listen 127.0.0.1:{a.port} backlog=4096;
    server_name _;
    location / {{ echo_sleep {a.delay_ms / 1000:.3f}; echo_exec @static; }}
    location @static {{ root {root}; }}
  }}
}}
""")
    os.makedirs(os.path.join(out, "tmp"), exist_ok=True)
    with open(os.path.join(out, "sitepatrol.toml"), "w") as f:
        f.write(f"""[patrol]
database = "slow.db"
user_agent = "sitepatrol-bench/1.0"
timeout_s = 30
concurrency = {a.concurrency}
per_host_concurrency = {a.per_host}
per_host_delay_ms = 0
max_depth = 10
check_external_links = false
allow_private_networks = true
resolve = [
""")
        for h in hosts:
            f.write(f'  "{h}:{a.port}:127.0.0.1",\n')
        f.write("]\n")
        for i, h in enumerate(hosts, 1):
            f.write(f'\n[[site]]\nid = "s{i:04d}"\nname = "慢站{i}"\n'
                    f'url = "http://{h}:{a.port}/index.html"\n')
    with open(os.path.join(out, "urls.txt"), "w") as f:
        for h in hosts:
            f.write(f"http://{h}:{a.port}/index.html\n")
    print(f"{a.sites} sites x {pages} pages, {a.delay_ms} ms per answer, under {out}")


if __name__ == "__main__":
    main()
