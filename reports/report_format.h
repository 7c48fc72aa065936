// Pieces both report documents share (monthly_report.h, self_inspection.h): number formats,
// the verdict, indices and rectification tables, finding rows, and the charts.
// Pure functions; any thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/report_document.h"
#include "reports/report_model.h"

namespace sitepatrol::reports {

std::string fixed(double v, int decimals);              // "0.5600"
std::string percent_text(std::optional<double> share);  // "96.7 %", "—"
std::string index_text(std::optional<double> v);        // "0.5600", "—"
std::string unit_name(const std::string& unit, Lang lang);
std::string state_label(const std::string& state, Lang lang);  // new | open | resolved
std::string verdict_text(const SiteReport& site, Lang lang);   // 合格 / 不合格：reasons
std::string index_label(const std::string& name, Lang lang);
std::string not_measurable(Lang lang);  // 不可测: an index or score of a site not checked

// issue 11: "未能完成检查：why. Points not checked: ...; N earlier problems not re-checked".
void unchecked_paragraph(Document& doc, const SiteReport& site, Lang lang);
// The site's maintenance windows of the month, when it has any (issue 12).
void maintenance_paragraph(Document& doc, const SiteReport& site, Lang lang);

// Subject and page columns of a finding, with the URL linked when it is one.
Cell url_cell(const std::string& text);
Cell severity_cell(checks::Severity s, Lang lang);

// Tables (heading not included).
void indices_table(Document& doc, const std::vector<const SiteReport*>& sites, Lang lang);
// Rectification tracking: each open item's 整改期限 (due date), overdue ones marked.
void rectification_table(Document& doc, const Report& report, const SiteReport& site);
// Dates shown in `zone` (the "last confirmed" date of a finding carried over).
void findings_table(Document& doc, const std::vector<store::FindingRow>& rows, Lang lang,
                    bool with_page, const config::TimeZone& zone);
void veto_table(Document& doc, const SiteReport& site, Lang lang);

// Charts (SVG blocks).
void findings_by_code_chart(Document& doc, const SiteReport& site, Lang lang);
void availability_chart(Document& doc, const std::vector<const SiteReport*>& sites, Lang lang);
void index_charts(Document& doc, const std::vector<const SiteReport*>& sites, Lang lang);
void trend_charts(Document& doc, const Report& report);

}  // namespace sitepatrol::reports
