// The monthly notification report (通报) as a Document: overview against the previous month,
// single-veto verdicts, ranking by unit, charts, each site's problems, rectification
// tracking and the three indices against their targets.
#pragma once

#include "reports/report_document.h"
#include "reports/report_model.h"

namespace sitepatrol::reports {

Document monthly_document(const Report& report);

}  // namespace sitepatrol::reports
