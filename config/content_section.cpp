#include "config/content_section.h"

#include <algorithm>

#include "config/config.h"

namespace sitepatrol::config::detail {

bool read_date(TableReader& r, std::string_view key, std::optional<std::chrono::sys_days>& out) {
  const toml::node* n = r.node(key);
  if (!n) return false;
  if (const auto* date = n->as_date()) {
    const toml::date d = date->get();
    const std::chrono::year_month_day ymd{std::chrono::year(d.year), std::chrono::month(d.month),
                                          std::chrono::day(d.day)};
    if (ymd.ok()) {
      out = std::chrono::sys_days(ymd);
      return true;
    }
  } else if (const auto* text = n->as_string()) {
    if (auto day = parse_ymd(text->get())) {
      out = day;
      return true;
    }
  }
  r.problems().add(n->source(), r.path_of(key), "expected a date (2023-03-10)");
  return false;
}

void refuse_long_terms(TableReader& r, std::string_view key, std::span<const std::string> texts) {
  for (const std::string& text : texts) {
    const auto chars = std::ranges::count_if(
        text, [](unsigned char c) { return (c & 0xC0) != 0x80; });  // UTF-8 lead bytes
    if (static_cast<std::size_t>(chars) <= kMaxTermChars) continue;
    r.problems().add(r.node(key)->source(), r.path_of(key),
                     "is longer than " + std::to_string(kMaxTermChars) +
                         " characters; the content checks could never find it");
    return;
  }
}

void read_leader(TableReader& r, Leader& out) {
  if (!r.read("name", out.name) || out.name.empty()) {
    r.problems().add(r.node("name") ? r.node("name")->source() : r.where(), r.path_of("name"),
                     r.node("name") ? "must not be empty" : "missing key");
  }
  std::string title;
  if (r.read("title", title) && !title.empty()) out.titles.push_back(title);
  std::vector<std::string> titles;
  if (r.read("titles", titles)) {
    for (auto& t : titles) {
      if (!t.empty()) out.titles.push_back(std::move(t));
    }
  }
  if (out.titles.empty()) {
    r.problems().add(r.where(), r.path_of("title"), "a leader needs a title (or titles)");
  }
  refuse_long_terms(r, "name", std::span(&out.name, 1));
  refuse_long_terms(r, r.node("titles") ? "titles" : "title", out.titles);
  read_date(r, "since", out.since);
  if (read_date(r, "until", out.until) && out.since && *out.until < *out.since) {
    r.problems().add(r.node("until")->source(), r.path_of("until"), "is before since");
  }
  r.read("source", out.source);
  r.reject_unknown_keys();
}

void read_content(TableReader& r, ContentConfig& out, const std::filesystem::path& folder) {
  out.dictionary = builtin_content_dictionary();
  if (auto file = read_data_file(r, "terms_file", folder, "the content terms file")) {
    out.terms_file = file->path;
    if (auto extra = parse_content_terms(file->text, file->path)) {
      out.dictionary = with_extra_terms(*extra);
    } else {
      r.problems().add(std::move(extra.error()));  // the terms file's own name, line and key
    }
  }
  r.reject_unknown_keys();
}

}  // namespace sitepatrol::config::detail
