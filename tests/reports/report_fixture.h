// A store filled by the test for the report tests: four sites of three units and four
// categories, two months (2026-10 and 2026-11, two runs each), every finding code of
// docs/codes.md, findings that are new, open, resolved and back, attachments that open and
// fail, and a page titled <script>alert(1)</script>. Test-only; one thread.
//
// What the verdicts of 2026-11 must be (the golden files show them):
//   hb-jtt   不合格: 5 stale news/notice/policy columns (configured classes)
//   js-jtt   不合格: unreachable in 1 of 2 runs, dark link, spam, unanswered message
//   cj-msa   合格 with early warnings (2 blank columns)
//   kys      不合格: AVAIL-RATIO, homepage not updated, tampering
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "config/config.h"
#include "reports/report_load.h"
#include "store/store.h"
#include "tests/store/store_fixture.h"

namespace sitepatrol::reports::testing {

using checks::Severity;
using store::testing::TempDir;

inline constexpr const char* kScriptTitle = "<script>alert(1)</script>";
// issue 14: 办事指南.pdf percent-encoded, as the crawler stores it; linked from every page of
// hb-jtt in November. The bszn.doc link on bsfw/ has a hostile text.
inline constexpr const char* kFooterFile =
    "files/%E5%8A%9E%E4%BA%8B%E6%8C%87%E5%8D%97.pdf";
inline constexpr const char* kHostileLinkText =
    "=HYPERLINK(\"http://evil.example\")<script>alert(3)</script>";

inline config::SiteConfig fixture_site(std::string id, std::string name, std::string url,
                                       std::string category, std::string unit) {
  config::SiteConfig s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.url = std::move(url);
  s.category = std::move(category);
  s.unit = std::move(unit);
  return s;
}

inline config::Config fixture_config() {
  config::Config c;
  auto hb = fixture_site("hb-jtt", "湖北省交通运输厅", "http://jtt.hb.example/", "local",
                         "地方交通运输主管部门");
  const char* classes[] = {"news", "notice", "policy", "news", "notice", "personnel"};
  for (int i = 0; i < 6; ++i) {
    hb.columns.push_back(config::ColumnConfig{
        "栏目" + std::to_string(i + 1), "http://jtt.hb.example/col" + std::to_string(i + 1) + "/",
        classes[i], std::nullopt, ""});
  }
  hb.baseline.disclosure = 0.60;
  c.sites.push_back(hb);
  c.sites.push_back(fixture_site("js-jtt", "江苏省交通运输厅", "http://jtt.js.example/", "local",
                                 "地方交通运输主管部门"));
  c.sites.push_back(fixture_site("cj-msa", "长江海事局", "https://www.cjmsa.example/", "maritime",
                                 "直属海事机构"));
  c.sites.push_back(fixture_site("kys", "交通运输部科学研究院", "http://www.kys.example/",
                                 "ministry_unit", "部属有关单位"));
  return c;
}

inline checks::Finding f(std::string site, std::string code, Severity severity, std::string subject,
                         std::string page, std::string detail) {
  return checks::Finding{std::move(site),    std::move(code), severity,
                         std::move(subject), std::move(page), std::move(detail)};
}

// The same with its detail as the checks give it: a code and values (issue 14).
inline checks::Finding f(std::string site, std::string code, Severity severity, std::string subject,
                         std::string page, std::string detail, std::string detail_code,
                         checks::DetailArgs args) {
  checks::Finding out = f(std::move(site), std::move(code), severity, std::move(subject),
                          std::move(page), std::move(detail));
  out.detail_code = std::move(detail_code);
  out.detail_args = std::move(args);
  return out;
}

// The findings each run saves: month 0 is 2026-10, month 1 is 2026-11; run 0 or 1 of it.
inline std::vector<checks::Finding> fixture_findings(int month, int run) {
  const std::string hb = "http://jtt.hb.example/";
  const std::string js = "http://jtt.js.example/";
  const std::string cj = "https://www.cjmsa.example/";
  const std::string ky = "http://www.kys.example/";
  std::vector<checks::Finding> out;
  // hb-jtt: five stale key columns all along; a broken PDF resolved in November.
  for (int i = 1; i <= 5; ++i) {
    const std::string date = "2026-03-0" + std::to_string(i);
    out.push_back(f("hb-jtt", "FRESH-COLUMN", Severity::error, hb + "col" + std::to_string(i) + "/",
                    hb + "col" + std::to_string(i) + "/",
                    "工作动态 [news]: newest entry " + date + " is 240 days old (limit 14 days)",
                    "fresh.column_stale",
                    {{"name", "工作动态"},
                     {"column", ""},
                     {"column_class", "news"},
                     {"newest", date},
                     {"age_days", "240"},
                     {"limit_days", "14"}}));
  }
  out.push_back(f("hb-jtt", "SEC-NO-HTTPS", Severity::warning, "jtt.hb.example", hb,
                  "homepage served over plain HTTP", "sec.plain_http", {}));
  out.push_back(f("hb-jtt", "META-MISSING", Severity::info, "SiteIDCode", hb,
                  "missing on 12 of 12 homepage pages", "meta.missing",
                  {{"missing", "12"}, {"pages", "12"}, {"page_kind", "homepage"}}));
  if (month == 0) {
    out.push_back(f("hb-jtt", "LINK-BROKEN", Severity::error, hb + "files/2026/old.pdf",
                    hb + "tzgg/t20261001.html", "HTTP 404"));
  } else {
    out.push_back(f("hb-jtt", "LINK-BROKEN", Severity::error, hb + "files/2026/bszn.doc",
                    hb + "bsfw/", "HTTP 404", "fetch.http", {{"status", "404"}}));
    // issue 14: a footer link to a Chinese file name, broken on every page carrying it.
    out.push_back(f("hb-jtt", "LINK-BROKEN", Severity::error, hb + kFooterFile, hb, "HTTP 404",
                    "fetch.http", {{"status", "404"}}));
    out.push_back(f("hb-jtt", "LINK-TIMEOUT", Severity::error, "http://slow.hb.example/x",
                    hb + "zcfg/", "no answer within 15 s", "link.timeout", {{"seconds", "15"}}));
    out.push_back(f("hb-jtt", "LINK-REDIRECT-LOOP", Severity::error, hb + "old/loop.html", hb,
                    "redirect loop after 2 hops", "link.redirect_loop",
                    {{"hops", "2"}, {"back_to", ""}}));
    out.push_back(f("hb-jtt", "LINK-SOFT404", Severity::warning, hb + "ztzl/2019/", hb + "ztzl/",
                    std::string("HTTP 200, but the page says it does not exist "
                                "(title \"") +
                        kScriptTitle + "\")",
                    "link.soft404", {{"title", kScriptTitle}}));
    out.push_back(f("hb-jtt", "LINK-UNAPPROVED", Severity::warning, "=cmd|' /C calc'!A0",
                    "javascript:alert(2)", "http://=cmd/", "link.unapproved",
                    {{"url", "http://=cmd/"}}));
    out.push_back(f("hb-jtt", "COLUMN-MISSING", Severity::error, "disclosure_annual_report", "",
                    "未找到栏目：政府信息公开年报"));
    out.push_back(f("hb-jtt", "TLS-CERT", Severity::warning, "jtt.hb.example", hb,
                    "certificate expires on 2026-11-17 (12 days left)", "tls.expires_soon",
                    {{"date", "2026-11-17"}, {"days", "12"}}));
  }
  // js-jtt: compromised; down in the first November run; a message unanswered.
  out.push_back(f("js-jtt", "SEC-DARKLINK", Severity::critical, "http://博彩.example/x?id=1",
                  js + "xwzx/t20261101.html", "display:none link to a foreign domain"));
  out.push_back(f("js-jtt", "ID-MISSING", Severity::warning, "icp", js, "页脚缺少ICP备案号"));
  if (month == 1) {
    out.push_back(f("js-jtt", "SEC-SPAM", Severity::critical, js + "tzgg/t1.html",
                    js + "tzgg/t1.html", std::string("页面标题 ") + kScriptTitle + " 含博彩词"));
    out.push_back(f("js-jtt", "INTERACT-UNANSWERED", Severity::critical, js + "hdjl/ly/123.html",
                    js + "hdjl/ly/123.html",
                    "“关于公交线路调整的建议” posted 2026-07-01, 127 days ago, still 处理中",
                    "interact.unanswered",
                    {{"title", "关于公交线路调整的建议"},
                     {"posted", "2026-07-01"},
                     {"age_days", "127"},
                     {"state", "处理中"}}));
    out.push_back(f("js-jtt", "INTERACT-BROKEN", Severity::error, "message_board", js + "hdjl/",
                    "留言表单提交返回 HTTP 500"));
    out.push_back(f("js-jtt", "SEC-FOREIGN-SCRIPT", Severity::error, "http://evil.example/a.js", js,
                    "script from evil.example (not the site's, not approved)", "sec.foreign_script",
                    {{"element", "script"}, {"host", "evil.example"}}));
    out.push_back(f("js-jtt", "SEC-HEADERS", Severity::info, "jtt.js.example", js,
                    "missing: X-Frame-Options or CSP frame-ancestors", "sec.headers_missing",
                    {{"headers", "frame"}}));
    if (run == 0) {
      out.push_back(f("js-jtt", "AVAIL-DOWN", Severity::critical, js, js, "HTTP 503", "fetch.http",
                      {{"status", "503"}}));
    } else {
      out.push_back(f("js-jtt", "AVAIL-SLOW", Severity::warning, js, js, "首页响应 4210 ms"));
    }
  }
  // cj-msa: passes, two blank columns (an early warning), interaction gaps.
  out.push_back(f("cj-msa", "COLUMN-EMPTY", Severity::error, cj + "hsxm/", cj + "hsxm/",
                  "栏目无信息（暂无信息）"));
  if (month == 1) {
    out.push_back(
        f("cj-msa", "COLUMN-EMPTY", Severity::error, cj + "xzcf/", cj + "xzcf/", "栏目无信息"));
    out.push_back(f("cj-msa", "INTERACT-TOO-FEW", Severity::warning, "interview", cj + "zxft/",
                    "今年在线访谈 1 次，少于 2 次"));
    out.push_back(
        f("cj-msa", "INTERACT-MISSING", Severity::error, "solicitation", "", "未找到意见征集"));
  }
  // kys: tampered, homepage stale, the daemon's availability veto.
  if (month == 1) {
    out.push_back(f("kys", "SEC-TAMPER", Severity::critical, ky, ky, "template changed 62 %"));
    out.push_back(f("kys", "FRESH-HOME", Severity::critical, ky, ky,
                    "首页最新信息发布于 2026-10-01，已 35 天未更新"));
    out.push_back(f("kys", "AVAIL-RATIO", Severity::critical, ky, ky, "7 天内探测失败 9.5 %"));
  }
  return out;
}

inline const char* kRunTimes[2][2][2] = {{{"2026-10-05T02:00:00Z", "2026-10-05T02:40:00Z"},
                                          {"2026-10-20T02:00:00Z", "2026-10-20T02:40:00Z"}},
                                         {{"2026-11-05T02:00:00Z", "2026-11-05T02:40:00Z"},
                                          {"2026-11-20T02:00:00Z", "2026-11-20T02:40:00Z"}}};

// Fills `store` with the four runs; each run also checks four attachments of hb-jtt, one of
// which fails in November.
inline void fill_store(store::Store& store) {
  const std::vector<std::string> sites = {"hb-jtt", "js-jtt", "cj-msa", "kys"};
  for (int month = 0; month < 2; ++month) {
    for (int run = 0; run < 2; ++run) {
      auto id = store.begin_run(kRunTimes[month][run][0], sites);
      ASSERT_TRUE(id) << id.error().message;
      std::vector<store::LinkRecord> links;
      for (const char* file : {"a.pdf", "b.doc", "c.xlsx", "d.zip"}) {
        const bool broken = month == 1 && std::string(file) == "b.doc";
        links.push_back(store::testing::link(
            "hb-jtt", std::string("http://jtt.hb.example/files/") + file, broken ? 404 : 200));
      }
      links.push_back(store::testing::link("hb-jtt", "http://jtt.hb.example/about.html"));
      ASSERT_TRUE(store.save_links(*id, links));
      std::vector<store::PageRecord> pages = {
          store::testing::page("hb-jtt", "http://jtt.hb.example/"),
          store::testing::page("js-jtt", "http://jtt.js.example/")};
      pages[1].page.title = kScriptTitle;
      if (month == 1) {
        // The footer link on every page of hb-jtt; bszn.doc with a hostile text on bsfw/.
        const std::string hb = "http://jtt.hb.example/";
        const std::string footer = hb + kFooterFile;
        pages[0].page.links = {store::testing::ref(footer, "a", "办事指南")};
        for (const char* path : {"bsfw/", "zcfg/", "tzgg/t1.html", "tzgg/t2.html"}) {
          pages.push_back(store::testing::page(
              "hb-jtt", hb + path, {store::testing::ref(footer, "a", "办事指南下载")}));
        }
        pages[2].page.links.push_back(
            store::testing::ref(hb + "files/2026/bszn.doc", "a", kHostileLinkText));
      }
      ASSERT_TRUE(store.save_pages(*id, pages));
      const auto findings = fixture_findings(month, run);
      auto saved = store.save_findings(*id, findings);
      ASSERT_TRUE(saved) << saved.error().message;
      ASSERT_TRUE(store.finish_run(*id, kRunTimes[month][run][1], store::RunTotals{4, 2, 5}));
    }
  }
}

inline LoadOptions fixture_options(std::optional<std::string> site = std::nullopt,
                                   std::string lang = "zh") {
  LoadOptions o;
  o.month = "2026-11";
  o.site = std::move(site);
  o.lang = std::move(lang);
  o.generated_at = "2026-12-01T08:00:00Z";
  return o;
}

}  // namespace sitepatrol::reports::testing
