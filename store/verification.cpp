#include "store/verification.h"

namespace sitepatrol::store {

namespace {

bool page_read(const SubjectEvidence& e) {
  return e.page_error == "none" &&
         ((e.page_status >= 200 && e.page_status < 300) || e.page_status == 304);
}

bool page_gone(const SubjectEvidence& e) {
  return e.page_error == "none" && (e.page_status == 404 || e.page_status == 410);
}

std::string fetch_detail(const SubjectEvidence& e) {
  if (e.page_error != "none") {
    return e.page_error_text.empty() ? e.page_error : e.page_error + ": " + e.page_error_text;
  }
  return "HTTP " + std::to_string(e.page_status);
}

}  // namespace

std::optional<Unverified> unverified(const SubjectEvidence& e) {
  // A site in a maintenance window (app/maintenance_store.h) was down as planned: the same.
  if (e.coverage.state == "down" || e.coverage.state == "maintenance")
    return Unverified{"site_down", e.coverage.reason};
  if (e.subject_is_link && e.subject_checked) return std::nullopt;
  if (e.page_fetched) {
    if (page_read(e)) {
      if (e.subject_is_link && e.subject_on_page)
        return Unverified{"link_not_checked", "the page still carries the link"};
      return std::nullopt;
    }
    if (page_gone(e)) return std::nullopt;
    return Unverified{"page_failed", fetch_detail(e)};
  }
  if (e.coverage.state == "complete") return std::nullopt;
  return Unverified{"not_reached", e.coverage.reason};
}

}  // namespace sitepatrol::store
