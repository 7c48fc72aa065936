// The HTML format of the reports: one self-contained file (inline CSS, inline SVG charts, no
// script, no external resource) that prints to A4. Every text of the Document is escaped
// (html_escape.h); links are made only for http(s) URLs.
#pragma once

#include <ostream>

#include "reports/report_document.h"

namespace sitepatrol::reports {

void write_html(std::ostream& out, const Document& doc);

}  // namespace sitepatrol::reports
