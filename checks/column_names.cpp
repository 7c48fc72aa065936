#include "checks/column_names.h"

#include <algorithm>

#include "checks/utf8.h"

namespace sitepatrol::checks {
namespace {

constexpr std::size_t kMaxExtraCodePoints = 4;

void erase_all(std::string& s, std::string_view what) {
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what)) s.erase(at, what.size());
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::ranges::all_of(s, [](char c) { return c >= '0' && c <= '9'; });
}

// "index_2.html" -> "index.html" for the usual list page names.
std::string first_page_name(std::string_view name) {
  constexpr std::string_view kStems[] = {"index", "list", "default", "more"};
  const auto dot = name.find('.');
  const std::string_view base = name.substr(0, dot);
  const std::string_view ext = dot == std::string_view::npos ? "" : name.substr(dot);
  for (std::string_view stem : kStems) {
    if (base.size() > stem.size() + 1 && base.starts_with(stem) && base[stem.size()] == '_' &&
        is_digits(base.substr(stem.size() + 1))) {
      return std::string(stem) + std::string(ext);
    }
  }
  return std::string(name);
}

bool is_page_parameter(std::string_view param) {
  constexpr std::string_view kNames[] = {"page", "pageno", "pageindex", "curpage", "p",
                                         "pagenum", "currpage", "page_no"};
  const auto eq = param.find('=');
  if (eq == std::string_view::npos) return false;
  std::string key(param.substr(0, eq));
  for (char& c : key) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  return std::ranges::find(kNames, key) != std::end(kNames) && is_digits(param.substr(eq + 1));
}

}  // namespace

std::string tidy_column_name(std::string_view name) {
  std::string s(name);
  constexpr std::string_view kDrop[] = {" ", "\t", "»", "·", ">", "＞", "【", "】", "[", "]",
                                        "更多", "›", "|", "：", ":", "\xC2\xA0", "\xE3\x80\x80"};
  for (std::string_view d : kDrop) erase_all(s, d);
  return s;
}

const config::ColumnKind* column_kind_for(const std::vector<config::ColumnKind>& kinds,
                                          std::string_view name) {
  const std::string tidy = tidy_column_name(name);
  if (tidy.empty()) return nullptr;
  const std::size_t length = code_points(tidy);
  const config::ColumnKind* best = nullptr;
  std::size_t best_length = 0;
  for (const config::ColumnKind& kind : kinds) {
    for (const std::string& n : kind.names) {
      const std::size_t n_length = code_points(n);
      if (n_length <= best_length || tidy.find(n) == std::string::npos) continue;
      if (length - n_length > kMaxExtraCodePoints) continue;
      best = &kind;
      best_length = n_length;
    }
  }
  return best;
}

std::string column_first_page(std::string_view url) {
  const auto hash = url.find('#');
  url = url.substr(0, hash);
  const auto q = url.find('?');
  const std::string_view path = url.substr(0, q);
  const auto slash = path.rfind('/');
  std::string out(path.substr(0, slash + 1));
  out += first_page_name(path.substr(slash + 1));
  if (q == std::string_view::npos) return out;
  std::string query;
  std::string_view rest = url.substr(q + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view param = rest.substr(0, amp);
    if (!param.empty() && !is_page_parameter(param)) {
      query += query.empty() ? "" : "&";
      query += param;
    }
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
  }
  if (!query.empty()) out += "?" + query;
  return out;
}

std::string column_identity(std::string_view url) {
  std::string first = column_first_page(url);
  if (first.find('?') != std::string::npos) return first;
  const auto slash = first.rfind('/');
  const std::string_view name = std::string_view(first).substr(slash + 1);
  const auto dot = name.find('.');
  const std::string_view base = name.substr(0, dot);
  if (base == "index" || base == "default" || base == "list") first.resize(slash + 1);
  return first;
}

}  // namespace sitepatrol::checks
