#include "app/console/finding_page.h"

#include "app/console/form.h"
#include "app/console/recheck_section.h"
#include "app/console/site_page.h"
#include "reports/detail_text.h"
#include "reports/link_display.h"
#include "reports/report_format.h"
#include "reports/review_text.h"

namespace sitepatrol::app::console {

namespace {

std::string link_or_text(const std::string& url) {
  const std::string href = reports::safe_href(url);
  if (href.empty()) return esc(url);
  return "<a href=\"" + href + "\" rel=\"noreferrer noopener\">" + esc(reports::display_url(url)) +
         "</a>";
}

std::string evidence_block(const FindingView& view, Lang lang) {
  if (!view.row) {
    return "<p class=\"none\">" +
           tr(lang, "该问题不在最近一次巡查的当前问题中（已整改或未再检查）。",
              "This finding is not among the current findings of the latest run (resolved, or "
              "not examined again).") +
           "</p>";
  }
  const store::FindingRow& row = *view.row;
  const checks::Finding& f = row.finding;
  std::string out = "<section id=\"evidence\"><h2>" + tr(lang, "证据", "Evidence") + "</h2><dl>";
  auto item = [&](std::string_view zh, std::string_view en, const std::string& html) {
    out += "<dt>" + tr(lang, zh, en) + "</dt><dd>" + html + "</dd>";
  };
  item("严重程度", "Severity",
       "<span class=\"sev" + std::to_string(static_cast<int>(f.severity)) + "\">" +
           esc(reports::severity_label(f.severity, lang)) + "</span>");
  item("问题", "Finding", esc(f.code) + " " + esc(reports::code_label(f.code, lang)));
  item("对象", "Subject", link_or_text(f.subject));
  item("所在页面", "Page", link_or_text(f.page));
  item("说明", "Detail", esc(reports::detail_text(f, lang)));
  item("状态", "Status",
       esc(reports::state_label(row.status, lang)) +
           (row.verified
                ? ""
                : " · " + tr(lang, "本次未能复核：", "not re-examined: ") + esc(row.unverified)));
  item("首次发现", "First seen", esc(when(row.first_seen, view.zone)));
  item("最近确认", "Last seen", esc(when(row.last_seen, view.zone)));
  out += "</dl>";
  if (!f.detail_args.empty()) {
    out += "<h3>" + tr(lang, "检查所得", "What the check measured") +
           "</h3><table class=\"args\"><tbody>";
    for (const auto& arg : f.detail_args) {
      out += "<tr><th>" + esc(arg.key) + "</th><td>" + esc(arg.value) + "</td></tr>";
    }
    out += "</tbody></table>";
  }
  if (!row.carriers.empty()) {
    out += "<h3>" + tr(lang, "含此链接的页面", "Pages carrying the link") + "</h3><ul>";
    for (const auto& c : row.carriers) {
      out += "<li>" + link_or_text(c.page) + (c.text.empty() ? "" : " — “" + esc(c.text) + "”") +
             "</li>";
    }
    out += "</ul>";
  }
  return out + "</section>";
}

std::string history_block(const FindingView& view, Lang lang) {
  std::string out = "<section id=\"history\"><h2>" + tr(lang, "历次巡查", "History") +
                    "</h2><table><thead><tr><th>" + tr(lang, "巡查", "Run") + "</th><th>" +
                    tr(lang, "时间", "When") + "</th><th>" + tr(lang, "状态", "State") +
                    "</th><th>" + tr(lang, "严重程度", "Severity") + "</th><th>" +
                    tr(lang, "说明", "Detail") + "</th></tr></thead><tbody>";
  for (const auto& h : view.history) {
    out += "<tr><td><a href=\"/run/" + std::to_string(h.run) + "\">" + std::to_string(h.run) +
           "</a></td><td>" + esc(when(h.started_at, view.zone)) + "</td><td>" +
           esc(reports::state_label(h.status, lang)) + "</td><td>" +
           esc(reports::severity_label(h.severity, lang)) + "</td><td>" + esc(h.detail) +
           "</td></tr>";
  }
  if (view.history.empty())
    out += "<tr><td colspan=\"5\">" + tr(lang, "暂无。", "None.") + "</td></tr>";
  return out + "</tbody></table></section>";
}

std::string review_block(const FindingView& view, const Viewer& v) {
  const Lang lang = v.lang;
  std::string out = "<section id=\"review\"><h2>" + tr(lang, "人工复核", "Human review") + "</h2>";
  if (view.row && view.row->review) {
    const auto& review = *view.row->review;
    out += std::string("<p class=\"") + (review.holds() ? "reviewed" : "bad") + "\">" +
           esc(reports::review_verdict_text(review.record, lang)) + " · " +
           (review.holds() ? tr(lang, "本问题不计入结论、指数和告警",
                                "set aside from verdicts, indices and alerts")
            : review.lapsed == "expired"
                ? tr(lang, "已过期，重新计入", "expired: it counts again")
                : tr(lang, "问题已变化，重新计入", "the finding changed: it counts again")) +
           "</p>";
  }
  out += "<ul class=\"log\">";
  for (const auto& r : view.reviews) {
    out += "<li>" + esc(when(r.reviewed_at, view.zone)) + " · " + esc(r.reviewer) + " · " +
           esc(reports::review_verdict_text(r, lang)) +
           (r.reason.empty() ? "" : tr(lang, "：", ": ") + esc(r.reason)) + "</li>";
  }
  out += "</ul>";
  if (!v.can_act || !view.row) return out + "</section>";
  const auto& f = view.key;
  const std::string hidden = csrf_field(v) + "<input type=\"hidden\" name=\"site\" value=\"" +
                             esc(f.site) + "\"><input type=\"hidden\" name=\"code\" value=\"" +
                             esc(f.code) + "\"><input type=\"hidden\" name=\"subject\" value=\"" +
                             esc(f.subject) + "\">";
  out += "<form method=\"post\" action=\"/review\" class=\"review\">" + hidden + "<label>" +
         tr(lang, "结论", "Verdict") + " <select name=\"verdict\"><option value=\"false_alarm\">" +
         tr(lang, "误报", "false alarm") + "</option><option value=\"accepted\">" +
         tr(lang, "接受（暂不整改）", "accepted (not fixed for now)") +
         "</option></select></label><label>" + tr(lang, "理由", "Reason") +
         " <input name=\"reason\" required maxlength=\"500\"></label><label>" +
         tr(lang, "有效期至（可选）", "Until (optional)") +
         " <input name=\"until\" type=\"date\"></label><button type=\"submit\">" +
         tr(lang, "提交复核", "Record review") + "</button></form>";
  if (view.row->review) {
    out += "<form method=\"post\" action=\"/review\" class=\"inline\">" + hidden +
           "<input type=\"hidden\" name=\"verdict\" value=\"withdrawn\"><button type=\"submit\">" +
           tr(lang, "撤销复核", "Withdraw the review") + "</button></form>";
  }
  return out + "</section>";
}

// What the site's newest re-check said of this finding: its word in the history for that run.
std::string recheck_result(const FindingView& view, Lang lang) {
  const auto& r = view.recheck;
  if (!r || r->state != "done" || r->run == 0) return "";
  std::string word = tr(lang, "该次巡查未涉及此问题。", "that run has no word on this finding.");
  for (const auto& h : view.history) {
    if (h.run != r->run) continue;
    word = h.status == "resolved" ? tr(lang, "已整改（问题不再出现）。", "fixed (no longer found).")
                                  : tr(lang, "仍然存在。", "still there.");
  }
  // Carried over because the run could not look (the site down, the page failing): say so.
  if (view.row && view.row->run == r->run && !view.row->verified) {
    word = tr(lang, "未能复核（", "not re-examined (") + esc(view.row->unverified) +
           (view.row->unverified_detail.empty() ? "" : ": " + esc(view.row->unverified_detail)) +
           tr(lang, "），问题保留。", "); it stays open.");
  }
  return "<p class=\"recheck-result\">" +
         tr(lang, "此问题在复查中：", "This finding in the re-check: ") + "<b>" + word + "</b></p>";
}

}  // namespace

std::string finding_page(const FindingView& view, const Viewer& viewer) {
  const Lang lang = viewer.lang;
  std::string body = "<p><a href=\"/site/" + esc(url_encode(view.key.site)) + "\">" +
                     esc(view.site_name) + "</a> · " + esc(view.key.code) + " · " +
                     esc(reports::display_url(view.key.subject)) + "</p>";
  body += evidence_block(view, lang);
  RecheckSection recheck;
  recheck.site = view.key.site;
  recheck.latest = view.recheck;
  recheck.back = finding_path(view.key);
  recheck.button =
      tr(lang, "复查此问题（重新巡查本站）", "Re-check this finding (patrols its site)");
  recheck.result = recheck_result(view, lang);
  body += recheck_section(recheck, view.zone, viewer);
  body += review_block(view, viewer);
  body += history_block(view, lang);
  return layout(viewer, reports::code_label(view.key.code, lang), body,
                recheck_pending(view.recheck) ? 2 : 0);
}

}  // namespace sitepatrol::app::console
