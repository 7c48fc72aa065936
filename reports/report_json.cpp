// The json format of `report` (report_writer.h), and the format dispatch.
#include <nlohmann/json.hpp>

#include <cstdio>

#include "reports/findings_json.h"
#include "reports/html_report.h"
#include "reports/markdown_report.h"
#include "reports/monthly_report.h"
#include "reports/report_writer.h"
#include "reports/self_inspection.h"

namespace sitepatrol::reports {

namespace {

// "2026-12-15".
std::string iso_date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), unsigned(d.month()),
                unsigned(d.day()));
  return buf;
}

using Json = nlohmann::ordered_json;

Json opt(std::optional<double> v) { return v ? Json(round4(*v)) : Json(nullptr); }

Json finding_json(const store::FindingRow& row) {
  const checks::Finding& f = row.finding;
  Json j{{"code", f.code},
         {"severity", std::string(checks::to_string(f.severity))},
         {"subject", f.subject},
         {"page", f.page},
         {"detail", f.detail},
         {"detail_code", f.detail_code.empty() ? Json(nullptr) : Json(f.detail_code)},
         {"detail_args", detail_args_json(f.detail_args)},
         {"status", row.status},
         {"first_seen", row.first_seen},
         {"last_seen", row.last_seen},
         {"verified", row.verified}};
  if (!row.verified) {
    j["unverified"] = Json{{"reason", row.unverified}, {"detail", row.unverified_detail}};
  }
  append_link_json(j, row);
  append_review_json(j, row);
  return j;
}

// A count the last run could not measure (the site was down, or in maintenance) is null,
// not 0.
Json count_json(const SiteReport& s, int n) {
  const auto& state = s.data.coverage.state;
  return state == "down" || state == "maintenance" ? Json(nullptr) : Json(n);
}

Json rows_json(const std::vector<store::FindingRow>& rows) {
  Json out = Json::array();
  for (const auto& row : rows) out.push_back(finding_json(row));
  return out;
}

Json severities(const std::array<int, 4>& s) {
  return Json{{"critical", s[3]}, {"error", s[2]}, {"warning", s[1]}, {"info", s[0]}};
}

Json overview_json(const Overview& o) {
  return Json{{"month", o.month},
              {"sites", o.sites},
              {"runs", o.runs},
              {"pages", o.pages},
              {"links_checked", o.links_checked},
              {"failed_sites", o.failed_sites},
              {"findings_by_severity", severities(o.by_severity)}};
}

Json index_json(const IndexResult& i) {
  Json components = Json::object();
  for (const IndexComponent& c : i.components) {
    components[c.name] = Json{{"weight", c.weight}, {"value", opt(c.value)}};
  }
  return Json{
      {"value", i.measurable ? Json(round4(i.value)) : Json(nullptr)},
      {"measurable", i.measurable},
      {"components", components},
      {"average_2011", opt(i.average_2011)},
      {"growth", i.growth},
      {"baseline", opt(i.baseline)},
      {"baseline_source", i.baseline_source.empty() ? Json(nullptr) : Json(i.baseline_source)},
      {"target", opt(i.target)},
      {"meets", i.meets ? Json(*i.meets) : Json(nullptr)}};
}

Json site_json(const SiteReport& s) {
  const SiteInfo& info = s.data.site;
  Json checks = Json::array();
  for (const VetoCheck& c : s.verdict.checks) {
    checks.push_back(Json{{"item", c.item},
                          {"vetoed", c.vetoed},
                          {"warning", c.warning},
                          {"value", round4(c.value)},
                          {"threshold", c.threshold},
                          {"basis", c.basis.empty() ? Json(nullptr) : Json(c.basis)},
                          {"evidence", c.evidence}});
  }
  Json by_code = Json::array();
  for (const CodeCount& c : s.by_code) {
    by_code.push_back(Json{{"code", c.code},
                           {"severity", std::string(checks::to_string(c.severity))},
                           {"count", c.count}});
  }
  Json rectification = Json::array();
  for (const RectificationItem& item : s.rectification) {
    Json j = finding_json(item.row);
    j["state"] = item.state;
    j["days_open"] = item.days_open;
    j["resolved_at"] = item.resolved_at.empty() ? Json(nullptr) : Json(item.resolved_at);
    j["due"] = item.due ? Json(iso_date(*item.due)) : Json(nullptr);  // local date
    j["overdue"] = item.overdue;
    rectification.push_back(std::move(j));
  }
  return Json{{"id", info.id},
              {"name", info.name},
              {"url", info.url},
              {"category", info.category},
              {"unit", info.unit},
              {"runs", s.data.runs},
              {"runs_down", s.data.runs_down},
              {"last_run_at", s.data.last_run_at},
              {"coverage", Json{{"state", s.data.coverage.state},
                                {"reason", s.data.coverage.reason},
                                {"complete", s.complete},
                                {"unverified_findings", s.unverified}}},
              {"pages", count_json(s, s.data.pages)},
              {"links_checked", count_json(s, s.data.links_checked)},
              {"attachments", count_json(s, s.data.attachments)},
              {"attachments_failed", count_json(s, s.data.attachments_failed)},
              {"availability", opt(s.availability)},
              {"verdict", Json{{"passed", s.verdict.passed}, {"checks", checks}}},
              {"score", s.complete ? Json(s.score) : Json(nullptr)},
              {"findings_by_severity", severities(s.by_severity)},
              {"findings_by_code", by_code},
              {"indices", Json{{"disclosure", index_json(s.indices.disclosure)},
                               {"service", index_json(s.indices.service)},
                               {"interaction", index_json(s.indices.interaction)}}},
              {"worst_links", rows_json(s.worst_links)},
              {"unapproved_links", rows_json(s.unapproved_links)},
              {"stale_columns", rows_json(s.stale_columns)},
              {"blank_columns", rows_json(s.blank_columns)},
              {"missing_columns", rows_json(s.missing_columns)},
              {"missing_features", rows_json(s.missing_features)},
              {"reviewed", rows_json(s.data.reviewed)},
              {"rectification", Json{{"new", s.new_count},
                                     {"open", s.open_count},
                                     {"resolved", s.resolved_count},
                                     {"overdue", s.overdue_count},
                                     {"items", rectification}}}};
}

// The site's maintenance windows of the month, only when there are any, so reports of sites
// without windows keep their shape.
Json with_maintenance(Json site, const SiteReport& s) {
  if (s.data.maintenance.empty()) return site;
  Json windows = Json::array();
  for (const auto& span : s.data.maintenance) {
    windows.push_back(Json{{"from", config::local_minute(span.from)},
                           {"to", config::local_minute(span.to)},
                           {"window", span.text}});
  }
  site["maintenance"] = std::move(windows);
  return site;
}

}  // namespace

std::optional<ReportFormat> parse_report_format(std::string_view name) {
  if (name == "html") return ReportFormat::html;
  if (name == "md") return ReportFormat::md;
  if (name == "csv") return ReportFormat::csv;
  if (name == "json") return ReportFormat::json;
  return std::nullopt;
}

void write_report_json(std::ostream& out, const Report& r) {
  Json doc = Json::object();
  doc["kind"] = r.self_inspection ? "self_inspection" : "monthly";
  doc["month"] = r.overview.month;
  doc["lang"] = r.lang == Lang::zh ? "zh" : "en";
  doc["generated_at"] = r.generated_at;
  // The 通报's form ([report]); dates are local dates in `timezone`.
  doc["notice"] = Json{{"issuer", r.settings.issuer},
                       {"recipients", r.settings.recipients},
                       {"timezone", r.zone.name()},
                       {"date", iso_date(r.date)},
                       {"deadline", iso_date(r.deadline)},
                       {"deadline_working_days", r.settings.deadline_working_days}};
  doc["overview"] = overview_json(r.overview);
  doc["previous"] = r.previous ? overview_json(*r.previous) : Json(nullptr);
  Json sites = Json::array();
  for (const SiteReport& s : r.sites) sites.push_back(with_maintenance(site_json(s), s));
  doc["sites"] = std::move(sites);
  Json ranking = Json::array();
  for (const UnitRanking& unit : r.ranking) {
    Json ids = Json::array();
    for (std::size_t i : unit.sites) ids.push_back(r.sites[i].data.site.id);
    ranking.push_back(Json{{"unit", unit.unit}, {"sites", ids}});
  }
  doc["ranking"] = std::move(ranking);
  Json trends = Json::array();
  for (const TrendPoint& t : r.trends) {
    trends.push_back(Json{{"month", t.month},
                          {"findings", t.findings},
                          {"disclosure", t.disclosure},
                          {"service", t.service},
                          {"interaction", t.interaction},
                          {"availability", t.availability}});
  }
  doc["trends"] = std::move(trends);
  if (r.self_inspection) {
    Json points = Json::array();
    for (const InspectionPoint& p : r.points) {
      points.push_back(Json{{"point", p.number},
                            {"title", p.title},
                            {"passed", p.passed},
                            {"checked", p.checked},
                            {"conclusion", p.conclusion},
                            {"evidence", p.evidence},
                            {"to_fix", rows_json(p.to_fix)}});
    }
    doc["points"] = std::move(points);
  }
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

void write_report(std::ostream& out, const Report& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::csv:
      write_report_csv(out, report);
      return;
    case ReportFormat::json:
      write_report_json(out, report);
      return;
    case ReportFormat::html:
    case ReportFormat::md: {
      const Document doc =
          report.self_inspection ? self_inspection_document(report) : monthly_document(report);
      if (format == ReportFormat::html) {
        write_html(out, doc);
      } else {
        write_markdown(out, doc);
      }
      return;
    }
  }
}

}  // namespace sitepatrol::reports
