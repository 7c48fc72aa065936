#include "checks/content_site_leaders.h"

#include <algorithm>
#include <array>

#include "checks/dates.h"
#include "checks/utf8.h"

namespace sitepatrol::checks {
namespace {}  // namespace

std::vector<ContentHit> site_leader_slips(const ContentText& text,
                                          std::span<const config::Leader> leaders) {
  std::vector<ContentHit> hits;
  const std::u32string& chars = text.chars();
  const auto is_leader = [&](std::u32string_view x) {
    return std::ranges::any_of(leaders, [&](const auto& l) { return to_u32(l.name) == x; });
  };
  for (const config::Leader& leader : leaders) {
    const std::u32string name = to_u32(leader.name);
    for (const std::string& title_text : leader.titles) {
      const std::u32string title = to_u32(title_text);
      for (std::size_t at = chars.find(title); at != std::u32string::npos && hits.size() < 100;
           at = chars.find(title, at + 1)) {
        if (at > 0 && chars[at - 1] == U'副') continue;
        const std::size_t end = at + title.size();
        for (const bool after : {false, true}) {
          if ((!after && at < name.size()) || (after && end + name.size() > chars.size())) continue;
          const std::size_t begin = after ? end : at - name.size();
          const std::u32string_view x(chars.data() + begin, name.size());
          if (x == name || x.front() != name.front() || !std::ranges::all_of(x, is_han) ||
              !one_character_off(x, name) || is_leader(x)) {
            continue;
          }
          const bool seen = std::ranges::any_of(hits, [&](const auto& h) { return h.at == begin; });
          if (!seen) {
            hits.push_back(ContentHit{ContentKind::misstatement,
                                      text.slice(begin, begin + name.size()), leader.name,
                                      "site leader's name (" + title_text + ")",
                                      text.sentence(begin, begin + name.size()), begin});
          }
        }
      }
    }
  }
  return hits;
}

bool is_leaders_page(std::string_view title, std::string_view url) {
  static constexpr std::array<std::string_view, 9> kTitles = {"领导信息", "领导之窗", "领导简介",
                                                              "领导班子", "领导分工", "现任领导",
                                                              "单位领导", "机构领导", "领导成员"};
  static constexpr std::array<std::string_view, 4> kPaths = {"/ldxx/", "/ldzc/", "/ldjj/",
                                                             "/ldbz/"};
  return std::ranges::any_of(kTitles,
                             [&](auto w) { return title.find(w) != std::string_view::npos; }) ||
         std::ranges::any_of(kPaths, [&](auto w) { return url.find(w) != std::string_view::npos; });
}

std::vector<ContentHit> former_leaders_listed(const ContentText& text,
                                              std::span<const config::Leader> leaders,
                                              std::chrono::sys_days today) {
  std::vector<ContentHit> hits;
  const auto current = [&](const std::string& name) {
    return std::ranges::any_of(
        leaders, [&](const auto& l) { return l.name == name && (!l.until || *l.until >= today); });
  };
  for (const config::Leader& leader : leaders) {
    if (!leader.until || *leader.until >= today || current(leader.name)) continue;
    const auto byte = text.utf8().find(leader.name);
    if (byte == std::string::npos) continue;
    const bool seen =
        std::ranges::any_of(hits, [&](const auto& h) { return h.found == leader.name; });
    if (seen) continue;
    const std::size_t at = text.char_at(byte);
    const std::size_t end = at + code_points(leader.name);
    hits.push_back(ContentHit{ContentKind::outdated, leader.name, "",
                              "former " + leader.titles.front() + ", left " +
                                  to_string(Date(*leader.until)) +
                                  ", still listed on the leaders' page",
                              text.sentence(at, end), at});
  }
  return hits;
}

}  // namespace sitepatrol::checks
