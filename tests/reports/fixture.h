// A run and its findings as `findings` would read them from the store: three sites, every
// severity (2 critical, 5 error, 4 warning, 1 info), Chinese and Tibetan text, URLs long
// enough to need truncation, rows not in display order.
#pragma once

#include <string>
#include <vector>

#include "store/store.h"

namespace sitepatrol::reports::testing {

inline store::RunInfo sample_run() {
  store::RunInfo run;
  run.id = 7;
  run.started_at = "2026-11-25T02:00:03Z";
  run.finished_at = "2026-11-25T02:41:10Z";
  run.status = "finished";
  run.sites = 3;
  run.pages = 1840;
  run.links_checked = 9211;
  return run;
}

inline store::FindingRow row(std::string site, std::string code, checks::Severity severity,
                             std::string subject, std::string page, std::string detail,
                             std::string status) {
  store::FindingRow r;
  r.finding = {std::move(site),    std::move(code), severity,
               std::move(subject), std::move(page), std::move(detail)};
  r.first_seen = status == "new" ? "2026-11-25T02:10:00Z" : "2026-10-25T02:12:31Z";
  r.status = std::move(status);
  r.last_seen = "2026-11-25T02:10:00Z";
  return r;
}

inline std::vector<store::FindingRow> sample_rows() {
  using checks::Severity;
  return {
      row("hb-jtt", "LINK-BROKEN", Severity::error, "http://www.site.example/files/a.pdf",
          "http://www.site.example/tzgg/2026/11/t1.html", "HTTP 404", "new"),
      row("js-jtt", "ID-MISSING", Severity::warning, "icp", "http://jtt.js.example/",
          "页脚缺少ICP备案号", "open"),
      row("hb-jtt", "FRESH-HOME", Severity::critical, "http://www.site.example/",
          "http://www.site.example/", "首页最新信息发布于 2026-10-01，已 55 天未更新", "open"),
      row("hb-jtt", "META-MISSING", Severity::info, "SiteIDCode", "http://www.site.example/",
          "12 个页面缺少 SiteIDCode", "open"),
      row("xz-jtt", "LINK-TIMEOUT", Severity::error,
          "http://jtt.xizang.example/ཞིབ་འཇུག/"
          "བརྡ་ཐོ།/2026/index.html",
          "http://jtt.xizang.example/", "15 s 内无应答", "new"),
      row("js-jtt", "SEC-DARKLINK", Severity::critical, "http://博彩网站.example/x?id=1",
          "http://jtt.js.example/xwzx/通知公告/2026/t20261101_4417735.html",
          "隐藏链接（display:none）指向境外域名，疑似暗链", "new"),
      row("hb-jtt", "FRESH-COLUMN", Severity::error, "http://www.site.example/tzgg/",
          "http://www.site.example/tzgg/",
          "栏目通知公告最新信息发布于 2026-04-02，超过 180 天未更新", "open"),
      row("hb-jtt", "COLUMN-MISSING", Severity::error, "disclosure_annual_report", "",
          "未找到栏目：政府信息公开年报", "new"),
      row("hb-jtt", "LINK-UNAPPROVED", Severity::warning, "www.湖北旅游推广.example",
          "http://www.site.example/yqlj/", "外链域名不在 allowed_domains 中", "new"),
      row("js-jtt", "INTERACT-BROKEN", Severity::error, "message_board",
          "http://jtt.js.example/hdjl/", "留言表单提交返回 HTTP 500", "open"),
      row("js-jtt", "AVAIL-SLOW", Severity::warning, "http://jtt.js.example/",
          "http://jtt.js.example/", "首页响应 4210 ms", "new"),
      row("xz-jtt", "SEC-NO-HTTPS", Severity::warning, "jtt.xizang.example", "", "站点未启用 HTTPS",
          "open"),
  };
}

}  // namespace sitepatrol::reports::testing
