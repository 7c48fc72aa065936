// Whether a run examined a finding's subject (issue 11): the rule that keeps a site that was
// down, a page that failed or a walk cut short from showing its problems as fixed.
//
// A finding the previous run saw and this run did not is resolved only when this run
// re-examined its subject:
//   - its link was checked again (link findings: the subject is a URL other than the page);
//   - or the page it was seen on was read (200 or 304) and no longer carries the link;
//   - or that page now answers 404 or 410 (the page itself is gone);
//   - or the walk was complete and no longer reached that page.
// Otherwise it is carried over unverified, and the reason says why. Pure; any thread.
#pragma once

#include <optional>
#include <string>

#include "store/store.h"

namespace sitepatrol::store {

// What a run did about one finding's subject.
struct SubjectEvidence {
  SiteCoverage coverage;            // of the finding's site in the run
  bool page_fetched = false;        // the run requested the page the finding was seen on
  int page_status = 0;              // its answer
  std::string page_error = "none";  // checks::FetchError as text
  std::string page_error_text;
  bool subject_is_link = false;  // the subject is a URL other than that page
  bool subject_checked = false;  // the run checked that URL (link check or page fetch)
  bool subject_on_page = false;  // the page, as read in the run, still links to it
};

struct Unverified {
  std::string reason;  // site_down | page_failed | not_reached | link_not_checked
  std::string detail;  // the error, or the limit that cut the walk short
};

// nullopt: the run examined the subject (a finding it did not raise again is resolved).
std::optional<Unverified> unverified(const SubjectEvidence& e);

}  // namespace sitepatrol::store
