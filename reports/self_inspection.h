// A site's self-inspection report (自查报告) as a Document: the four points of task 6 of the
// seed (page access and column updates; services and interaction; links; security), each
// with its conclusion, evidence and the items to fix with their URLs, then the verdicts, the
// indices against their targets and the rectification list. Meant to be filed with light
// editing.
#pragma once

#include "reports/report_document.h"
#include "reports/report_model.h"

namespace sitepatrol::reports {

Document self_inspection_document(const Report& report);

}  // namespace sitepatrol::reports
