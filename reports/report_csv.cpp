// The csv format of `report` (report_writer.h).
#include "reports/detail_text.h"
#include "reports/findings_csv.h"
#include "reports/report_format.h"
#include "reports/report_writer.h"
#include "reports/review_text.h"

namespace sitepatrol::reports {

void write_report_csv(std::ostream& out, const Report& report) {
  const Lang lang = report.lang;
  out << "\xEF\xBB\xBF"
      << pick(lang,
              "月份,网站,网站名称,主管单位,问题代码,级别,对象,所在页面,说明,状态,首次发现,"
              "最近发现,持续天数,整改完成,链接文字,页面数,所在页面（全部）",
              "month,site,name,unit,code,severity,subject,page,detail,state,first_seen,last_seen,"
              "days_open,resolved_at,link_text,carrier_count,carriers")
      << "\r\n";
  auto write_row = [&](const SiteReport& s, const store::FindingRow& row, const std::string& state,
                       int days_open, const std::string& resolved_at) {
    const checks::Finding& f = row.finding;
    out << csv_field(report.overview.month, false) << ',' << csv_field(f.site, false) << ','
        << csv_field(s.data.site.name, true) << ',' << csv_field(s.data.site.unit, true) << ','
        << csv_field(f.code, false) << ','
        << csv_field(lang == Lang::zh ? severity_label(f.severity, lang)
                                      : std::string(checks::to_string(f.severity)),
                     false)
        << ',' << csv_field(lang == Lang::zh ? subject_text(f, lang) : f.subject, true) << ','
        << csv_field(f.page, true) << ',' << csv_field(detail_text(f, lang), true) << ','
        << csv_field(state, true) << ',' << csv_field(row.first_seen, false) << ','
        << csv_field(row.last_seen, false) << ',' << days_open << ','
        << csv_field(resolved_at, false) << ',' << link_columns(row) << "\r\n";
  };
  for (const SiteReport& s : report.sites) {
    for (const RectificationItem& item : s.rectification) {
      write_row(s, item.row, lang == Lang::zh ? state_label(item.state, lang) : item.state,
                item.days_open, item.resolved_at);
    }
    // Set aside by a human review: listed, the state saying so (docs/review.md).
    for (const store::FindingRow& row : s.data.reviewed) {
      if (!row.review) continue;
      write_row(s, row,
                std::string(pick(lang, "人工复核：", "reviewed: ")) +
                    review_verdict_text(row.review->record, lang),
                days_between(row.first_seen, s.data.last_run_at), "");
    }
  }
}

}  // namespace sitepatrol::reports
