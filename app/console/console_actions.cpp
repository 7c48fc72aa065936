// The console's two actions (operators only, CSRF-checked by console.cpp): queue a re-check
// of a site for the daemon, and record a human review of a finding. Both go through the same
// store calls as `sitepatrol recheck` and `sitepatrol review`, with the signed-in user as who.
#include "app/console/console.h"
#include "app/console/form.h"
#include "app/console/request.h"
#include "app/console/site_page.h"
#include "checks/dates.h"
#include "crawler/clock.h"

namespace sitepatrol::app::console {

namespace {

HttpReply refused(const Viewer& viewer) {
  return html_reply(layout(viewer, tr(viewer.lang, "无权操作", "Not allowed"),
                           "<p>" +
                               tr(viewer.lang, "只读用户不能复查或复核。",
                                  "A viewer cannot re-check or review.") +
                               "</p>"),
                    403);
}

HttpReply bad_form(const Viewer& viewer, const std::string& why) {
  return html_reply(layout(viewer, tr(viewer.lang, "无法提交", "Cannot record this"),
                           "<p class=\"bad\">" + esc(why) + "</p>"),
                    400);
}

}  // namespace

HttpReply Console::recheck(Request& r, const std::string& id) {
  if (!r.viewer.can_act) return refused(r.viewer);
  if (r.visible(id) == nullptr) {
    return html_reply(layout(r.viewer, tr(r.viewer.lang, "未找到", "Not found"), ""), 404);
  }
  store::RecheckRequest request;
  request.site = id;
  request.requested_by = r.user->name;
  request.requested_at = crawler::to_rfc3339(r.now);
  std::lock_guard lock(store_mutex_);
  std::string error;
  store::Store* store = open_store(error);
  if (store == nullptr) return bad_form(r.viewer, error);
  if (auto queued = store->request_recheck(request); !queued) {
    return bad_form(r.viewer, queued.error().message);
  }
  const std::string back = r.field("back");  // a finding's page asks for its re-check
  return redirect((back.empty() ? "/site/" + url_encode(id) : local_path(back)) + "#recheck");
}

HttpReply Console::review(Request& r) {
  if (!r.viewer.can_act) return refused(r.viewer);
  const std::string site = r.field("site");
  if (r.visible(site) == nullptr) {
    return html_reply(layout(r.viewer, tr(r.viewer.lang, "未找到", "Not found"), ""), 404);
  }
  store::ReviewRecord review;
  review.site = site;
  review.code = r.field("code");
  review.subject = r.field("subject");
  review.verdict = r.field("verdict");
  review.reason = r.field("reason");
  review.expires = r.field("until");
  review.reviewer = r.user->name;
  review.reviewed_at = crawler::to_rfc3339(r.now);
  const Lang lang = r.viewer.lang;
  if (!store::is_review_verdict(review.verdict)) {
    return bad_form(r.viewer, tr(lang, "未知的复核结论。", "Unknown verdict."));
  }
  if (review.verdict != "withdrawn" && review.reason.empty()) {
    return bad_form(r.viewer, tr(lang, "请填写理由。", "Give a reason."));
  }
  if (review.verdict != "accepted") review.expires.clear();
  if (!review.expires.empty() && !checks::parse_iso_date(review.expires)) {
    return bad_form(r.viewer, tr(lang, "有效期应为 YYYY-MM-DD。", "The day must be YYYY-MM-DD."));
  }
  if (review.reason.size() > 2000) {
    return bad_form(r.viewer, tr(lang, "理由过长。", "The reason is too long."));
  }
  std::lock_guard lock(store_mutex_);
  std::string error;
  store::Store* store = open_store(error);
  if (store == nullptr) return bad_form(r.viewer, error);
  if (auto added = store->add_review(review); !added) {
    return bad_form(r.viewer, added.error().message);
  }
  checks::Finding f;
  f.site = review.site, f.code = review.code, f.subject = review.subject;
  return redirect(finding_path(f) + "#review");
}

}  // namespace sitepatrol::app::console
