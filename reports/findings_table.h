// `sitepatrol findings --format table`: the findings of a run, readable on a terminal.
//
//   Run 7  2026-11-25T02:00:03Z to 2026-11-25T02:41:10Z (41m 07s)
//   3 sites, 1840 pages, 9211 links checked
//
//   湖北省交通运输厅 (hb-jtt), https://www.hb-jtt.gov.cn: 2 findings
//     SEVERITY  CODE         STATUS  SUBJECT          PAGE              DETAIL
//     critical  FRESH-HOME   open    /                /                 newest entry 2025-08-12
//                                                                       is 479 days old
//     error     LINK-BROKEN  new     /files/a.pdf     /col/col1/t1.html HTTP 404
//
//   2 findings: 1 critical, 1 error, 0 warning, 0 info
//
// A site named in `options.sites` is headed by its name, id and origin, and its subjects and
// pages on that origin are shown as paths ("/files/a.pdf"); other URLs (external links, a
// different scheme or host) stay whole. Details are wrapped to their column rather than cut.
// A link finding (LINK-*) shows its URL decoded for reading (reports/link_display.h), its
// link's text before the detail ("「关于印发通知」 HTTP 404"), and after the page how many
// more pages carry the link ("/a.html (+11)").
//
// Sites in the order they first appear, each site's findings most severe first (then by
// code). Columns line up across sites; widths are display widths (CJK counts 2), and subject,
// page and detail share what `width` leaves, narrow columns keeping their natural width. Text
// that does not fit is cut with "...": a URL loses its http:// or https:// first, then its
// middle (host and file name both matter); other text loses its end.
// Every string passes through sanitize_for_terminal, so a crawled page cannot emit escape
// sequences. No line ends in spaces. The totals line counts every row shown and adds
// " (N resolved)" when resolved rows are among them.
//
// With `truncate` false (stdout is a pipe or a file, or `--wide`) nothing is cut or wrapped: the
// columns take the width of their longest cell, and lines are as long as they need to be.
//
// When some sites' rows come from runs before `run` (`findings` shows each site as its newest
// run left it), a line under the run's counts names those runs and their sites.
//
// Pure function of its arguments; the caller decides width (terminal_columns), truncation and
// colour (isatty). Never throws on any input (short of bad_alloc).
#pragma once

#include <ostream>
#include <span>
#include <vector>

#include "reports/report_terms.h"
#include "store/store.h"

namespace sitepatrol::reports {

// A site as the table's heading names it, and the origin its URLs are shown relative to.
struct SiteLabel {
  std::string id;
  std::string name;  // "湖北省交通运输厅"; may be empty
  std::string home;  // the configured homepage URL; may be empty
};

struct TableOptions {
  int width = 120;       // display columns a line may take (at least 40 are used)
  bool truncate = true;  // false: no cell is cut, whatever `width` says
  bool color = false;    // ANSI colour by severity and bold headings
  std::vector<store::PeriodRun> earlier_runs = {};  // other runs some rows come from, with sites
  Lang detail_lang = Lang::en;        // the DETAIL column's language (reports/detail_text.h)
  std::vector<SiteLabel> sites = {};  // sites known by name (from the configuration); may be empty
};

void write_findings_table(std::ostream& out, const store::RunInfo& run,
                          std::span<const store::FindingRow> rows,
                          const TableOptions& options = {});

}  // namespace sitepatrol::reports
