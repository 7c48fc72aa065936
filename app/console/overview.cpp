#include "app/console/overview.h"

#include <algorithm>
#include <functional>

#include "app/console/charts.h"
#include "app/console/form.h"
#include "reports/report_format.h"

namespace sitepatrol::app::console {

namespace {

struct Column {
  std::string_view key;
  std::string_view zh;
  std::string_view en;
};

constexpr Column kColumns[] = {
    {"site", "站点", "Site"},
    {"unit", "单位", "Unit"},
    {"verdict", "本月结论", "This month"},
    {"critical", "严重", "Critical"},
    {"error", "错误", "Error"},
    {"warning", "警告", "Warning"},
    {"reviewed", "人工复核", "Reviewed"},
    {"avail7", "7日可用率", "Up 7 d"},
    {"avail30", "30日可用率", "Up 30 d"},
    {"cert", "证书剩余天数", "Cert. days"},
    {"last", "最近巡查", "Last patrol"},
    {"trend", "趋势", "Trend"},
};

// Sort keys: a number (or text) per row; rows without a value sort last either way.
using Key = std::pair<bool, double>;  // (has a value, value)

Key number_key(const SiteState& s, std::string_view key) {
  auto opt = [](std::optional<double> v) { return Key{v.has_value(), v.value_or(0)}; };
  if (key == "verdict") {
    return s.month ? Key{true, s.month->verdict.passed ? 1.0 : 0.0} : Key{false, 0};
  }
  if (key == "critical") return {true, static_cast<double>(s.open[3])};
  if (key == "error") return {true, static_cast<double>(s.open[2])};
  if (key == "warning") return {true, static_cast<double>(s.open[1])};
  if (key == "reviewed") return {true, static_cast<double>(s.reviewed)};
  if (key == "avail7") return opt(s.avail7);
  if (key == "avail30") return opt(s.avail30);
  if (key == "cert") {
    return s.cert_days ? Key{true, static_cast<double>(*s.cert_days)} : Key{false, 0};
  }
  if (key == "trend") {
    return s.trend.empty() ? Key{false, 0} : Key{true, static_cast<double>(s.trend.back())};
  }
  return {false, 0};
}

std::string text_key(const SiteState& s, std::string_view key) {
  if (key == "unit") return s.site->unit;
  if (key == "last") return s.last_run.started_at;
  return s.site->name;
}

void sort_rows(std::vector<const SiteState*>& rows, const OverviewQuery& q) {
  const bool text = q.sort == "site" || q.sort == "unit" || q.sort == "last";
  std::ranges::stable_sort(rows, [&](const SiteState* a, const SiteState* b) {
    if (text) {
      const std::string ka = text_key(*a, q.sort), kb = text_key(*b, q.sort);
      if (ka.empty() != kb.empty()) return kb.empty();
      return q.descending ? kb < ka : ka < kb;
    }
    const Key ka = number_key(*a, q.sort), kb = number_key(*b, q.sort);
    if (ka.first != kb.first) return ka.first;
    return q.descending ? kb.second < ka.second : ka.second < kb.second;
  });
}

std::string share_text(std::optional<double> v) {
  if (!v) return "—";
  char text[16];
  std::snprintf(text, sizeof text, "%.2f %%", *v * 100);
  return text;
}

std::string query_text(const OverviewQuery& q, std::string_view sort, bool descending) {
  std::string out = "/?sort=" + std::string(sort) + (descending ? "&amp;dir=desc" : "");
  if (!q.unit.empty()) out += "&amp;unit=" + url_encode(q.unit);
  if (!q.category.empty()) out += "&amp;category=" + url_encode(q.category);
  return out;
}

std::string select(std::string_view name, std::string_view all,
                   const std::vector<std::string>& values, const std::string& chosen,
                   const std::function<std::string(const std::string&)>& label) {
  std::string out = "<select name=\"" + std::string(name) + "\"><option value=\"\">" +
                    std::string(all) + "</option>";
  for (const auto& v : values) {
    out += "<option value=\"" + esc(v) + "\"" + (v == chosen ? " selected" : "") + ">" +
           esc(label(v)) + "</option>";
  }
  return out + "</select>";
}

std::string last_patrol(const SiteState& s, const Estate& estate, Lang lang) {
  if (s.last_run.id == 0) return tr(lang, "从未巡查", "never patrolled");
  std::string out = "<a href=\"/run/" + std::to_string(s.last_run.id) + "\">" +
                    esc(when(s.last_run.started_at, estate.report.zone)) + "</a> ";
  if (s.last_coverage.state == "complete") {
    out += "<span class=\"ok\">" + tr(lang, "完整", "complete") + "</span>";
  } else {
    out += "<span class=\"bad\">" +
           esc(reports::coverage_text(s.last_coverage.state, s.last_coverage.reason, lang)) +
           "</span>";
  }
  return out;
}

std::string row_html(const SiteState& s, const Estate& estate, Lang lang) {
  const std::string href = "/site/" + url_encode(s.site->id);
  std::string out = "<tr><td><a href=\"" + href + "\">" + esc(s.site->name) + "</a></td><td>" +
                    esc(reports::unit_name(s.site->unit, lang)) + "</td>";
  if (!s.month) {
    out += "<td class=\"none\">" + tr(lang, "本月未巡查", "not patrolled this month") + "</td>";
  } else {
    out += std::string("<td class=\"") + (s.month->verdict.passed ? "pass" : "fail") + "\">" +
           esc(reports::verdict_text(*s.month, lang)) + "</td>";
  }
  for (int sev : {3, 2, 1}) {
    const int n = s.open[static_cast<std::size_t>(sev)];
    out += "<td class=\"num" + std::string(n > 0 ? " sev" + std::to_string(sev) : "") + "\">" +
           std::to_string(n) + "</td>";
  }
  out += "<td class=\"num\">" + std::to_string(s.reviewed) + "</td>";
  out += "<td class=\"num\">" + share_text(s.avail7) + "</td><td class=\"num\">" +
         share_text(s.avail30) + "</td>";
  out += "<td class=\"num" + std::string(s.cert_days && *s.cert_days < 30 ? " sev2" : "") + "\">" +
         (s.cert_days ? std::to_string(*s.cert_days) : "—") + "</td>";
  out += "<td>" + last_patrol(s, estate, lang) + "</td>";
  out += "<td>" +
         sparkline_svg(s.trend, tr(lang, "近期巡查发现的问题数", "findings of recent runs")) +
         "</td></tr>";
  return out;
}

}  // namespace

std::string overview_page(const Estate& estate, const Viewer& viewer, const OverviewQuery& query,
                          const std::vector<std::string>& units,
                          const std::vector<std::string>& categories) {
  const Lang lang = viewer.lang;
  std::vector<const SiteState*> rows;
  int failing = 0;
  for (const auto& s : estate.sites) {
    if (!query.allowed_units.empty() &&
        std::ranges::find(query.allowed_units, s.site->unit) == query.allowed_units.end()) {
      continue;
    }
    if (!query.unit.empty() && s.site->unit != query.unit) continue;
    if (!query.category.empty() && s.site->category != query.category) continue;
    rows.push_back(&s);
    if (s.month && !s.month->verdict.passed) ++failing;
  }
  sort_rows(rows, query);

  std::string body = "<p class=\"summary\">" + esc(estate.month) + " · " +
                     std::to_string(rows.size()) + tr(lang, " 个站点，", " sites, ") +
                     std::to_string(failing) + tr(lang, " 个本月不合格", " failing this month") +
                     "</p>";
  body += "<form method=\"get\" action=\"/\" class=\"filters\">";
  body += select("unit", tr(lang, "全部单位", "All units"), units, query.unit,
                 [lang](const std::string& u) { return reports::unit_name(u, lang); });
  body += select("category", tr(lang, "全部类别", "All categories"), categories, query.category,
                 [lang](const std::string& c) { return reports::category_label(c, lang); });
  body += "<input type=\"hidden\" name=\"sort\" value=\"" + esc(query.sort) + "\">";
  body += "<button type=\"submit\">" + tr(lang, "筛选", "Filter") + "</button></form>";

  body += "<table class=\"sites\" id=\"overview\"><thead><tr>";
  for (const auto& c : kColumns) {
    const bool current = query.sort == c.key;
    const bool next_desc = current && !query.descending;
    std::string mark = current ? (query.descending ? " ▼" : " ▲") : "";
    body += "<th data-key=\"" + std::string(c.key) + "\">";
    if (c.key == "trend") {
      body += tr(lang, c.zh, c.en);
    } else {
      body += "<a href=\"" + query_text(query, c.key, next_desc) + "\">" + tr(lang, c.zh, c.en) +
              mark + "</a>";
    }
    body += "</th>";
  }
  body += "</tr></thead><tbody>";
  for (const auto* s : rows) body += row_html(*s, estate, lang);
  body += "</tbody></table>";
  return layout(viewer, tr(lang, "全部站点", "All sites"), body);
}

}  // namespace sitepatrol::app::console
