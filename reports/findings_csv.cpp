#include "reports/findings_csv.h"

#include <string>

#include "reports/detail_text.h"
#include "reports/link_display.h"
#include "reports/review_text.h"
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

// new | open | resolved as a findings list says them (not "this month": a run is no month).
std::string status_zh(const std::string& status) {
  if (status == "new") return "新发现";
  if (status == "open") return "未整改";
  if (status == "resolved") return "已整改";
  return status;
}

}  // namespace

std::string link_columns(const store::FindingRow& row) {
  std::string pages;
  for (const store::LinkCarrier& c : row.carriers) {
    if (!pages.empty()) pages += '\n';
    pages += c.page;
  }
  return csv_field(link_text(row), true) + ',' +
         (row.carriers.empty() ? std::string() : std::to_string(row.carriers.size())) + ',' +
         csv_field(pages, true);
}

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

namespace {

// "误报：reason" / "false alarm: reason", and why it no longer holds when it lapsed.
std::string review_column(const store::FindingRow& row, Lang lang) {
  if (!row.review) return "";
  std::string text = review_verdict_text(row.review->record, lang) +
                     std::string(pick(lang, "：", ": ")) + row.review->record.reason;
  if (!row.review->holds()) {
    const bool expired = row.review->lapsed == "expired";
    text += lang == Lang::zh
                ? (expired ? "（已到期，重新计入）" : "（问题已变化，重新计入）")
                : (expired ? " (expired, counted again)" : " (changed, counted again)");
  }
  return text;
}

}  // namespace

void write_findings_csv(std::ostream& out, std::span<const store::FindingRow> rows, Lang lang) {
  const bool zh = lang == Lang::zh;
  out << kBom
      << pick(lang,
              "网站,问题代码,级别,对象,所在页面,说明,状态,首次发现,最近发现,未复查原因,运行,"
              "链接文字,页面数,所在页面（全部）,人工复核",
              "site,code,severity,subject,page,detail,status,first_seen,last_seen,unverified,run,"
              "link_text,carrier_count,carriers,review")
      << kCrlf;
  for (const store::FindingRow& row : rows) {
    const checks::Finding& f = row.finding;
    out << csv_field(f.site, false) << ',' << csv_field(f.code, false) << ','
        << csv_field(
               zh ? severity_label(f.severity, lang) : std::string(checks::to_string(f.severity)),
               false)
        << ',' << csv_field(zh ? subject_text(f, lang) : f.subject, true) << ','
        << csv_field(f.page, true) << ',' << csv_field(detail_text(f, lang), true) << ','
        << csv_field(zh ? status_zh(row.status) : row.status, false) << ','
        << csv_field(row.first_seen, false) << ',' << csv_field(row.last_seen, false) << ','
        << csv_field(row.verified ? "" : row.unverified, false) << ','
        << (row.run != 0 ? std::to_string(row.run) : std::string()) << ',' << link_columns(row)
        << ',' << csv_field(review_column(row, lang), true) << kCrlf;
  }
}

}  // namespace sitepatrol::reports
