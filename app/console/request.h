// One request as the console's handlers see it (console.cpp fills it in): who asks, what they
// may see, the configuration of the moment, and the cookies to set on the answer.
// Internal to the console.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "app/console/console.h"
#include "app/console/page.h"

namespace sitepatrol::app::console {

struct Console::Request {
  Request(const HttpRequest& request, ConfigPtr c) : http(request), config(std::move(c)) {}

  const HttpRequest& http;
  ConfigPtr config;
  std::chrono::system_clock::time_point now{};
  const config::ConsoleUser* user = nullptr;
  Viewer viewer;
  std::vector<const config::SiteConfig*> sites;  // those the user may see, configuration order
  std::map<std::string, std::string> form;       // a POST's fields
  std::vector<std::string> set_cookies;

  const config::SiteConfig* visible(const std::string& id) const {
    for (const auto* s : sites) {
      if (s->id == id) return s;
    }
    return nullptr;
  }
  std::string field(const std::string& name) const {
    const auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
  }
};

}  // namespace sitepatrol::app::console
