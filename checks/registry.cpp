#include "checks/registry.h"

#include "checks/availability.h"
#include "checks/content.h"
#include "checks/darklink.h"
#include "checks/foreign_script.h"
#include "checks/freshness.h"
#include "checks/identifiers.h"
#include "checks/interact.h"
#include "checks/link_status.h"
#include "checks/malformed_links.h"
#include "checks/meta_tags.h"
#include "checks/privacy.h"
#include "checks/soft404.h"
#include "checks/spam.h"
#include "checks/tamper.h"
#include "checks/tls.h"
#include "checks/transport.h"
#include "checks/unapproved.h"

namespace sitepatrol::checks {

// Each family declares its checks in its own header; list them here.
const std::vector<PageCheck>& page_checks() {
  static const std::vector<PageCheck> checks = {
      check_soft404,       check_darklinks,       check_spam,    check_tamper,
      check_mixed_content, check_malformed_links, check_privacy, check_content};
  return checks;
}

const std::vector<PageCheck>& text_checks() {
  static const std::vector<PageCheck> checks = {check_privacy, check_content};
  return checks;
}

const std::vector<LinkCheck>& link_checks() {
  static const std::vector<LinkCheck> checks = {check_link_status, check_unapproved,
                                                check_foreign_script};
  return checks;
}

const std::vector<SiteCheck>& site_checks() {
  static const std::vector<SiteCheck> checks = {
      check_availability,   check_tls,     check_transport,       check_identifiers,
      check_home_freshness, check_columns, check_missing_columns, check_meta_tags,
      check_interaction};  // issue 4
  return checks;
}

}  // namespace sitepatrol::checks
