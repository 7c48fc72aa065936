#include "checks/registry.h"

namespace sitepatrol::checks {

// Each family declares its checks in its own header; list them here.
const std::vector<PageCheck>& page_checks() {
  static const std::vector<PageCheck> checks = {};
  return checks;
}

const std::vector<LinkCheck>& link_checks() {
  static const std::vector<LinkCheck> checks = {};
  return checks;
}

const std::vector<SiteCheck>& site_checks() {
  static const std::vector<SiteCheck> checks = {};
  return checks;
}

}  // namespace sitepatrol::checks
