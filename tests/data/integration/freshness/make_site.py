#!/usr/bin/env python3
"""Writes the freshness fixture site (tests/integration/freshness_test.cpp) into site/.

A local transport department's site judged as of 2026-11-25 (Beijing time). Fifteen columns
over two navigation levels (the homepage, 政府信息公开 and 办事服务), in the three CMS list
styles, one in GBK. Planted: see PLANTED.md. Run it again after editing; the output is
committed so the test needs no Python.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "site")

NAV = """<div class="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/jgzn/">机构职能</a></li>
<li><a href="/gzdt/">工作动态</a></li><li><a href="/tzgg/">通知公告</a></li>
<li><a href="/zwgk/">政府信息公开</a></li><li><a href="/bsfw/">办事服务</a></li>
<li><a href="/rsxx/">人事信息</a></li><li><a href="/yjgl/list.gbk.html">应急管理</a></li>
<li><a href="/zcfg/">政策法规</a></li></ul></div>"""

FOOTER = """<div class="footer"><p>版权所有 © 2012 示范县交通运输局 网站标识码：4300000099</p>
<p>更新时间：2026-11-24 <a href="/wzdt.html">网站地图</a></p></div>"""


def page(path, title, body, column=None, charset="utf-8", extra_meta=""):
    meta = f'<meta charset="{charset}">'
    if column:
        meta += f'<meta name="ColumnName" content="{column}"><meta name="ColumnType" content="{column}">'
    html = (f"<!DOCTYPE html><html><head>{meta}{extra_meta}<title>{title}_示范县交通运输局</title>"
            f"</head><body>{NAV}<div class=\"main\">{body}</div>{FOOTER}</body></html>\n")
    target = os.path.join(ROOT, path.lstrip("/"))
    if target.endswith("/"):
        target += "index.html"
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as f:
        # GBK has no ©: the copyright sign is written as an entity there.
        f.write(html.replace("©", "&copy;").encode("gbk") if charset == "gbk" else html.encode("utf-8"))


def ul(items):  # TRS: ul > li > a + span
    rows = "".join(f'<li><a href="{u}">{t}</a><span class="date">{d}</span></li>' for u, t, d in items)
    return f'<ul class="list">{rows}</ul>'


def table(items):  # Hanweb: tr > td > a, td > date
    rows = "".join(f'<tr><td class="bt"><a href="{u}">{t}</a></td><td class="rq">{d}</td></tr>'
                   for u, t, d in items)
    return f'<table class="art_list">{rows}</table>'


def dl(items):  # 开普云: dl > dt > a, dd > date
    return "".join(f'<dl><dt><a href="{u}">{t}</a></dt><dd>{d}</dd></dl>' for u, t, d in items)


# The homepage: news updated five days ago. A calendar and the footer carry later dates.
page("/", "首页", """
<div class="news"><h2>工作动态</h2>""" + ul([
    ("/gzdt/202611/t20261120_501.html", "县交通运输局部署冬季道路安全工作", "2026-11-20"),
    ("/gzdt/202611/t20261112_498.html", "农村公路养护工作推进会召开", "2026-11-12"),
    ("/tzgg/202603/t20260301_120.html", "关于春运期间道路运输安全的通知", "2026-03-01")]) + """</div>
<table class="calendar"><tr><td><a href="/rili/2026-11-24">2026-11-24</a></td></tr></table>
""", extra_meta='<meta name="SiteName" content="示范县交通运输局"><meta name="SiteDomain" '
               'content="www.site.example"><meta name="SiteIDCode" content="4300000099">')

# Static: 机构职能, an old page with an old date in its text (decoy: static is never stale).
page("/jgzn/", "机构职能", "<h1>机构职能</h1><p>根据县人民政府2012年3月5日印发的“三定”方案，"
     "县交通运输局负责全县公路、水路交通运输行业管理。</p>", column="机构职能")

# News, fresh at the edge: newest 2026-11-12, 13 days old. Page two is its pagination.
page("/gzdt/", "工作动态", ul([
    ("/gzdt/202611/t20261112_498.html", "农村公路养护工作推进会召开", "2026-11-12"),
    ("/gzdt/202611/t20261105_490.html", "县局开展交通安全宣传进校园活动", "2026-11-05"),
    ("/gzdt/202610/t20261028_480.html", "国庆假期道路运输平稳有序", "2026-10-28")])
     + '<div class="page"><a href="index_1.html">下一页</a></div>', column="工作动态")
page("/gzdt/index_1.html", "工作动态", ul([
    ("/gzdt/202609/t20260915_450.html", "中秋节前安全生产检查", "2026-09-15"),
    ("/gzdt/202609/t20260903_441.html", "新学期校车安全检查", "2026-09-03")]), column="工作动态")

# Notices, stale: newest [03-01], its year from the URL (2026), 269 days against 180.
page("/tzgg/", "通知公告", ul([
    ("/tzgg/202603/t20260301_120.html", "关于春运期间道路运输安全的通知", "[03-01]"),
    ("/tzgg/202601/t20260115_101.html", "关于做好2026年元旦春节期间工作的通知", "[01-15]")]),
     column="通知公告")

# The second navigation level: 政府信息公开.
page("/zwgk/", "政府信息公开", """<div class="zwgk-nav"><ul>
<li><a href="/zwgk/zn/">政府信息公开指南</a></li><li><a href="/zwgk/ml/">政府信息公开目录</a></li>
<li><a href="/zwgk/nb/">政府信息公开年报</a></li><li><a href="/zwgk/ghjh/">规划计划</a></li>
<li><a href="/zwgk/czyjs/">财政预决算</a></li></ul></div>""")
# The guide: a document with a PubDate meta tag (fresh within 365 days).
page("/zwgk/zn/", "政府信息公开指南", "<h1>示范县交通运输局政府信息公开指南</h1>"
     "<p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。</p>",
     column="政府信息公开指南", extra_meta='<meta name="PubDate" content="2026-02-01 09:00">')
# The catalogue: 开普云 style with 年月日 dates.
page("/zwgk/ml/", "政府信息公开目录", dl([
    ("/zwgk/ml/202610/t20261008_77.html", "2026年第三季度行政许可统计", "2026年10月8日"),
    ("/zwgk/ml/202607/t20260710_70.html", "2026年上半年工作总结", "2026年7月10日")]),
     column="政府信息公开目录")
# The annual report: a document dated in Chinese numerals only.
page("/zwgk/nb/", "政府信息公开年报", "<h1>示范县交通运输局2025年政府信息公开工作年度报告</h1>"
     "<p>本报告由示范县交通运输局编制。</p><p class=\"date\">二〇二六年三月十五日</p>",
     column="政府信息公开年报")
# Planning: blank, with a placeholder.
page("/zwgk/ghjh/", "规划计划", '<div class="list"><p>暂无信息</p></div>', column="规划计划")
# Budgets: entries without any date (undated counts as not updated).
page("/zwgk/czyjs/", "财政预决算", ul([
    ("/zwgk/czyjs/2026ys.html", "示范县交通运输局2026年部门预算公开说明", ""),
    ("/zwgk/czyjs/2025js.html", "示范县交通运输局2025年部门决算公开说明", "")]), column="财政预决算")

# The second navigation level: 办事服务 (static service pages).
page("/bsfw/", "办事服务", """<div class="bsfw-nav"><ul>
<li><a href="/bsfw/bszn/">办事指南</a></li><li><a href="/bsfw/zxsb/">在线申报</a></li>
<li><a href="/bsfw/ztcx/">办理状态查询</a></li><li><a href="/bsfw/jggs/">结果公示</a></li>
</ul></div>""", column="办事服务")
page("/bsfw/bszn/", "办事指南", "<h1>办事指南</h1><p>道路运输经营许可：申请条件、所需材料、办理流程、"
     "办理时限、收费标准，请携带材料到县政务服务中心交通窗口办理。</p>", column="办事指南")
page("/bsfw/zxsb/", "在线申报", "<h1>在线申报</h1><p>请登录省政务服务网办理道路运输许可在线申报。</p>",
     column="在线申报")
page("/bsfw/ztcx/", "办理状态查询", "<h1>办理状态查询</h1><p>输入受理编号查询办理进度。</p>",
     column="办理状态查询")
# Results: a list column that lists nothing.
page("/bsfw/jggs/", "结果公示", '<div class="list"><ul class="list"></ul></div>', column="结果公示")

# Personnel, stale: newest 2025-08-01 against 365 days.
page("/rsxx/", "人事信息", ul([
    ("/rsxx/202508/t20250801_33.html", "2025年公开招聘工作人员拟聘用人员公示", "2025-08-01"),
    ("/rsxx/202503/t20250320_30.html", "干部任前公示", "2025-03-20")]), column="人事信息")

# Emergencies (class news), stale at the edge: newest 2026-11-10, 15 days; Hanweb table, GBK
# (the fixture server sends *.gbk.html as charset=gbk).
page("/yjgl/list.gbk.html", "应急管理", table([
    ("/art/2026/11/10/art_9_301.html", "县交通运输局开展冬季应急演练", "2026-11-10"),
    ("/art/2026/10/20/art_9_290.html", "防汛抗旱应急预案修订", "2026-10-20")]),
     column="应急管理", charset="gbk")

# Policy: fresh within 180 days.
page("/zcfg/", "政策法规", ul([
    ("/zcfg/202607/t20260701_12.html", "示范县农村公路管理办法", "2026-07-01")]), column="政策法规")

# The site map: not a column (its name is in no dictionary entry).
page("/wzdt.html", "网站地图", "<p>网站地图</p>")
