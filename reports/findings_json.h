// `sitepatrol findings --format json`: the document of docs/findings.md.
//
//   {"run": {"id", "started_at", "finished_at", "sites", "pages", "links_checked", "status"},
//    "findings": [{"site", "code", "severity", "subject", "page", "detail", "status",
//                  "first_seen", "last_seen", "verified", "unverified"?, "run"?}, ...]}
//
// `run` (the id of the run a row comes from) is there when the row knows it: `findings` may
// show rows of several runs, each site as its newest run left it, and `run` above is then
// the newest of them.
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

#include <ostream>
#include <span>

#include "store/store.h"

namespace sitepatrol::reports {

void write_findings_json(std::ostream& out, const store::RunInfo& run,
                         std::span<const store::FindingRow> rows);

}  // namespace sitepatrol::reports
