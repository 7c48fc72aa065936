// IDN to ASCII with libidn2 (see idn.h).
#include "config/idn.h"

#include <idn2.h>

#include <algorithm>

namespace sitepatrol::config {
namespace {

struct Idn2String {
  char* p = nullptr;
  ~Idn2String() { idn2_free(p); }
};

bool is_ascii(std::string_view s) {
  return std::ranges::all_of(s, [](unsigned char c) { return c < 0x80; });
}

}  // namespace

std::optional<std::string> host_to_ascii(std::string_view host) {
  if (is_ascii(host)) {
    std::string out(host);
    for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
    return out;
  }
  const std::string input(host);  // idn2 wants a NUL-terminated string
  // Non-transitional UTS #46 is what browsers do today (ß stays ß); transitional is the
  // fallback for the few names only the older mapping accepts.
  for (int flags : {IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT, IDN2_TRANSITIONAL | IDN2_NFC_INPUT}) {
    Idn2String out;
    if (idn2_to_ascii_8z(input.c_str(), &out.p, flags) == IDN2_OK && out.p && *out.p) {
      return std::string(out.p);
    }
  }
  return std::nullopt;
}

}  // namespace sitepatrol::config
