// Human review (人工复核, issue 17): an operator's judgement that a finding is a false alarm,
// or a real problem accepted for a while, with a reason. docs/review.md.
//
// Reviews are a log: each action (false_alarm, accepted, withdrawn) is a row with who, when
// and why, never changed afterwards. A finding's review is its newest action, unless that is
// `withdrawn`. A review sets the finding aside — out of the verdicts, indices, alerts and
// --fail-on, still listed and marked — while it holds:
// - an acceptance holds through its `expires` day (Beijing time) when it has one; a false
//   alarm holds until withdrawn;
// - and the finding still says what it said when reviewed: the same severity and the same
//   evidence (review_evidence: its detail's code and values, less the measures that move
//   every night, such as a stale column's age in days). A dark link that turns into another,
//   or a 404 that becomes a timeout, is looked at again; a stale column one day older is not.
// Whether a review holds is decided for the run a finding row comes from (its start day), so
// a month's report says the same whenever it is written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "checks/finding.h"

namespace sitepatrol::store {

// One action of the review log.
struct ReviewRecord {
  std::int64_t id = 0;  // assigned by add_review, increasing
  std::string site;
  std::string code;
  std::string subject;
  std::string verdict;      // false_alarm | accepted | withdrawn
  std::string reason;       // why; required for false_alarm and accepted
  std::string expires;      // accepted: YYYY-MM-DD, the last day it holds; "" for none
  std::string reviewer;     // who
  std::string reviewed_at;  // RFC 3339 UTC
  // The finding as the reviewer saw it (its newest sighting), filled in by add_review: its
  // severity, its English detail, and its evidence (review_evidence).
  checks::Severity severity = checks::Severity::info;
  std::string detail;
  std::string evidence;
};

// A finding row's review and whether it holds for that row.
struct FindingReview {
  ReviewRecord record;
  std::string lapsed;  // "" while it holds; "expired" or "changed"
  bool holds() const { return lapsed.empty(); }
};

// What must stay the same for a review to hold: the detail's code and its values, without
// those that measure time or amounts (age_days, days, ms, percent, failed, probes, score,
// structure_pct, pages, nav_pages, nav_links); the English detail when it has no code (rows
// stored before codes existed).
std::string review_evidence(const checks::Finding& finding);

// Why `review` no longer holds for `finding`, seen in a run that started at `run_started_at`
// (RFC 3339 UTC): "expired", "changed", or "" when it holds.
std::string review_lapse(const ReviewRecord& review, const checks::Finding& finding,
                         std::string_view run_started_at);

// The review verdicts an operator may give, and `withdrawn`.
bool is_review_verdict(std::string_view verdict);

}  // namespace sitepatrol::store
