#include "checks/feature_names.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "config/ascii.h"
#include "config/features.h"

namespace sitepatrol::checks {
namespace {

bool contains_any(std::string_view haystack, std::initializer_list<std::string_view> words) {
  return std::ranges::any_of(
      words, [&](std::string_view w) { return haystack.find(w) != std::string_view::npos; });
}

bool is_text_input(const FormField& f) {
  return f.tag == "input" && (f.type == "text" || f.type == "search" || f.type.empty());
}

bool says_query(std::string_view name) {
  const std::string n = ascii_lower(name);
  static constexpr std::array<std::string_view, 6> kShort = {"q", "s", "wd", "kw", "key", "word"};
  return std::ranges::find(kShort, n) != kShort.end() ||
         contains_any(n, {"search", "query", "keyword", "sousuo", "searchword"});
}

constexpr std::size_t kMaxNameText = 60;  // bytes: 20 Chinese characters

}  // namespace

std::optional<std::string> feature_kind_of(const config::FeaturesConfig& features,
                                           std::string_view text) {
  return FeatureNamer(features).kind_of(text);
}

FeatureNamer::FeatureNamer(const config::FeaturesConfig& features) {
  // Seven kinds at most: kind_of keeps them as bits of a 32-bit mask.
  static constexpr std::array<std::string_view, 7> kOrder = {
      "mailbox_stats", "mailbox", "disclosure_request", "interview",
      "solicitation",  "search",  "message_board"};
  std::vector<std::string_view> names, ignores;
  for (std::string_view kind : kOrder) {
    auto it = features.names.find(std::string(kind));
    if (it == features.names.end()) continue;
    for (const std::string& w : it->second.names) {
      if (w.empty()) continue;
      names.push_back(w);
      name_kind_.push_back(kinds_.size());
    }
    for (const std::string& w : it->second.ignore) {
      if (w.empty()) continue;
      ignores.push_back(w);
      ignore_kind_.push_back(kinds_.size());
    }
    kinds_.emplace_back(kind);
  }
  names_ = MultiMatcher(names);  // folds ASCII letters itself
  ignores_ = MultiMatcher(ignores);
}

std::optional<std::string> FeatureNamer::kind_of(std::string_view text) const {
  // A feature's link is a short name; a long text is an article title that mentions one
  // (关于开展在线访谈活动的通知).
  if (text.empty() || text.size() > kMaxNameText) return std::nullopt;
  std::uint32_t named = 0, ruled_out = 0;  // bit k: kinds_[k]
  names_.scan(text, [&](std::size_t pattern, std::size_t) { named |= 1u << name_kind_[pattern]; });
  if (named == 0) return std::nullopt;
  ignores_.scan(
      text, [&](std::size_t pattern, std::size_t) { ruled_out |= 1u << ignore_kind_[pattern]; });
  for (std::size_t k = 0; k < kinds_.size(); ++k) {
    if ((named >> k & 1u) != 0 && (ruled_out >> k & 1u) == 0) return kinds_[k];
  }
  return std::nullopt;
}

bool is_search_form(const FormInfo& form) {
  if (search_field(form).empty()) return false;
  std::string said = form.hints + " " + ascii_lower(form.text);
  for (const auto& f : form.fields)
    said += " " + ascii_lower(f.name) + " " + ascii_lower(f.placeholder);
  return contains_any(said, {"search", "sou", "query", "keyword", "jsearch", "find", "搜索", "检索",
                             "查询", "关键字", "关键词"});
}

std::string search_field(const FormInfo& form) {
  const FormField* first = nullptr;
  for (const auto& f : form.fields) {
    if (!is_text_input(f) || f.name.empty()) continue;
    if (says_query(f.name)) return f.name;
    if (!first) first = &f;
  }
  return first ? first->name : std::string();
}

bool is_message_form(const FormInfo& form) {
  int text_fields = 0;
  for (const auto& f : form.fields) {
    if (f.tag == "textarea") return true;
    if (is_text_input(f) || f.type == "email" || f.type == "tel") ++text_fields;
  }
  return text_fields >= 2 && !is_search_form(form);
}

bool is_pagination_text(std::string_view text) {
  if (text.empty()) return false;
  if (std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; })) return true;
  const std::string t = ascii_lower(text);
  return contains_any(t, {"下一页", "下页", "尾页", "末页", "上一页", "上页", "后页", "前页",
                          "next", "»", "›"}) ||
         t == ">" || t == ">>" || t == "[>]";
}

const config::FeaturesConfig& features_of(const SiteContext& ctx) {
  if (ctx.config) return ctx.config->features;
  static const config::FeaturesConfig defaults = config::default_features();
  return defaults;
}

}  // namespace sitepatrol::checks
