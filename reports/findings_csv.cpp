#include "reports/findings_csv.h"

#include <string>

#include "reports/terminal_width.h"

namespace sitepatrol::reports {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kCrlf = "\r\n";

bool starts_formula(std::string_view value) {
  if (value.empty()) return false;
  switch (value.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string csv_field(std::string_view value, bool from_web) {
  std::string text = repair_utf8(value);
  if (from_web && starts_formula(text)) text.insert(0, 1, '\'');
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

void write_findings_csv(std::ostream& out, std::span<const store::FindingRow> rows) {
  out << kBom << "site,code,severity,subject,page,detail,status,first_seen,last_seen,unverified,run"
      << kCrlf;
  for (const store::FindingRow& row : rows) {
    const checks::Finding& f = row.finding;
    out << csv_field(f.site, false) << ',' << csv_field(f.code, false) << ','
        << csv_field(checks::to_string(f.severity), false) << ',' << csv_field(f.subject, true)
        << ',' << csv_field(f.page, true) << ',' << csv_field(f.detail, true) << ','
        << csv_field(row.status, false) << ',' << csv_field(row.first_seen, false) << ','
        << csv_field(row.last_seen, false) << ','
        << csv_field(row.verified ? "" : row.unverified, false) << ','
        << (row.run != 0 ? std::to_string(row.run) : std::string()) << kCrlf;
  }
}

}  // namespace sitepatrol::reports
