// The csv format of `report` (report_writer.h).
#include "reports/findings_csv.h"
#include "reports/report_writer.h"

namespace sitepatrol::reports {

void write_report_csv(std::ostream& out, const Report& report) {
  out << "\xEF\xBB\xBF"
      << "month,site,name,unit,code,severity,subject,page,detail,state,first_seen,last_seen,"
         "days_open,resolved_at\r\n";
  for (const SiteReport& s : report.sites) {
    for (const RectificationItem& item : s.rectification) {
      const checks::Finding& f = item.row.finding;
      out << csv_field(report.overview.month, false) << ',' << csv_field(f.site, false) << ','
          << csv_field(s.data.site.name, true) << ',' << csv_field(s.data.site.unit, true) << ','
          << csv_field(f.code, false) << ',' << csv_field(checks::to_string(f.severity), false)
          << ',' << csv_field(f.subject, true) << ',' << csv_field(f.page, true) << ','
          << csv_field(f.detail, true) << ',' << csv_field(item.state, false) << ','
          << csv_field(item.row.first_seen, false) << ',' << csv_field(item.row.last_seen, false)
          << ',' << item.days_open << ',' << csv_field(item.resolved_at, false) << "\r\n";
    }
  }
}

}  // namespace sitepatrol::reports
