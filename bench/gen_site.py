#!/usr/bin/env python3
"""Generate a synthetic, deterministic government-portal-like web site for benchmarking.

The site imitates a TRS WCM portal of a provincial transport department: a home page,
column list pages (index.html, index_1.html, ... with a pagination window), article pages
(/<column>/<yyyymm>/t<yyyymmdd>_<id>.html) with images and attachments, a few static pages,
and a separate small "external" site served on other loopback ports.

Layout written under OUT:
  OUT/main/         document root of the site (http://127.0.0.1:18080/)
  OUT/ext/          document root of the external hosts (127.0.0.1:18081..18083 by default)
  OUT/pages.txt     URL paths of every HTML page of the site, breadth-first order
  OUT/broken.txt    the distinct broken link targets (absolute URLs), internal then external
  OUT/manifest.json counts (pages, links, distinct URLs, broken, depth, bytes)

Properties (checked at the end, the script fails otherwise):
  * every page is reachable from /index.html breadth-first within --max-depth (default 8);
  * every internal non-broken link target exists on disk;
  * ~1 % of link occurrences point to a fixed, seeded set of non-existent internal URLs,
    each of which is used at least once;
  * the same --pages/--seed give byte-identical output.
"""

import argparse
import json
import math
import os
import random
import re
import shutil
import sys
from collections import deque
from datetime import date, timedelta
from urllib.parse import urljoin, urlsplit

SITE_NAME = "某省交通运输厅"
SITE_CODE = "4200000021"
ICP = "鄂ICP备05003284号"
POLICE = "鄂公网安备 42010602000123号"
BASE_DATE = date(2025, 11, 20)  # fixed: output must not depend on today's date

# (path, name, class) — the paths are what a TRS portal of a 交通运输厅 typically uses.
COLUMNS = [
    ("xwzx/jtyw", "交通要闻", "news"),
    ("zwgk/tzgg", "通知公告", "notice"),
    ("xwzx/gzdt", "工作动态", "news"),
    ("zfxxgk/fdzdgknr/zcwj", "政策文件", "policy"),
    ("zcjd", "政策解读", "policy"),
    ("zfxxgk/fdzdgknr/rsxx", "人事信息", "personnel"),
    ("zfxxgk/fdzdgknr/ghjh", "规划计划", "planning"),
    ("zfxxgk/fdzdgknr/czzj", "财政预决算", "finance"),
    ("zfxxgk/fdzdgknr/tjxx", "统计数据", "statistics"),
    ("zwgk/yjgl", "应急管理", "news"),
    ("bsfw/bszn", "办事指南", "static"),
    ("bsfw/jggs", "结果公示", "notice"),
    ("cxfw/lkxx", "路况信息", "news"),
    ("xwzx/szdt", "市州动态", "news"),
    ("xwzx/mtjj", "媒体聚焦", "news"),
    ("xwzx/tpxw", "图片新闻", "news"),
    ("zfxxgk/zfxxgkzn", "政府信息公开指南", "disclosure"),
    ("zfxxgk/zfxxgkml", "政府信息公开目录", "disclosure"),
    ("zfxxgk/zfxxgknb", "政府信息公开年报", "disclosure"),
    ("zwgk/jgzn", "机构职能", "static"),
    ("hdjl/zxft", "在线访谈", "static"),
    ("hdjl/yjzj", "意见征集", "notice"),
    ("ztzl/aqsc", "安全生产专题", "static"),
    ("ztzl/ncgl", "四好农村路", "static"),
    ("zwgk/jyta", "建议提案办理", "notice"),
    ("zfxxgk/fdzdgknr/xzzf", "行政执法公示", "notice"),
    ("zfxxgk/fdzdgknr/zdxm", "重点项目", "notice"),
    ("xwzx/hyzx", "行业资讯", "news"),
    ("zwgk/sjfb", "数据发布", "statistics"),
    ("hdjl/hygq", "回应关切", "news"),
]
NAV_COLUMNS = 8          # columns in the top navigation bar of every page
PER_LIST = 20            # entries on a list page
ARTICLES_PER_COLUMN = 950
EXT_PAGES_PER_HOST = 200  # /ext/0.html .. /ext/199.html; those with k % 10 == 7 do not exist
STATIC_PAGES = [("about/wzdt.html", "网站地图"), ("about/lxwm.html", "联系我们"),
                ("about/mzsm.html", "免责声明")]
SHARED_RESOURCES = ["/css/common.css", "/css/style.css", "/js/jquery.min.js", "/js/common.js",
                    "/images/logo.png", "/images/dzjg.png", "/images/jiucuo.png", "/favicon.ico"]

# --- Chinese text -------------------------------------------------------------------------
SUBJ = ["省交通运输厅", "各市州交通运输局", "厅属各单位", "省公路事业发展中心", "省港航事业发展中心",
        "省道路运输事业发展中心", "厅安全监督处", "厅综合规划处", "省交通建设质量安全监督局",
        "厅直属机关党委", "各级交通运输主管部门", "省交通运输综合执法局", "厅科技教育处",
        "省高速公路联网收费中心", "厅财务审计处", "厅办公室"]
VERB = ["深入贯彻落实", "扎实推进", "持续加强", "全面部署", "认真组织开展", "统筹推进", "大力实施",
        "进一步规范", "切实做好", "稳步推进", "全力保障", "加快推进", "系统谋划", "严格落实"]
OBJ = ["安全生产专项整治三年行动", "四好农村路高质量发展", "交通运输服务保障工作", "高速公路路网运行监测",
       "普通国省道养护管理", "水运基础设施建设", "道路运输安全生产隐患排查", "交通强国建设试点任务",
       "营商环境优化提升行动", "综合运输服务示范城市创建", "交通运输执法领域突出问题专项整顿",
       "冬季恶劣天气应对准备", "春运组织和疫情防控", "政务公开和政务服务", "交通项目投融资改革",
       "农村客运公交化改造", "长江航道疏浚和港口岸线治理", "路长制工作机制", "桥梁隧道安全运行监测",
       "绿色交通和节能减排", "内河航运高质量发展", "治超联合执法", "汛期安全防范工作"]
TAIL = ["，确保各项工作取得实效。", "，为全省经济社会发展提供有力支撑。", "，切实增强人民群众获得感。",
        "，不断提升行业治理能力和水平。", "，推动各项任务落地见效。", "，坚决守住安全生产底线。",
        "，以实际行动迎接党的二十大胜利召开。", "，努力建设人民满意交通。",
        "，形成上下联动、齐抓共管的工作格局。", "，全年累计完成投资较上年同期增长百分之十二点三。",
        "，会议要求各单位压紧压实责任。", "，并对下一阶段工作作出具体安排。"]
LEAD = ["会议指出，", "会议强调，", "据悉，", "近日，", "今年以来，", "下一步，", "一是", "二是", "三是",
        "截至目前，", "与此同时，", "按照省委省政府部署，", ""]
TITLE_T = ["关于{v}{o}的通知", "{s}召开{o}推进会", "{s}{v}{o}", "关于印发《{o}实施方案》的通知",
           "{s}组织开展{o}专项检查", "关于{o}有关情况的公示", "{o}工作取得阶段性成效",
           "关于公开征求《{o}管理办法（征求意见稿）》意见的公告", "{s}部署{o}"]


def make_paragraph(rng):
    n = rng.randint(3, 6)
    parts = []
    for _ in range(n):
        parts.append(rng.choice(LEAD) + rng.choice(SUBJ) + rng.choice(VERB) + rng.choice(OBJ) +
                     rng.choice(TAIL))
    return "".join(parts)


def make_title(rng):
    return rng.choice(TITLE_T).format(s=rng.choice(SUBJ), v=rng.choice(VERB), o=rng.choice(OBJ))


# --- tiny binary files -----------------------------------------------------------------------
# A valid 1x1 grey JPEG.
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c"
    "1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0"
    "000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bff"
    "c400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a10823"
    "42b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a5354555657"
    "58595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aa"
    "b2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8"
    "f9faffda0008010100003f00fbd3ffd9")
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082")


def pdf_bytes(tag):
    body = (f"%PDF-1.4\n% sitepatrol bench {tag}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
            "trailer<</Root 1 0 R>>\n%%EOF\n")
    return body.encode()


# --- HTML boilerplate -------------------------------------------------------------------------
STYLE = """<style type="text/css">
.gl_top{width:100%;height:36px;background:#f5f5f5;border-bottom:1px solid #e5e5e5;}
.gl_top .w1200{width:1200px;margin:0 auto;line-height:36px;font-size:14px;color:#666;}
.nav{background:#0b5aa5;height:52px;} .nav li{float:left;width:140px;text-align:center;}
.nav li a{color:#fff;font-size:18px;line-height:52px;display:block;} .nav li a:hover{background:#08447e;}
.list_con li{border-bottom:1px dashed #ddd;height:44px;line-height:44px;font-size:16px;}
.list_con li span{float:right;color:#999;} .page{text-align:center;padding:20px 0;}
.article h1{font-size:26px;color:#0b5aa5;text-align:center;line-height:40px;}
.article .info{text-align:center;border-bottom:1px solid #ddd;color:#666;padding:10px 0;}
.TRS_Editor p{text-indent:2em;font-size:16px;line-height:2;margin:10px 0;}
.footer{background:#0b5aa5;color:#fff;padding:20px 0;font-size:14px;line-height:28px;}
</style>"""

SCRIPT = """<script type="text/javascript">
var _hmt = _hmt || [];
function setHomepage(){ try{ document.body.style.behavior='url(#default#homepage)'; }catch(e){} }
function doZoom(size){ var el=document.getElementById('zoom'); if(el){ el.style.fontSize=size+'px'; } }
$(function(){ $('.nav li').hover(function(){ $(this).addClass('on'); },function(){ $(this).removeClass('on'); });
  $('#searchword').focus(function(){ if(this.value=='请输入关键字'){ this.value=''; } }); });
</script>"""


class Gen:
    def __init__(self, n, seed, ext_bases):
        self.n = n
        self.rng = random.Random(seed)
        self.ext_bases = ext_bases
        self.paras = [make_paragraph(self.rng) for _ in range(3000)]
        self.plan()

    # --- allocation of pages to columns -------------------------------------------------------
    def plan(self):
        rng = self.rng
        n_fixed = 1 + len(STATIC_PAGES)
        if self.n < n_fixed + 4 * 2:
            sys.exit(f"--pages must be at least {n_fixed + 8}")
        rest = self.n - n_fixed
        ncol = max(4, min(len(COLUMNS), math.ceil(rest / ARTICLES_PER_COLUMN)))
        self.columns = []
        aid = 5000000
        for c in range(ncol):
            path, name, klass = COLUMNS[c]
            pages_c = rest // ncol + (1 if c < rest % ncol else 0)
            nlist = max(1, math.ceil(pages_c / (PER_LIST + 1)))
            nart = pages_c - nlist
            gap = max(1, 1800 // max(1, nart))
            arts = []
            d = BASE_DATE - timedelta(days=c)
            for i in range(nart):
                if i:
                    d -= timedelta(days=rng.randint(0, 2 * gap))
                aid += 1
                ym = d.strftime("%Y%m")
                arts.append({"id": aid, "date": d, "title": make_title(rng),
                             "path": f"/{path}/{ym}/t{d.strftime('%Y%m%d')}_{aid}.html"})
            # articles are spread evenly over the list pages
            lists = []
            for k in range(nlist):
                lo, hi = nart * k // nlist, nart * (k + 1) // nlist
                lists.append({"path": f"/{path}/index.html" if k == 0 else f"/{path}/index_{k}.html",
                              "k": k, "items": list(range(lo, hi))})
            # pagination window wide enough that the last list page is <= 5 hops from index.html
            window = max(6, math.ceil((nlist - 1) / 5))
            self.columns.append({"i": c, "path": path, "name": name, "class": klass,
                                 "arts": arts, "lists": lists, "window": window})

        # all pages in a fixed order
        self.pages = ["/index.html"] + ["/" + p for p, _ in STATIC_PAGES]
        for col in self.columns:
            self.pages += [l["path"] for l in col["lists"]]
            self.pages += [a["path"] for a in col["arts"]]
        assert len(self.pages) == self.n, (len(self.pages), self.n)
        self.page_set = set(self.pages)

        # deterministic set of broken internal targets (deleted articles, missing attachments/images)
        nbroken = max(10, round(self.n / 100))
        self.broken = []
        seen = set()
        while len(self.broken) < nbroken:
            col = rng.choice(self.columns)
            a = rng.choice(col["arts"]) if col["arts"] else None
            d = a["date"] if a else BASE_DATE
            ym, ymd = d.strftime("%Y%m"), d.strftime("%Y%m%d")
            kind = rng.random()
            bid = rng.randint(100000, 999999)
            if kind < 0.6:
                p = f"/{col['path']}/{ym}/t{ymd}_{bid}.html"
            elif kind < 0.85:
                p = f"/{col['path']}/{ym}/P0{ymd}{bid}.pdf"
            else:
                p = f"/images/old/W0{ymd}{bid}.jpg"
            if p in seen or p in self.page_set:
                continue
            seen.add(p)
            self.broken.append(p)
        rng.shuffle(self.broken)
        self.broken_next = 0

        # external pages: k % 10 == 7 missing on every external host
        self.ext_missing = lambda k: k % 10 == 7

    # --- page parts ---------------------------------------------------------------------------
    def head(self, title, metas):
        m = "\n".join(f'<meta name="{k}" content="{v}">' for k, v in metas)
        return (f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}</title>
<meta name="SiteName" content="{SITE_NAME}">
<meta name="SiteDomain" content="jtt.example.gov.cn">
<meta name="SiteIDCode" content="{SITE_CODE}">
{m}
<link rel="shortcut icon" href="/favicon.ico">
<link rel="stylesheet" type="text/css" href="/css/common.css">
<link rel="stylesheet" type="text/css" href="/css/style.css">
<script type="text/javascript" src="/js/jquery.min.js"></script>
<script type="text/javascript" src="/js/common.js"></script>
{STYLE}
</head>
<body>
""")

    def header(self):
        nav = "\n".join(f'<li><a href="/{c["path"]}/index.html" target="_self">{c["name"]}</a></li>'
                        for c in self.columns[:NAV_COLUMNS])
        return f"""<div class="gl_top"><div class="w1200">
<span class="fl">欢迎访问{SITE_NAME}门户网站！今天是<span id="today"></span></span>
<span class="fr"><a href="javascript:void(0)" onclick="setHomepage()">设为首页</a> | <a href="/about/wzdt.html">网站地图</a> | <a href="javascript:void(0)" id="wza">无障碍</a> | <a href="javascript:void(0)" onclick="doZoom(18)">大字</a></span>
</div></div>
<div class="header"><div class="w1200">
<a href="/index.html" class="logo"><img src="/images/logo.png" alt="{SITE_NAME}" width="520" height="80"></a>
<form name="searchform" action="/search/index.html" method="get" target="_blank" class="search">
<input type="text" name="searchword" id="searchword" value="请输入关键字"><input type="submit" value="搜索" class="btn">
</form></div></div>
<div class="nav"><ul class="w1200">
<li class="first"><a href="/index.html">首页</a></li>
{nav}
</ul></div>
"""

    def footer(self):
        e = self.ext_bases
        links = "\n".join(f'<option value="{b}/">{nm}</option>' for b, nm in
                          zip(e, ["中华人民共和国交通运输部", "中国政府网", "省人民政府门户网站"]))
        friend = " ".join(f'<a href="{b}/" target="_blank">{nm}</a>' for b, nm in
                          zip(e, ["交通运输部", "中国政府网", "省政府门户网站"]))
        return f"""<div class="links w1200"><span>友情链接：</span>{friend}
<select onchange="window.open(this.value)"><option>—— 政府网站 ——</option>{links}</select></div>
<div class="footer"><div class="w1200">
<p><a href="/about/lxwm.html">联系我们</a> | <a href="/about/wzdt.html">网站地图</a> | <a href="/about/mzsm.html">免责声明</a></p>
<p>主办单位：{SITE_NAME}　承办单位：{SITE_NAME}信息中心　地址：某省某市某区某路XX号　邮编：430000</p>
<p>网站标识码：{SITE_CODE}　<span>{ICP}</span>　<img src="/images/jiucuo.png" alt="政府网站找错" width="110" height="55">　{POLICE}</p>
<p><a href="{e[-1]}/" target="_blank"><img src="/images/dzjg.png" alt="党政机关" width="47" height="60"></a>　建议使用1920×1080分辨率 IE9及以上版本浏览器</p>
</div></div>
{SCRIPT}
</body>
</html>
"""

    def fill(self, size_so_far, target):
        rng, out = self.rng, []
        while size_so_far < target:
            p = rng.choice(self.paras)
            out.append(f"<p>{p}</p>")
            size_so_far += len(p.encode()) + 8
        return "\n".join(out)

    def next_broken(self):
        b = self.broken[self.broken_next % len(self.broken)]
        self.broken_next += 1
        return b

    def ext_link(self):
        rng = self.rng
        h = rng.randrange(len(self.ext_bases))
        k = rng.randrange(EXT_PAGES_PER_HOST)
        return f"{self.ext_bases[h]}/ext/{k}.html"

    # --- pages --------------------------------------------------------------------------------
    def home(self):
        rng = self.rng
        colblock = "\n".join(f'<li><a href="/{c["path"]}/index.html">{c["name"]}</a></li>'
                             for c in self.columns)
        blocks = []
        for c in self.columns[:10]:
            items = "\n".join(
                f'<li><a href="{a["path"]}" target="_blank" title="{a["title"]}">{a["title"]}</a>'
                f'<span>{a["date"].isoformat()}</span></li>' for a in c["arts"][:3])
            blocks.append(f'<div class="box"><h3><a href="/{c["path"]}/index.html">{c["name"]}</a>'
                          f'<a href="/{c["path"]}/index.html" class="more">更多&gt;&gt;</a></h3>'
                          f'<ul class="list_con">{items}</ul></div>')
        body = (f'<div class="w1200 main">\n<div class="banner"><img src="/images/logo.png" alt="banner"></div>\n'
                + "\n".join(blocks) + f'\n<div class="lanmu"><h3>栏目导航</h3><ul>{colblock}</ul></div>\n</div>\n')
        h = self.head(SITE_NAME, [("ColumnName", "首页"), ("ColumnType", "首页")])
        s = h + self.header() + body
        s += '<div class="w1200 intro">' + self.fill(len(s.encode()) + 1500, rng.randint(9000, 13000)) + "</div>\n"
        return s + self.footer()

    def static_page(self, path, title):
        rng = self.rng
        if path.endswith("wzdt.html"):
            body = "<ul>" + "\n".join(f'<li><a href="/{c["path"]}/index.html">{c["name"]}</a></li>'
                                      for c in self.columns) + "</ul>"
        else:
            body = f"<h1>{title}</h1>"
        h = self.head(f"{title}_{SITE_NAME}", [("ColumnName", title), ("ColumnType", "静态页面")])
        s = h + self.header() + f'<div class="w1200 main">{body}\n'
        s += self.fill(len(s.encode()) + 1500, rng.randint(8000, 10000)) + "</div>\n"
        return s + self.footer()

    def list_page(self, col, lst):
        rng = self.rng
        k, nlist, w = lst["k"], len(col["lists"]), col["window"]

        def lp(j):  # relative link to list page j, as TRS writes them
            return "./index.html" if j == 0 else f"./index_{j}.html"
        items = []
        for i in lst["items"]:
            a = col["arts"][i]
            rel = "./" + a["path"].split("/", 2 + col["path"].count("/"))[-1]
            items.append(f'<li><a href="{rel}" target="_blank" title="{a["title"]}">{a["title"]}</a>'
                         f'<span>{a["date"].isoformat()}</span></li>')
        if not items:
            items.append("<li>暂无信息</li>")
        pg = [f'<a href="{lp(0)}">首页</a>']
        if k > 0:
            pg.append(f'<a href="{lp(k - 1)}">上一页</a>')
        for j in range(max(0, k - 4), min(nlist, k + w + 1)):
            pg.append(f"<span>{j + 1}</span>" if j == k else f'<a href="{lp(j)}">{j + 1}</a>')
        if k < nlist - 1:
            pg.append(f'<a href="{lp(k + 1)}">下一页</a>')
        pg.append(f'<a href="{lp(nlist - 1)}">尾页</a>')
        h = self.head(f"{col['name']}_{SITE_NAME}", [("ColumnName", col["name"]),
                                                      ("ColumnType", col["class"])])
        s = (h + self.header() +
             f'<div class="w1200 main"><div class="position">当前位置：<a href="/index.html">首页</a> &gt; '
             f'<a href="./index.html">{col["name"]}</a></div>\n'
             f'<div class="list_con"><ul>\n' + "\n".join(items) + "\n</ul></div>\n"
             f'<div class="page">' + " ".join(pg) + f' 共{nlist}页</div>\n')
        s += '<div class="intro"><h3>栏目简介</h3>' + self.fill(len(s.encode()) + 1500, rng.randint(8000, 10000)) + "</div></div>\n"
        return s + self.footer()

    def article(self, col, i, files):
        rng = self.rng
        a = col["arts"][i]
        d, ymd = a["date"], a["date"].strftime("%Y%m%d")
        ym = d.strftime("%Y%m")
        extra = []
        # images
        for j in range(2 if rng.random() < 0.1 else (1 if rng.random() < 0.4 else 0)):
            img = f"W0{ymd}{a['id']}{j}.jpg"
            files[f"/{col['path']}/{ym}/{img}"] = JPEG
            extra.append(f'<p style="text-align:center"><img src="./{img}" alt="{a["title"]}" width="600"></p>')
        # attachments
        r = rng.random()
        if r < 0.12:
            f = f"P0{ymd}{a['id']}.pdf"
            files[f"/{col['path']}/{ym}/{f}"] = pdf_bytes(a["id"])
            extra.append(f'<p>附件：<a href="./{f}" target="_blank">{a["title"]}.pdf</a></p>')
        elif r < 0.17:
            ext = rng.choice(["doc", "xls", "docx"])
            f = f"P0{ymd}{a['id']}.{ext}"
            files[f"/{col['path']}/{ym}/{f}"] = f"sitepatrol bench attachment {a['id']}\n".encode()
            extra.append(f'<p>附件：<a href="./{f}" target="_blank">附件1：申请表.{ext}</a></p>')
        # a broken link on ~30 % of the articles
        if rng.random() < 0.3:
            b = self.next_broken()
            extra.append(f'<p>相关文件：<a href="{b}" target="_blank">{make_title(rng)}</a></p>')
        # an external link on ~15 %
        if rng.random() < 0.15:
            extra.append(f'<p>来源链接：<a href="{self.ext_link()}" target="_blank">{rng.choice(SUBJ)}</a></p>')
        # related articles of the same column (relative ../yyyymm/...)
        rel = []
        for _ in range(3):
            o = col["arts"][rng.randrange(len(col["arts"]))]
            tail = o["path"].rsplit("/", 2)
            rel.append(f'<li><a href="../{tail[-2]}/{tail[-1]}" title="{o["title"]}">{o["title"]}</a></li>')
        prev_a = col["arts"][i - 1]["path"] if i > 0 else None
        next_a = col["arts"][i + 1]["path"] if i + 1 < len(col["arts"]) else None
        pn = ('<div class="pn">' +
              (f'<p>上一篇：<a href="{prev_a}">{col["arts"][i - 1]["title"]}</a></p>' if prev_a else "<p>上一篇：没有了</p>") +
              (f'<p>下一篇：<a href="{next_a}">{col["arts"][i + 1]["title"]}</a></p>' if next_a else "<p>下一篇：没有了</p>") +
              "</div>")
        src = rng.choice(SUBJ)
        h = self.head(f"{a['title']}_{col['name']}_{SITE_NAME}", [
            ("ColumnName", col["name"]), ("ColumnType", col["class"]),
            ("ArticleTitle", a["title"]), ("PubDate", f"{d.isoformat()} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}"),
            ("ContentSource", src), ("Keywords", rng.choice(OBJ)), ("Description", a["title"])])
        s = (h + self.header() +
             f'<div class="w1200 main"><div class="position">当前位置：<a href="/index.html">首页</a> &gt; '
             f'<a href="../index.html">{col["name"]}</a> &gt; 正文</div>\n'
             f'<div class="article"><h1>{a["title"]}</h1>\n'
             f'<div class="info">发布时间：{d.isoformat()}　来源：{src}　浏览次数：<span id="hits">{rng.randint(10, 9999)}</span>'
             f'　【字体：<a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>\n'
             f'<div class="TRS_Editor" id="zoom">\n')
        tail = ("\n".join(extra) + "\n</div>\n" + pn +
                f'<div class="related"><h3>相关文章</h3><ul>{"".join(rel)}</ul></div></div></div>\n' + self.footer())
        target = rng.randint(8200, 15000)
        body = self.fill(len(s.encode()) + len(tail.encode()), target)
        return s + body + "\n" + tail

    # --- whole site ---------------------------------------------------------------------------
    def write(self, out):
        main, ext = os.path.join(out, "main"), os.path.join(out, "ext")
        for d in (main, ext):
            if os.path.isdir(d):
                shutil.rmtree(d)
        made = set()

        def put(path, data):
            full = main + path
            dr = os.path.dirname(full)
            if dr not in made:
                os.makedirs(dr, exist_ok=True)
                made.add(dr)
            with open(full, "wb") as f:
                f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

        files = {}
        html = {}
        html["/index.html"] = self.home()
        for p, t in STATIC_PAGES:
            html["/" + p] = self.static_page(p, t)
        for col in self.columns:
            for lst in col["lists"]:
                html[lst["path"]] = self.list_page(col, lst)
            for i in range(len(col["arts"])):
                html[col["arts"][i]["path"]] = self.article(col, i, files)
        files["/css/common.css"] = b"body{margin:0;padding:0;font-family:'Microsoft YaHei';}\n"
        files["/css/style.css"] = STYLE.encode()
        files["/js/jquery.min.js"] = b"/*! jQuery stand-in for the sitepatrol bench */ window.$=window.$||function(){};\n"
        files["/js/common.js"] = b"document.getElementById&&0;\n"
        files["/images/logo.png"] = PNG
        files["/images/dzjg.png"] = PNG
        files["/images/jiucuo.png"] = PNG
        files["/favicon.ico"] = PNG
        files["/search/index.html"] = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>站内搜索</title>"
                                       "</head><body><p>站内搜索</p></body></html>\n").encode()
        for p, data in files.items():
            put(p, data)
        total_bytes = 0
        for p in self.pages:
            b = html[p].encode("utf-8")
            total_bytes += len(b)
            put(p, b)
        # external site: leaf pages only
        os.makedirs(os.path.join(ext, "ext"), exist_ok=True)
        with open(os.path.join(ext, "index.html"), "w", encoding="utf-8") as f:
            f.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>外部网站</title></head>"
                    "<body><p>外部网站首页</p></body></html>\n")
        for k in range(EXT_PAGES_PER_HOST):
            if self.ext_missing(k):
                continue
            with open(os.path.join(ext, "ext", f"{k}.html"), "w", encoding="utf-8") as f:
                f.write(f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>外部页面{k}</title></head>"
                        f"<body><p>外部页面 {k}</p></body></html>\n")
        return html, files, total_bytes

    def verify(self, html, files, max_depth):
        """Re-read the links of every page like a crawler would, check reachability and count."""
        link_re = re.compile(r'<(?:a|img|link|script|iframe)\b[^>]*?\b(?:href|src)="([^"]*)"')
        base = "http://site.invalid"
        exist = set(html) | set(files)
        occurrences = 0
        distinct = set()
        broken_int, broken_ext, ext_used = set(), set(), set()
        graph = {}
        for p, text in html.items():
            out = []
            for v in link_re.findall(text):
                if v.startswith("javascript:") or v.startswith("#"):
                    continue
                occurrences += 1
                u = urljoin(base + p, v)
                distinct.add(u)
                if u.startswith(base):
                    path = urlsplit(u).path
                    if path not in exist:
                        broken_int.add(path)
                    elif path in html:
                        out.append(path)
                else:
                    ext_used.add(u)
                    sp = urlsplit(u)
                    if sp.path.startswith("/ext/"):
                        k = int(sp.path[5:-5])
                        if self.ext_missing(k):
                            broken_ext.add(u)
            graph[p] = out
        unexpected = broken_int - set(self.broken)
        if unexpected:
            sys.exit(f"generator bug: unintended broken links {sorted(unexpected)[:5]}")
        depth = {"/index.html": 0}
        q = deque(["/index.html"])
        while q:
            p = q.popleft()
            for t in graph[p]:
                if t not in depth:
                    depth[t] = depth[p] + 1
                    q.append(t)
        unreached = [p for p in html if p not in depth]
        if unreached:
            sys.exit(f"generator bug: {len(unreached)} pages unreachable, e.g. {unreached[:3]}")
        maxd = max(depth.values())
        if maxd > max_depth:
            sys.exit(f"generator bug: page depth {maxd} > {max_depth}")
        return {"links": occurrences, "distinct_urls": len(distinct), "broken_internal": sorted(broken_int),
                "broken_external": sorted(broken_ext), "external_urls": len(ext_used), "max_depth": maxd,
                "order": sorted(html, key=lambda p: depth[p])}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", "-n", type=int, default=20000, help="HTML pages of the site (default 20000)")
    ap.add_argument("--out", "-o", default="bench/work/site", help="output directory (default bench/work/site)")
    ap.add_argument("--seed", type=int, default=20251120)
    ap.add_argument("--base-url", default="http://127.0.0.1:18080",
                    help="where the site will be served; used only for broken.txt")
    ap.add_argument("--ext-ports", default="18081,18082,18083",
                    help="loopback ports of the external hosts (comma separated)")
    ap.add_argument("--max-depth", type=int, default=8)
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args()

    ext_bases = [f"http://127.0.0.1:{p.strip()}" for p in args.ext_ports.split(",") if p.strip()]
    g = Gen(args.pages, args.seed, ext_bases)
    os.makedirs(args.out, exist_ok=True)
    html, files, total_bytes = g.write(args.out)
    v = g.verify(html, files, args.max_depth)
    base = args.base_url.rstrip("/")
    with open(os.path.join(args.out, "pages.txt"), "w") as f:
        f.write("\n".join(v["order"]) + "\n")
    with open(os.path.join(args.out, "broken.txt"), "w") as f:
        f.write("".join(base + p + "\n" for p in v["broken_internal"]))
        f.write("".join(u + "\n" for u in v["broken_external"]))
    summary = {
        "pages": len(html), "files": len(files), "links": v["links"], "distinct_urls": v["distinct_urls"],
        "broken_internal": len(v["broken_internal"]), "broken_external": len(v["broken_external"]),
        "broken_total": len(v["broken_internal"]) + len(v["broken_external"]),
        "external_urls": v["external_urls"], "max_depth": v["max_depth"],
        "html_bytes": total_bytes, "avg_page_bytes": total_bytes // len(html),
        "columns": len(g.columns), "seed": args.seed, "base_url": base, "ext_bases": ext_bases,
    }
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(summary, f, indent=1, ensure_ascii=False)
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"pages {summary['pages']}  links {summary['links']}  distinct URLs {summary['distinct_urls']}  "
              f"other files {summary['files']}")
        print(f"distinct broken URLs {summary['broken_total']} (internal {summary['broken_internal']}, "
              f"external {summary['broken_external']})  max depth {summary['max_depth']}  "
              f"avg page {summary['avg_page_bytes']} B  total HTML {total_bytes / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
