#include "checks/registry.h"

#include "checks/availability.h"
#include "checks/link_status.h"
#include "checks/soft404.h"
#include "checks/tls.h"
#include "checks/unapproved.h"

namespace sitepatrol::checks {

// Each family declares its checks in its own header; list them here.
const std::vector<PageCheck>& page_checks() {
  static const std::vector<PageCheck> checks = {check_soft404};
  return checks;
}

const std::vector<LinkCheck>& link_checks() {
  static const std::vector<LinkCheck> checks = {check_link_status, check_unapproved};
  return checks;
}

const std::vector<SiteCheck>& site_checks() {
  static const std::vector<SiteCheck> checks = {check_availability, check_tls};
  return checks;
}

}  // namespace sitepatrol::checks
