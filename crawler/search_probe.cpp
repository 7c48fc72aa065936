#include "crawler/search_probe.h"

#include "checks/feature_names.h"
#include "config/find_any.h"

namespace sitepatrol::crawler {

std::string form_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3);
  for (unsigned char c : s) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '*';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string search_query_url(const checks::FormInfo& form, std::string_view query) {
  if (form.method != "get" || form.action.empty()) return {};
  const std::string field = checks::search_field(form);
  std::string url = form.action.substr(0, find_any(form.action, "?#"));
  std::string params;
  bool sent_button = false;
  for (const auto& f : form.fields) {
    if (f.name.empty() || f.type == "checkbox" || f.type == "radio" || f.type == "file" ||
        f.type == "reset" || f.type == "image" || f.tag == "textarea")
      continue;
    const bool button = f.type == "submit" || f.type == "button" || f.tag == "button";
    if (button) {
      if (sent_button || f.type == "button") continue;
      sent_button = true;
    }
    std::string value = f.name == field ? std::string(query) : f.value;
    if (!params.empty()) params.push_back('&');
    params += form_encode(f.name) + "=" + form_encode(value);
  }
  return params.empty() ? url : url + "?" + params;
}

}  // namespace sitepatrol::crawler
