// `sitepatrol findings --format csv`: one row per finding, for Excel and for scripts.
//
// RFC 4180: CRLF line ends, a field is quoted when it holds a comma, a quote, CR or LF, and
// inner quotes are doubled. Output starts with a UTF-8 BOM (EF BB BF) so Excel opens Chinese
// text as UTF-8, then the header row
//   site,code,severity,subject,page,detail,status,first_seen,last_seen,unverified,run,
//   link_text,carrier_count,carriers
// (`unverified`: why a carried-over finding was not verified, "" when it was; `run`: the id
// of the run the row comes from, "" when unknown; for link findings `link_text` is the
// link's text, `carrier_count` how many pages carry it and `carriers` those pages, one per
// line inside the field; all three "" for other findings).
// Invalid UTF-8 becomes U+FFFD. Defence against CSV injection (OWASP): a field taken from a
// crawled page (subject, page, detail) that starts with =, +, -, @, tab or CR gets a leading
// single quote, so a spreadsheet shows it as text instead of evaluating it.
// Rows keep the order they are given in.
// With Lang::zh (issue 14) the header row, severities and statuses are Chinese
// (网站,问题代码,级别,对象,所在页面,说明,状态,首次发现,最近发现,未复查原因,运行,链接文字,
// 页面数,所在页面（全部）), the detail
// is rendered in Chinese (reports/detail_text.h) and key subjects are named; English, the
// default, is the output above, unchanged.
//
// Pure functions; never throw on any input (short of bad_alloc).
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "reports/report_terms.h"
#include "store/store.h"

namespace sitepatrol::reports {

void write_findings_csv(std::ostream& out, std::span<const store::FindingRow> rows,
                        Lang lang = Lang::en);

// One field as written: quoted if needed. `from_web` applies the injection prefix.
std::string csv_field(std::string_view value, bool from_web);

// The three link columns that end every findings row (also `report --format csv`):
// link_text,carrier_count,carriers, written and escaped.
std::string link_columns(const store::FindingRow& row);

}  // namespace sitepatrol::reports
