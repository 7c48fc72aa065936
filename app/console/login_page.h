// The sign-in page of the console (issue 17). Pure function; any thread.
#pragma once

#include <string>
#include <string_view>

#include "app/console/page.h"

namespace sitepatrol::app::console {

// `message`: why the last attempt failed ("" for none); `back`: where to go after signing in.
std::string login_page(Lang lang, std::string_view message, std::string_view back);

}  // namespace sitepatrol::app::console
