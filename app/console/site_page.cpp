#include "app/console/site_page.h"

#include <set>

#include "app/console/charts.h"
#include "app/console/form.h"
#include "app/console/recheck_section.h"
#include "config/features.h"
#include "crawler/clock.h"
#include "reports/detail_text.h"
#include "reports/link_display.h"
#include "reports/report_format.h"
#include "reports/review_text.h"

namespace sitepatrol::app::console {

namespace {

constexpr std::string_view kSeverities[] = {"info", "warning", "error", "critical"};

std::string family_of(std::string_view code) { return std::string(code.substr(0, code.find('-'))); }

std::string verdict_block(const SiteState& s, Lang lang) {
  if (!s.month) {
    return "<p class=\"verdict none\">" + tr(lang, "本月尚未巡查。", "Not patrolled this month.") +
           "</p>";
  }
  return std::string("<p class=\"verdict ") + (s.month->verdict.passed ? "pass" : "fail") + "\">" +
         tr(lang, "本月结论：", "This month: ") + esc(reports::verdict_text(*s.month, lang)) +
         "</p>";
}

std::string filters(const SiteView& view, const SiteQuery& q, Lang lang) {
  std::set<std::string> families;
  for (const auto& r : view.rows) families.insert(family_of(r.finding.code));
  std::string out =
      "<form method=\"get\" class=\"filters\"><select name=\"family\"><option value=\"\">" +
      tr(lang, "全部类别", "All families") + "</option>";
  for (const auto& f : families) {
    out += "<option value=\"" + esc(f) + "\"" + (f == q.family ? " selected" : "") + ">" + esc(f) +
           "</option>";
  }
  out += "</select><select name=\"severity\"><option value=\"\">" +
         tr(lang, "全部严重程度", "All severities") + "</option>";
  for (int i = 3; i >= 0; --i) {
    const std::string_view s = kSeverities[i];
    out += "<option value=\"" + std::string(s) + "\"" + (s == q.severity ? " selected" : "") + ">" +
           esc(reports::severity_label(static_cast<checks::Severity>(i), lang)) + "</option>";
  }
  return out + "</select><button type=\"submit\">" + tr(lang, "筛选", "Filter") +
         "</button></form>";
}

std::string findings_block(const SiteView& view, const SiteQuery& q, Lang lang,
                           const std::string& now) {
  std::string out = "<section id=\"findings\"><h2>" + tr(lang, "当前问题", "Open findings") + " (" +
                    std::to_string(view.rows.size()) + ")</h2>" + filters(view, q, lang);
  const std::string id = url_encode(view.estate.sites[0].site->id);
  out += "<p><a href=\"/site/" + esc(id) + "/findings.csv\">" +
         tr(lang, "下载 CSV", "Download CSV") + "</a></p>";
  out += "<table class=\"findings\"><thead><tr><th>" + tr(lang, "严重程度", "Severity") +
         "</th><th>" + tr(lang, "问题", "Finding") + "</th><th>" + tr(lang, "对象", "Subject") +
         "</th><th>" + tr(lang, "链接文字", "Link text") + "</th><th>" +
         tr(lang, "所在页面", "Page") + "</th><th>" + tr(lang, "首次发现", "First seen") +
         "</th><th>" + tr(lang, "持续天数", "Days open") + "</th><th>" +
         tr(lang, "人工复核", "Review") + "</th></tr></thead><tbody>";
  int shown = 0;
  for (const auto& row : view.rows) {
    const auto& f = row.finding;
    if (!q.family.empty() && family_of(f.code) != q.family) continue;
    if (!q.severity.empty() && kSeverities[static_cast<int>(f.severity)] != q.severity) continue;
    ++shown;
    out += "<tr" + std::string(row.set_aside() ? " class=\"reviewed\"" : "") + "><td class=\"sev" +
           std::to_string(static_cast<int>(f.severity)) + "\">" +
           esc(reports::severity_label(f.severity, lang)) + "</td><td><a href=\"" +
           finding_href(f) + "\">" + esc(f.code) + "</a> " +
           esc(reports::code_label(f.code, lang)) + "</td><td class=\"subject\">" +
           esc(reports::subject_text(f, lang)) + "</td><td>" + esc(reports::link_text(row)) +
           "</td><td class=\"subject\">";
    const std::string href = reports::safe_href(f.page);
    out += href.empty() ? esc(f.page)
                        : "<a href=\"" + href + "\" rel=\"noreferrer noopener\">" +
                              esc(reports::display_url(f.page)) + "</a>";
    out += "</td><td>" + esc(when(row.first_seen, view.estate.report.zone)) +
           "</td><td class=\"num\">" + std::to_string(reports::days_between(row.first_seen, now)) +
           "</td><td>";
    if (row.review) out += esc(reports::review_verdict_text(row.review->record, lang));
    out += "</td></tr>";
  }
  if (shown == 0) {
    out += "<tr><td colspan=\"8\">" + tr(lang, "没有问题。", "Nothing to show.") + "</td></tr>";
  }
  return out + "</tbody></table></section>";
}

std::string columns_block(const SiteView& view, Lang lang) {
  const auto& s = view.estate.sites[0];
  std::string out = "<section id=\"columns\"><h2>" + tr(lang, "栏目更新", "Columns") + "</h2>";
  if (!s.month || !s.month->data.columns) {
    return out + "<p>" + tr(lang, "本月尚无栏目记录。", "No column seen this month.") +
           "</p></section>";
  }
  out += "<table><thead><tr><th>" + tr(lang, "栏目", "Column") + "</th><th>" +
         tr(lang, "类别", "Class") + "</th><th>" +
         tr(lang, "距最近更新（天）", "Days since update") + "</th><th>" +
         tr(lang, "更新期限（天）", "Limit (days)") + "</th><th>" + tr(lang, "状态", "State") +
         "</th></tr></thead><tbody>";
  for (const auto& c : *s.month->data.columns) {
    const auto limit = config::max_age_days(*view.config, c.column_class);
    const std::string href = reports::safe_href(c.url);
    out += "<tr><td>" +
           (href.empty() ? esc(c.name)
                         : "<a href=\"" + href + "\" rel=\"noreferrer\">" + esc(c.name) + "</a>") +
           "</td><td>" + esc(c.column_class) + "</td><td class=\"num\">" +
           (c.age_days ? std::to_string(*c.age_days) : "—") + "</td><td class=\"num\">" +
           (limit ? std::to_string(*limit) : "—") + "</td><td class=\"" +
           (c.empty || c.stale ? "bad" : "ok") + "\">" +
           (c.empty   ? tr(lang, "空白", "blank")
            : c.stale ? tr(lang, "未按期更新", "stale")
                      : tr(lang, "正常", "up to date")) +
           "</td></tr>";
  }
  return out + "</tbody></table></section>";
}

std::string features_block(const SiteView& view, Lang lang) {
  const auto* site = view.estate.sites[0].site;
  std::string out =
      "<section id=\"features\"><h2>" + tr(lang, "互动功能", "Features") + "</h2><ul>";
  const auto required = view.config->features.required.find(site->category);
  std::vector<std::string> kinds;
  if (required != view.config->features.required.end()) kinds = required->second;
  for (const auto& kind : kinds) {
    std::string problem;
    for (const auto& row : view.rows) {
      const auto& f = row.finding;
      if (!f.code.starts_with("INTERACT-")) continue;
      if (f.subject == kind || checks::arg_of(f.detail_args, "kind") == kind) {
        problem = reports::code_label(f.code, lang);
      }
    }
    out += "<li>" + esc(reports::feature_label(kind, lang)) + "：" +
           (problem.empty()
                ? "<span class=\"ok\">" + tr(lang, "未发现问题", "no problem found") + "</span>"
                : "<span class=\"bad\">" + esc(problem) + "</span>") +
           "</li>";
  }
  if (kinds.empty())
    out += "<li>" + tr(lang, "本类站点无必备互动功能。", "No feature required for this category.") +
           "</li>";
  return out + "</ul></section>";
}

std::string availability_block(const SiteState& s, Lang lang) {
  auto pct = [](std::optional<double> v) {
    if (!v) return std::string("—");
    char t[16];
    std::snprintf(t, sizeof t, "%.2f %%", *v * 100);
    return std::string(t);
  };
  return "<section id=\"availability\"><h2>" +
         tr(lang, "首页可用率（近30天）", "Homepage availability (30 days)") + "</h2><p>" +
         tr(lang, "7天：", "7 days: ") + pct(s.avail7) + " · " + tr(lang, "30天：", "30 days: ") +
         pct(s.avail30) +
         (s.cert_days ? " · " + tr(lang, "证书剩余 ", "certificate: ") +
                            std::to_string(*s.cert_days) + tr(lang, " 天", " days left")
                      : "") +
         "</p>" + availability_svg(s.daily, tr(lang, "每日可用率", "daily availability")) +
         "</section>";
}

std::string reports_block(const SiteView& view, Lang lang) {
  const std::string id = esc(url_encode(view.estate.sites[0].site->id));
  std::string out = "<section id=\"reports\"><h2>" +
                    tr(lang, "自查报告", "Self-inspection reports") + "</h2><ul>";
  for (const auto& m : view.months) {
    out += "<li><a href=\"/site/" + id + "/report/" + esc(m) + "\">" + esc(m) + "</a></li>";
  }
  if (view.months.empty()) out += "<li>" + tr(lang, "暂无。", "None yet.") + "</li>";
  return out + "</ul></section>";
}

std::string reviews_block(const SiteView& view, Lang lang) {
  std::string out =
      "<section id=\"reviews\"><h2>" + tr(lang, "人工复核记录", "Review log") + "</h2>";
  if (view.reviews.empty()) return out + "<p>" + tr(lang, "暂无。", "None yet.") + "</p></section>";
  out += "<table><thead><tr><th>" + tr(lang, "时间", "When") + "</th><th>" +
         tr(lang, "复核人", "Reviewer") + "</th><th>" + tr(lang, "问题", "Finding") + "</th><th>" +
         tr(lang, "结论", "Verdict") + "</th><th>" + tr(lang, "理由", "Reason") +
         "</th></tr></thead><tbody>";
  for (const auto& r : view.reviews) {
    checks::Finding f;
    f.site = r.site, f.code = r.code, f.subject = r.subject;
    out += "<tr><td>" + esc(when(r.reviewed_at, view.estate.report.zone)) + "</td><td>" +
           esc(r.reviewer) + "</td><td><a href=\"" + finding_href(f) + "\">" + esc(r.code) +
           "</a> " + esc(reports::display_url(r.subject)) + "</td><td>" +
           esc(reports::review_verdict_text(r, lang)) + "</td><td>" + esc(r.reason) + "</td></tr>";
  }
  return out + "</tbody></table></section>";
}

}  // namespace

std::string finding_path(const checks::Finding& f) {
  return "/finding?site=" + url_encode(f.site) + "&code=" + url_encode(f.code) +
         "&subject=" + url_encode(f.subject);
}

std::string finding_href(const checks::Finding& f) { return esc(finding_path(f)); }

std::string site_page(const SiteView& view, const Viewer& viewer, const SiteQuery& query,
                      std::chrono::system_clock::time_point now) {
  const Lang lang = viewer.lang;
  const SiteState& s = view.estate.sites[0];
  std::string body = "<p class=\"site-head\">";
  const std::string href = reports::safe_href(s.site->url);
  body += "<a href=\"" + href + "\" rel=\"noreferrer\">" + esc(s.site->url) + "</a> · " +
          esc(reports::unit_name(s.site->unit, lang)) + " · " +
          esc(reports::category_label(s.site->category, lang)) + "</p>";
  body += verdict_block(s, lang);
  RecheckSection recheck;
  recheck.site = s.site->id;
  recheck.latest = view.recheck;
  recheck.button = tr(lang, "立即复查本站", "Re-check this site now");
  body += recheck_section(recheck, view.estate.report.zone, viewer);
  body += findings_block(view, query, lang, crawler::to_rfc3339(now));
  body += columns_block(view, lang);
  body += features_block(view, lang);
  body += availability_block(s, lang);
  body += reports_block(view, lang);
  body += reviews_block(view, lang);
  return layout(viewer, s.site->name, body, recheck_pending(view.recheck) ? 2 : 0);
}

}  // namespace sitepatrol::app::console
