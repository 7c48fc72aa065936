// `sitepatrol findings --format json`: the document of docs/findings.md.
//
//   {"run": {"id", "started_at", "finished_at", "sites", "pages", "links_checked", "status"},
//    "findings": [{"site", "code", "severity", "subject", "page", "detail", "detail_code",
//                  "detail_args", "status", "first_seen", "last_seen", "verified",
//                  "unverified"?, "run"?, "link_text", "carriers"}, ...]}
//
// `detail` is the English sentence; `detail_code` names it ("fresh.column_stale", null for a
// finding stored before codes existed) and `detail_args` holds its values as an object of
// strings in the check's order ({"newest": "2025-08-12", "age_days": "479", ...}; {} when
// none). docs/findings.md lists the codes and their values.
//
// `run` (the id of the run a row comes from) is there when the row knows it: `findings` may
// show rows of several runs, each site as its newest run left it, and `run` above is then
// the newest of them.
//
// `link_text` (issue 14) is a link finding's link text ("" when unknown), null for other
// findings; `carriers` every page of the row's run carrying the link, [{"page", "text"}] in
// page order ([] for other findings and for rows stored before carriers were kept).
//
// Keys in that order, 2-space indent, a final newline. UTF-8 is written as is (Chinese stays
// readable); invalid UTF-8 from a crawled page becomes U+FFFD instead of failing, so the
// output is always valid JSON. `finished_at` is null when the run has no finish time (still
// running or aborted); every other string field is always a string, "" when empty. Findings
// keep the order they are given in.
//
// There is no document without a run: when there is no run to show, the `findings` command
// prints a message on stderr and exits non-zero rather than print a null run.
//
// Pure function of its arguments; never throws on any input (short of bad_alloc).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <span>

#include "store/store.h"

namespace sitepatrol::reports {

// {"newest": "2025-08-12", ...}: a detail's values as a JSON object, in order (the report's
// JSON uses it too).
nlohmann::ordered_json detail_args_json(const checks::DetailArgs& args);

// Adds `link_text` and `carriers` to a finding's object (the report's JSON uses it too).
void append_link_json(nlohmann::ordered_json& item, const store::FindingRow& row);
// `review` (issue 17): the finding's human review and whether it sets the finding aside;
// findings without one have no key (docs/review.md).
void append_review_json(nlohmann::ordered_json& item, const store::FindingRow& row);

void write_findings_json(std::ostream& out, const store::RunInfo& run,
                         std::span<const store::FindingRow> rows);

}  // namespace sitepatrol::reports
