// The csv format of `report` (report_writer.h).
#include "reports/detail_text.h"
#include "reports/findings_csv.h"
#include "reports/report_format.h"
#include "reports/report_writer.h"

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
  for (const SiteReport& s : report.sites) {
    for (const RectificationItem& item : s.rectification) {
      const checks::Finding& f = item.row.finding;
      out << csv_field(report.overview.month, false) << ',' << csv_field(f.site, false) << ','
          << csv_field(s.data.site.name, true) << ',' << csv_field(s.data.site.unit, true) << ','
          << csv_field(f.code, false) << ','
          << csv_field(lang == Lang::zh ? severity_label(f.severity, lang)
                                        : std::string(checks::to_string(f.severity)),
                       false)
          << ',' << csv_field(lang == Lang::zh ? subject_text(f, lang) : f.subject, true) << ','
          << csv_field(f.page, true) << ',' << csv_field(detail_text(f, lang), true) << ','
          << csv_field(lang == Lang::zh ? state_label(item.state, lang) : item.state, false) << ','
          << csv_field(item.row.first_seen, false) << ',' << csv_field(item.row.last_seen, false)
          << ',' << item.days_open << ',' << csv_field(item.resolved_at, false) << ','
          << link_columns(item.row) << "\r\n";
    }
  }
}

}  // namespace sitepatrol::reports
