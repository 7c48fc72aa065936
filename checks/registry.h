// The check families and how the patrol reaches them.
//
// A check is a free function of plain values that appends findings. Adding a family means
// adding a file to checks/ and one line to registry.cpp; the crawler calls every registered
// check at the three points of a patrol: each page parsed, each link checked, and the end of
// a site. Checks run on the patrol's I/O thread, so they must be quick and must not block.
#pragma once

#include <vector>

#include "checks/columns.h"
#include "checks/finding.h"
#include "checks/inputs.h"
#include "checks/interact_facts.h"

namespace sitepatrol::checks {

using Findings = std::vector<Finding>;

// End-of-site facts: the homepage outcome and totals, and what freshness reads (every page's
// summary, and the columns found from them before the site checks run).
struct SiteResult {
  PageResult homepage;
  int pages = 0;
  int links_checked = 0;
  NavLinkTable nav_links;  // the menu links the summaries point to
  PageSummaries summaries;
  std::vector<Column> columns;
  InteractionFacts interaction;  // issue 4: checks/interact_facts.h
  // The walk was cut short (a page, request, link or time limit, robots.txt unreachable):
  // what it did not read is unknown, so counts over the whole site (INTERACT-TOO-FEW) are
  // not judged.
  bool cut_short = false;
};

using PageCheck = void (*)(const SiteContext&, const PageResult&, Findings&);
using LinkCheck = void (*)(const SiteContext&, const LinkResult&, Findings&);
using SiteCheck = void (*)(const SiteContext&, const SiteResult&, Findings&);

const std::vector<PageCheck>& page_checks();
// The page checks that read only a page's url and visible text (content errors, personal
// data): run as well on the text of the attachments a page links (PDF, DOCX, XLSX), given as
// a PageResult whose url is the attachment's and whose text is the extracted text.
const std::vector<PageCheck>& text_checks();
const std::vector<LinkCheck>& link_checks();
const std::vector<SiteCheck>& site_checks();

}  // namespace sitepatrol::checks
