#include "app/http_message.h"

#include <algorithm>
#include <cctype>

namespace sitepatrol::app {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string HttpRequest::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (iequals(name, lower_name)) return value;
  }
  return {};
}

std::string HttpRequest::path() const { return target.substr(0, target.find('?')); }

}  // namespace sitepatrol::app
