#include "app/console/run_page.h"

#include <array>

#include "app/console/form.h"
#include "reports/report_format.h"
#include "reports/rfc3339.h"

namespace sitepatrol::app::console {

namespace {

std::string duration_text(const store::RunInfo& run, Lang lang) {
  const auto from = reports::parse_rfc3339(run.started_at);
  const auto to = reports::parse_rfc3339(run.finished_at);
  if (!from || !to) return "—";
  const std::int64_t s = *to - *from;
  char text[48];
  std::snprintf(text, sizeof text, lang == Lang::zh ? "%lld 分 %lld 秒" : "%lld min %lld s",
                static_cast<long long>(s / 60), static_cast<long long>(s % 60));
  return text;
}

std::string status_text(const std::string& status, Lang lang) {
  if (status == "finished") return tr(lang, "已完成", "finished");
  if (status == "running") return tr(lang, "进行中", "running");
  if (status == "aborted") return tr(lang, "中断", "aborted");
  return status;
}

}  // namespace

std::string run_page(const RunView& view, const Viewer& viewer) {
  const Lang lang = viewer.lang;
  const auto& run = view.run;
  std::string body = "<dl class=\"run\"><dt>" + tr(lang, "开始", "Started") + "</dt><dd>" +
                     esc(when(run.started_at, view.zone)) + "</dd><dt>" +
                     tr(lang, "用时", "Duration") + "</dt><dd>" + duration_text(run, lang) +
                     "</dd><dt>" + tr(lang, "状态", "Status") + "</dt><dd>" +
                     status_text(run.status, lang) + "</dd><dt>" +
                     tr(lang, "站点 / 页面 / 链接", "Sites / pages / links") + "</dt><dd>" +
                     std::to_string(run.sites) + " / " + std::to_string(run.pages) + " / " +
                     std::to_string(run.links_checked) + "</dd></dl>";
  // per site: new, open, resolved, reviewed
  std::map<std::string, std::array<int, 4>> found;
  for (const auto& c : view.counts) {
    auto& a = found[c.site];
    const int i = c.status == "new" ? 0 : c.status == "open" ? 1 : c.status == "resolved" ? 2 : 3;
    a[static_cast<std::size_t>(i)] += c.count;
  }
  body += "<table class=\"run-sites\"><thead><tr><th>" + tr(lang, "站点", "Site") + "</th><th>" +
          tr(lang, "页面", "Pages") + "</th><th>" + tr(lang, "链接", "Links") + "</th><th>" +
          tr(lang, "检查情况", "Coverage") + "</th><th>" + tr(lang, "新发现", "New") + "</th><th>" +
          tr(lang, "仍存在", "Still open") + "</th><th>" + tr(lang, "已整改", "Resolved") +
          "</th><th>" + tr(lang, "人工复核", "Reviewed") + "</th></tr></thead><tbody>";
  for (const auto& [id, counts] : view.sites) {
    const auto& a = found[id];
    const auto name = view.names.find(id);
    body += "<tr><td><a href=\"/site/" + esc(url_encode(id)) + "\">" +
            esc(name == view.names.end() ? id : name->second) + "</a></td><td class=\"num\">" +
            std::to_string(counts.pages) + "</td><td class=\"num\">" +
            std::to_string(counts.links_checked) + "</td><td>" +
            esc(counts.coverage.state == "complete"
                    ? tr(lang, "完整", "complete")
                    : reports::coverage_text(counts.coverage.state, counts.coverage.reason, lang)) +
            "</td>";
    for (int n : a) body += "<td class=\"num\">" + std::to_string(n) + "</td>";
    body += "</tr>";
  }
  body += "</tbody></table>";
  return layout(viewer, tr(lang, "巡查 ", "Run ") + std::to_string(run.id), body);
}

}  // namespace sitepatrol::app::console
