// Forms of a parsed page, for the interactive-feature checks (issue 4, checks/interact.h).
//
// One walk over Gumbo's tree: each <form> with its action (resolved against the page's base
// URL and normalised; the base itself when the form has none), its method, the attributes
// that say what it is for, its text and button labels, and its fields (input, select,
// textarea, button). Forms nested in forms are read as one, as browsers do. Nothing is
// submitted here or anywhere else except GET search forms (crawler/search_probe.h). Pure and
// thread-safe: called from parse_html on the parse pool.
#pragma once

#include <string_view>
#include <vector>

#include <gumbo.h>

#include "checks/inputs.h"

namespace sitepatrol::crawler {

std::vector<checks::FormInfo> extract_forms(const GumboNode* root, std::string_view base_url);

}  // namespace sitepatrol::crawler
