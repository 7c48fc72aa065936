#include "app/demo_server.h"

#include "app/static_files.h"
#include "config/columns.h"
#include "config/features.h"
#include "config/security.h"

namespace sitepatrol::app {

namespace {

HttpReply demo_reply(const std::filesystem::path& root, const HttpRequest& request) {
  const std::string path = request.path();
  if (path == "/old/loop.html" || path == "/old/loop2.html") {
    HttpReply r;
    r.status = 302;
    r.headers.emplace_back("Location",
                           path == "/old/loop.html" ? "/old/loop2.html" : "/old/loop.html");
    return r;
  }
  return serve_static(root, request);
}

HttpEndpoint listen(const std::filesystem::path& root) {
  Handler handler = [root](const HttpRequest& r) { return demo_reply(root, r); };
  try {
    return HttpEndpoint(handler, "127.0.0.1", DemoServer::kDemoPort);
  } catch (const std::system_error&) {
    return HttpEndpoint(handler, "127.0.0.1", 0);
  }
}

}  // namespace

DemoServer::DemoServer(const std::filesystem::path& root) : server_(listen(root)) {}

config::Config demo_config(unsigned short port) {
  config::Config c;
  c.thresholds = config::default_thresholds();
  c.column_kinds = config::builtin_column_kinds();
  c.security = config::default_security();
  c.features = config::default_features();  // issue 4: feature names and required kinds
  const std::string p = std::to_string(port);
  // The demo's outside links resolve to loopback too, so the private-address rule keeps
  // them unfetched: the demo never leaves the machine, and gives the same result offline.
  c.patrol.resolve = {"www.demo-jtt.gov.cn:" + p + ":127.0.0.1"};
  for (const char* host : {"www.gov.cn", "www.mot.gov.cn", "bszs.conac.cn",
                           "www.unapproved-example.com", "www.bet-example.com"})
    for (const char* port : {":80:", ":443:"})
      c.patrol.resolve.push_back(std::string(host) + port + "127.0.0.1");
  c.patrol.per_host_delay_ms = 0;
  c.patrol.timeout_s = 5;
  config::SiteConfig s;
  s.id = "demo-jtt";
  s.name = "示范省交通运输厅";
  s.url = "http://www.demo-jtt.gov.cn:" + p + "/";
  s.category = "local";
  s.unit = "地方交通运输主管部门";
  s.allowed_domains = {"gov.cn"};
  c.sites.push_back(std::move(s));
  return c;
}

}  // namespace sitepatrol::app
