// META-MISSING (info; docs/codes.md): pages lack the meta tags of the government web page
// design rules. The homepage should carry SiteName, SiteDomain and SiteIDCode; column pages
// ColumnName and ColumnType; article pages (the entries of the site's columns that were
// read) ArticleTitle, PubDate and ContentSource. One finding per site and tag name: the
// subject is the tag name, the page the first page lacking it, the detail how many of the
// pages that should carry it do not. Judged at the end of a site. Pure.
#pragma once

#include "checks/registry.h"

namespace sitepatrol::checks {

void check_meta_tags(const SiteContext& ctx, const SiteResult& result, Findings& out);

}  // namespace sitepatrol::checks
