#include "app/console/recheck_section.h"

#include "app/console/form.h"

namespace sitepatrol::app::console {

namespace {

std::string state_text(const std::string& state, Lang lang) {
  if (state == "queued") return tr(lang, "排队中", "queued");
  if (state == "running") return tr(lang, "巡查中", "running");
  if (state == "done") return tr(lang, "已完成", "done");
  if (state == "failed") return tr(lang, "失败", "failed");
  return esc(state);
}

}  // namespace

bool recheck_pending(const std::optional<store::RecheckRequest>& latest) {
  return latest && (latest->state == "queued" || latest->state == "running");
}

std::string recheck_section(const RecheckSection& section, const config::TimeZone& zone,
                            const Viewer& v) {
  const Lang lang = v.lang;
  std::string out = "<section id=\"recheck\"><h2>" + tr(lang, "立即复查", "Re-check now") + "</h2>";
  if (const auto& r = section.latest) {
    out += "<p class=\"recheck " + esc(r->state) + "\">" + tr(lang, "最近一次：", "Latest: ") +
           esc(r->requested_by) + " · " + esc(when(r->requested_at, zone)) + " · <b>" +
           state_text(r->state, lang) + "</b>";
    if (r->run != 0) {
      out += " · <a href=\"/run/" + std::to_string(r->run) + "\">" + tr(lang, "巡查 ", "run ") +
             std::to_string(r->run) + "</a>";
    }
    if (!r->outcome.empty()) out += " · " + esc(r->outcome);
    out += "</p>" + section.result;
  }
  if (v.can_act) {
    out += "<form method=\"post\" action=\"/site/" + esc(url_encode(section.site)) + "/recheck\">" +
           csrf_field(v);
    if (!section.back.empty()) {
      out += "<input type=\"hidden\" name=\"back\" value=\"" + esc(section.back) + "\">";
    }
    out += "<button type=\"submit\">" + esc(section.button) + "</button></form>";
  }
  return out + "</section>";
}

}  // namespace sitepatrol::app::console
