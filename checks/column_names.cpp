#include "checks/column_names.h"

#include <algorithm>

#include "checks/dates.h"
#include "checks/utf8.h"
#include "config/ascii.h"
#include "config/find_any.h"

namespace sitepatrol::checks {
namespace {

constexpr std::size_t kMaxExtraCodePoints = 4;
constexpr std::size_t kMaxEndingName = 8;  // 县市区动态, 政府信息公开制度文件 is too long
constexpr std::size_t kMaxPathCueName = 12;
constexpr std::size_t kArticleDigits = 4;  // t20231106_2294796, art_1861_4982441, post_9360641

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
  constexpr std::string_view kNames[] = {"page", "pageno",  "pageindex", "curpage",
                                         "p",    "pagenum", "currpage",  "page_no"};
  const auto eq = param.find('=');
  if (eq == std::string_view::npos) return false;
  std::string key(param.substr(0, eq));
  for (char& c : key) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  return std::ranges::find(kNames, key) != std::end(kNames) && is_digits(param.substr(eq + 1));
}

bool has_digit_run(std::string_view s, std::size_t n) {
  std::size_t run = 0;
  for (char c : s) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run >= n) return true;
  }
  return false;
}

// A column's own page: index.html, list.shtml, xxgk_lists.shtml, class_zgjx.shtml,
// redirect_firstChannel.shtml, or named after its folder (zfjg/zfjg.shtml). Articles have
// ids (3.html, t20231106_2294796.shtml) and are not.
bool is_index_file(std::string_view file, std::string_view folder) {
  const std::string_view stem = file.substr(0, file.find('.'));
  if (has_digit_run(stem, kArticleDigits)) return false;
  constexpr std::string_view kStarts[] = {"index", "default", "more", "redirect", "class_"};
  return stem == folder || stem.find("list") != std::string_view::npos ||
         std::ranges::any_of(kStarts, [&](std::string_view k) { return stem.starts_with(k); });
}

// "zwxx_221" -> "zwxx", "zfwj67" -> "zfwj", "jyb_zzjg" -> "zzjg".
std::string folder_stem(std::string folder) {
  if (auto us = folder.rfind('_'); us != std::string::npos && is_digits(folder.substr(us + 1))) {
    folder.resize(us);
  }
  while (!folder.empty() && folder.back() >= '0' && folder.back() <= '9') folder.pop_back();
  if (auto us = folder.rfind('_'); us != std::string::npos) folder.erase(0, us + 1);
  return folder;
}

const config::ColumnKind* by_name(const std::vector<config::ColumnKind>& kinds,
                                  const std::string& tidy) {
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

const config::ColumnKind* by_ending(const std::vector<config::ColumnKind>& kinds,
                                    const std::string& tidy) {
  if (code_points(tidy) > kMaxEndingName) return nullptr;
  const config::ColumnKind* best = nullptr;
  std::size_t best_length = 0;
  for (const config::ColumnKind& kind : kinds) {
    for (const std::string& e : kind.endings) {
      if (e.size() <= best_length || !tidy.ends_with(e)) continue;
      best = &kind;
      best_length = e.size();
    }
  }
  return best;
}

}  // namespace

bool looks_like_department(std::string_view tidy_name) {
  // Units of government and their offices; a column is named for what it publishes.
  constexpr std::string_view kEndings[] = {"局",     "厅",     "委",   "委员会", "管委会",
                                           "办公室", "办公厅", "政府", "办",     "署",
                                           "支队",   "人大",   "政协"};
  return std::ranges::any_of(kEndings, [&](std::string_view e) { return tidy_name.ends_with(e); });
}

std::string tidy_column_name(std::string_view name) {
  std::string s(name);
  constexpr std::string_view kDrop[] = {" ",  "\t", "»", "·",        ">",           "＞",
                                        "【", "】", "[", "]",        "更多",        "›",
                                        "|",  "：", ":", "\xC2\xA0", "\xE3\x80\x80"};
  for (std::string_view d : kDrop) erase_all(s, d);
  return s;
}

const config::ColumnKind* column_kind_for(const std::vector<config::ColumnKind>& kinds,
                                          std::string_view name) {
  const std::string tidy = tidy_column_name(name);
  if (tidy.empty() || looks_like_department(tidy)) return nullptr;
  if (const auto* kind = by_name(kinds, tidy)) return kind;
  return by_ending(kinds, tidy);
}

std::string column_folder(std::string_view url) {
  url = url.substr(0, find_any(url, "?#"));
  const auto scheme = url.find("://");
  const auto path_at = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path_at == std::string_view::npos || date_in_url(url)) return {};
  const std::string_view path = url.substr(path_at);
  const auto slash = path.rfind('/');
  const std::string file = ascii_lower(path.substr(slash + 1));
  const std::string_view dir = path.substr(0, slash);
  const std::string folder = ascii_lower(dir.substr(dir.rfind('/') + 1));
  if (!file.empty() && !is_index_file(file, folder)) return {};
  return folder_stem(folder);
}

const config::ColumnKind* column_kind_for_path(const std::vector<config::ColumnKind>& kinds,
                                               std::string_view url) {
  const std::string folder = column_folder(url);
  if (folder.empty()) return nullptr;
  for (const config::ColumnKind& kind : kinds) {
    if (std::ranges::find(kind.paths, folder) != kind.paths.end()) return &kind;
  }
  return nullptr;
}

const config::ColumnKind* column_kind_for_link(const std::vector<config::ColumnKind>& kinds,
                                               std::string_view text, std::string_view url) {
  if (const auto* kind = column_kind_for(kinds, text)) return kind;
  const std::string tidy = tidy_column_name(text);
  // 政府信息公开, 政务公开 are sections, whatever folder their link happens to open.
  if (tidy.empty() || code_points(tidy) > kMaxPathCueName || looks_like_department(tidy) ||
      tidy.find("公开") != std::string::npos) {
    return nullptr;
  }
  return column_kind_for_path(kinds, url);
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
