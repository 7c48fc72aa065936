// The demonstration site's server: app/demo_site/ served by HttpEndpoint on an ephemeral
// loopback port, plus the one defect static files cannot plant (a redirect loop under
// /old/loop), and the configuration that patrols it under real-looking host names.
#pragma once

#include <filesystem>
#include <string_view>

#include "app/http_endpoint.h"
#include "config/config.h"

namespace sitepatrol::app {

class DemoServer {
 public:
  // Listens on kDemoPort when it is free, so the demo's URLs (and with them its findings'
  // subjects and stored validators) stay the same from one demo run to the next; on an
  // ephemeral port otherwise.
  static constexpr unsigned short kDemoPort = 18469;
  explicit DemoServer(const std::filesystem::path& root);
  unsigned short port() const { return server_.port(); }

 private:
  HttpEndpoint server_;
};

// One site, www.demo-jtt.gov.cn, resolved to 127.0.0.1:port; its "external" links point at
// hosts that resolve to loopback too, and so stay unfetched under the private-address rule.
config::Config demo_config(unsigned short port);

// The day the demo site's dates are written for (app/demo_site/DEFECTS.md): the demo patrols
// as of this time, so its freshness findings do not change as the calendar moves on.
inline constexpr std::string_view kDemoPatrolTime = "2026-11-25T02:00:00Z";

}  // namespace sitepatrol::app
