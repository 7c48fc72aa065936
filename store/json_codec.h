// JSON encodings of the few list-valued columns: a page's findings (reused on a 304), a
// link's redirect chain and a page's template sketch. Kept apart so the SQL code reads as SQL.
//
// Encoding never fails: bytes that are not valid UTF-8 (web strings can be anything) are
// replaced by U+FFFD inside the JSON. Decoding a damaged value yields an error, never an
// exception. Pure functions; any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checks/column_history.h"
#include "checks/finding.h"
#include "checks/inputs.h"
#include "store/store.h"

namespace sitepatrol::store {

std::string encode_findings(const std::vector<checks::Finding>& findings);
Result<std::vector<checks::Finding>> decode_findings(std::string_view json);

// A finding's detail values in order: [["newest", "2025-08-12"], ["age_days", "479"]].
// Decoding "" (a row stored before detail codes existed) yields no values.
std::string encode_detail_args(const checks::DetailArgs& args);
Result<checks::DetailArgs> decode_detail_args(std::string_view json);

std::string encode_strings(const std::vector<std::string>& values);
Result<std::vector<std::string>> decode_strings(std::string_view json);

// {"minhash": [u64...], "scripts": [...], "iframes": [...], "title": "...", "elements": n}
std::string encode_sketch(const checks::PageSketch& sketch);
Result<checks::PageSketch> decode_sketch(std::string_view json);

// A page's freshness facts (checks/page_facts.h); dates as "YYYY-MM-DD".
std::string encode_facts(const checks::PageFacts& facts);
Result<checks::PageFacts> decode_facts(std::string_view json);

}  // namespace sitepatrol::store
