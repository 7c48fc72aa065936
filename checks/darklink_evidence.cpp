#include "checks/darklink_evidence.h"

#include <algorithm>
#include <vector>

#include "checks/host.h"
#include "checks/percent_escape.h"
#include "config/ascii.h"

namespace sitepatrol::checks {
namespace {

constexpr std::string_view kSpamTlds[] = {"bet", "casino", "poker", "porn",
                                          "sex", "sexy",   "xxx",   "adult"};
// Whole runs of letters: short words that would be found inside innocent ones (alphabet,
// essex, dubois) if searched for anywhere.
constexpr std::string_view kSpamWords[] = {"bet",   "bocai",  "dubo",   "duchang", "caipiao",
                                           "qipai", "pujing", "casino", "poker",   "baccarat",
                                           "porn",  "sex",    "xxx"};
// Long enough to mean spam wherever they stand in a label (amcaipiao88, vnsbocai).
constexpr std::string_view kSpamStems[] = {"bocai",      "caipiao",   "duchang",  "xinpujing",
                                           "weinisiren", "yulecheng", "baijiale", "liuhecai",
                                           "shishicai",  "casino",    "baccarat"};

bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

std::vector<std::string_view> split(std::string_view s, char by) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto end = s.find(by, start);
    parts.push_back(s.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool is_ipv4(std::string_view host) {
  const auto parts = split(host, '.');
  return parts.size() == 4 && std::ranges::all_of(parts, [](std::string_view p) {
           return !p.empty() && p.size() <= 3 &&
                  std::ranges::all_of(p, [](char c) { return c >= '0' && c <= '9'; });
         });
}

}  // namespace

std::string registrable_domain(std::string_view host) {
  const std::string h = ascii_lower(host);
  if (is_ipv4(h) || h.find(':') != std::string::npos) return h;
  const auto labels = split(h, '.');
  if (labels.size() <= 2) return h;
  constexpr std::string_view kSecondLevel[] = {"com", "net", "org", "gov", "edu", "ac"};
  const std::string_view sld = labels[labels.size() - 2];
  const bool country_sld =
      labels.back().size() == 2 && std::ranges::find(kSecondLevel, sld) != std::end(kSecondLevel);
  const std::size_t keep = country_sld ? 3 : 2;
  std::string out;
  for (std::size_t i = labels.size() - keep; i < labels.size(); ++i) {
    if (!out.empty()) out += '.';
    out += labels[i];
  }
  return out;
}

std::string suspicious_host(std::string_view host) {
  const std::string h = ascii_lower(host);
  if (is_ipv4(h)) return {};
  const auto labels = split(h, '.');
  if (labels.size() >= 2 && std::ranges::find(kSpamTlds, labels.back()) != std::end(kSpamTlds)) {
    return "TLD ." + std::string(labels.back());
  }
  for (std::size_t i = 0; i + 1 < labels.size(); ++i) {  // the TLD is judged above
    const std::string_view label = labels[i];
    for (std::size_t at = 0; at < label.size();) {
      if (!is_letter(label[at])) {
        ++at;
        continue;
      }
      std::size_t end = at;
      while (end < label.size() && is_letter(label[end])) ++end;
      const std::string_view run = label.substr(at, end - at);
      if (std::ranges::find(kSpamWords, run) != std::end(kSpamWords)) {
        return "host name says " + std::string(run);
      }
      at = end;
    }
    for (std::string_view stem : kSpamStems) {
      if (label.find(stem) != std::string_view::npos) return "host name says " + std::string(stem);
    }
  }
  return {};
}

bool infrastructure_link(std::string_view url, std::string_view host) {
  if (host_within(host, "gov.cn")) return true;
  if (!is_ipv4(host)) return false;
  const auto path_at = url.find('/', url.find("://") + 3);
  if (path_at == std::string_view::npos) return false;
  const std::string path = ascii_lower(url.substr(path_at));
  return path.starts_with("/exposure/") && path.find("jiucuo") != std::string::npos;
}

std::string percent_decoded(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  for (std::size_t i = 0; i < url.size(); ++i) {
    if (const auto byte = escaped_byte(url, i)) {
      out.push_back(static_cast<char>(*byte));
      i += 2;
    } else {
      out.push_back(url[i]);
    }
  }
  return out;
}

}  // namespace sitepatrol::checks
