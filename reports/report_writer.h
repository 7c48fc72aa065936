// `sitepatrol report`: writes a computed Report (report_model.h) in one of the four formats.
//
//   html  monthly_report.h / self_inspection.h laid out by html_report.h
//   md    the same documents by markdown_report.h
//   csv   one row per finding of the month (new, open and resolved), UTF-8 with BOM, CRLF,
//         the CSV-injection guard of findings_csv.h on every field taken from the web:
//         month,site,name,unit,code,severity,subject,page,detail,state,first_seen,last_seen,
//         days_open,resolved_at (English); with Lang::zh the same columns headed 月份,网站,...,
//         severities, states, details and key subjects in Chinese (reports/detail_text.h)
//   json  everything the HTML shows, as numbers and keys (not the translated labels), so
//         scripts need not parse text
// Pure functions; never throw on any input (short of bad_alloc).
#pragma once

#include <optional>
#include <ostream>
#include <string_view>

#include "reports/report_model.h"

namespace sitepatrol::reports {

enum class ReportFormat { html, md, csv, json };
std::optional<ReportFormat> parse_report_format(std::string_view name);

void write_report(std::ostream& out, const Report& report, ReportFormat format);

void write_report_csv(std::ostream& out, const Report& report);
void write_report_json(std::ostream& out, const Report& report);

}  // namespace sitepatrol::reports
