#include "reports/findings_json.h"

#include <nlohmann/json.hpp>
#include <string>

#include "reports/link_display.h"

namespace sitepatrol::reports {

nlohmann::ordered_json detail_args_json(const checks::DetailArgs& args) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const checks::DetailArg& a : args) object[a.key] = a.value;
  return object;
}

void append_link_json(nlohmann::ordered_json& item, const store::FindingRow& row) {
  // A link finding's text and every page carrying it; other findings have neither key.
  if (!row.finding.code.starts_with("LINK-")) return;
  item["link_text"] = link_text(row);
  nlohmann::ordered_json carriers = nlohmann::ordered_json::array();
  for (const store::LinkCarrier& c : row.carriers)
    carriers.push_back(nlohmann::ordered_json{{"page", c.page}, {"text", c.text}});
  item["carriers"] = std::move(carriers);
}

void append_review_json(nlohmann::ordered_json& item, const store::FindingRow& row) {
  if (!row.review) return;
  const store::ReviewRecord& r = row.review->record;
  item["review"] = nlohmann::ordered_json{
      {"verdict", r.verdict},
      {"reason", r.reason},
      {"expires",
       r.expires.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.expires)},
      {"reviewer", r.reviewer},
      {"reviewed_at", r.reviewed_at},
      {"set_aside", row.review->holds()},
      {"lapsed", row.review->holds() ? nlohmann::ordered_json(nullptr)
                                     : nlohmann::ordered_json(row.review->lapsed)}};
}

void write_findings_json(std::ostream& out, const store::RunInfo& run,
                         std::span<const store::FindingRow> rows) {
  using Json = nlohmann::ordered_json;

  Json run_json = Json::object();
  run_json["id"] = run.id;
  run_json["started_at"] = run.started_at;
  run_json["finished_at"] = run.finished_at.empty() ? Json(nullptr) : Json(run.finished_at);
  run_json["sites"] = run.sites;
  run_json["pages"] = run.pages;
  run_json["links_checked"] = run.links_checked;
  run_json["status"] = run.status;

  Json findings = Json::array();
  for (const store::FindingRow& row : rows) {
    const checks::Finding& f = row.finding;
    Json item = Json::object();
    item["site"] = f.site;
    item["code"] = f.code;
    item["severity"] = std::string(checks::to_string(f.severity));
    item["subject"] = f.subject;
    item["page"] = f.page;
    item["detail"] = f.detail;
    // issue 14: the detail as data, for scripts and for rendering in any language.
    item["detail_code"] = f.detail_code.empty() ? Json(nullptr) : Json(f.detail_code);
    item["detail_args"] = detail_args_json(f.detail_args);
    item["status"] = row.status;
    item["first_seen"] = row.first_seen;
    item["last_seen"] = row.last_seen;
    // issue 11: false when the run could not examine the subject and carried the finding
    // over as the last run that did left it (docs/findings.md).
    item["verified"] = row.verified;
    if (!row.verified) {
      item["unverified"] = Json{{"reason", row.unverified}, {"detail", row.unverified_detail}};
    }
    // issue 14: `findings` shows each site as its newest run left it, so the rows of one
    // document may come from several runs; this is the row's.
    if (row.run != 0) item["run"] = row.run;
    append_link_json(item, row);
    append_review_json(item, row);
    findings.push_back(std::move(item));
  }

  Json doc = Json::object();
  doc["run"] = std::move(run_json);
  doc["findings"] = std::move(findings);
  // replace: invalid UTF-8 (a mis-declared charset on a crawled page) becomes U+FFFD; the
  // default handler would throw type_error 316 half way through the output.
  out << doc.dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace) << '\n';
}

}  // namespace sitepatrol::reports
