// How a human review (人工复核, store/review.h) reads in the reports: its verdict in words and
// the table of a site's findings that reviews set aside. Pure functions; any thread.
#pragma once

#include <string>

#include "reports/report_document.h"
#include "reports/report_model.h"
#include "store/review.h"

namespace sitepatrol::reports {

// "误报" / "false alarm"; "已接受（至 2027-03-31）" / "accepted (until 2027-03-31)".
std::string review_verdict_text(const store::ReviewRecord& review, Lang lang);

// The findings of the month's last run that reviews set aside: each with its verdict, reason,
// reviewer and review date. Nothing when there are none.
void reviewed_table(Document& doc, const Report& report, const SiteReport& site);

}  // namespace sitepatrol::reports
