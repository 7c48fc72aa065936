// A registered site and its patrol context, built by hand for check tests.
#pragma once

#include <chrono>

#include "checks/inputs.h"
#include "config/security.h"

namespace sitepatrol::checks::testing {

struct SiteFixture {
  config::SiteConfig site;
  config::PatrolConfig patrol;
  config::SecurityConfig security = config::default_security();
  std::set<std::string> own_hosts = {"www.site.example"};
  std::set<std::string> registered_hosts = {"www.site.example", "www.msa.gov.cn"};
  // 2026-11-25T02:00:00Z
  std::chrono::system_clock::time_point now{std::chrono::seconds{1795572000}};

  SiteFixture() {
    site.id = "hb-jtt";
    site.name = "湖北省交通运输厅";
    site.url = "http://www.site.example/";
  }

  SiteContext context() const {
    SiteContext ctx;
    ctx.site = &site;
    ctx.patrol = &patrol;
    ctx.security = &security;
    ctx.own_hosts = own_hosts;
    ctx.registered_hosts = &registered_hosts;
    ctx.now = now;
    return ctx;
  }
};

}  // namespace sitepatrol::checks::testing
