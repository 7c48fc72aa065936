// The one submission sitepatrol makes (issue 4): a GET search form filled with a harmless
// query, the site's own name, the way a browser would send it. POST forms are never
// submitted; their actions are only checked with HEAD/GET without data.
//
// Pure: building the URL. The fetch itself is SiteCrawl's (crawler/interact_probes.cpp).
#pragma once

#include <string>
#include <string_view>

#include "checks/inputs.h"

namespace sitepatrol::crawler {

// The URL a browser would GET for `form` with `query` typed into its search field: the
// action without its query string, then every named field as name=value
// (application/x-www-form-urlencoded, UTF-8): hidden fields and selects keep their values,
// the search field gets `query`, other fields keep their value attribute; check boxes, radio
// buttons, files and textareas are left out, and of the buttons only the first named submit
// is sent. "" for a POST form or one without an action.
std::string search_query_url(const checks::FormInfo& form, std::string_view query);

// application/x-www-form-urlencoded: unreserved bytes as they are, space as '+', the rest %XX.
std::string form_encode(std::string_view s);

}  // namespace sitepatrol::crawler
