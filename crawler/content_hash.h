// A stable 64-bit FNV-1a content hash, as 16 hex digits: equal bodies, equal hashes, across
// runs and machines (std::hash promises neither).
#pragma once

#include <string>
#include <string_view>

namespace sitepatrol::crawler {

std::string content_hash(std::string_view bytes);

}  // namespace sitepatrol::crawler
