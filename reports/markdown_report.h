// The Markdown format of the reports, for pasting into documents: the same Document as the
// HTML without the charts. Text is escaped so that nothing from a crawled page is read as
// Markdown or HTML: & < > become entities, Markdown punctuation is backslash-escaped, line
// breaks inside a cell become spaces.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "reports/report_document.h"

namespace sitepatrol::reports {

void write_markdown(std::ostream& out, const Document& doc);

std::string markdown_escape(std::string_view text);

}  // namespace sitepatrol::reports
