#include "app/console/form.h"

#include "checks/percent_escape.h"

namespace sitepatrol::app::console {

namespace {

std::string decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (const auto byte = checks::escaped_byte(text, i)) {
      out += static_cast<char>(*byte);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::map<std::string, std::string> parse_form(std::string_view text) {
  std::map<std::string, std::string> out;
  while (!text.empty()) {
    const auto amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    std::string name = decode(pair.substr(0, eq));
    std::string value = eq == std::string_view::npos ? "" : decode(pair.substr(eq + 1));
    out.emplace(std::move(name), std::move(value));
  }
  return out;
}

std::string local_path(std::string_view back) {
  if (back.empty() || back.front() != '/' || back.starts_with("//") || back.starts_with("/\\") ||
      back.find_first_of("\r\n") != std::string_view::npos) {
    return "/";
  }
  return std::string(back);
}

std::map<std::string, std::string> query_of(const HttpRequest& request) {
  const auto q = request.target.find('?');
  if (q == std::string::npos) return {};
  return parse_form(std::string_view(request.target).substr(q + 1));
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' ||
        u == '_' || u == '.' || u == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string cookie(const HttpRequest& request, std::string_view name) {
  const std::string header = request.header("cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const auto semi = rest.find(';');
    std::string_view part = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    const auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) {
      return std::string(part.substr(eq + 1));
    }
  }
  return {};
}

}  // namespace sitepatrol::app::console
