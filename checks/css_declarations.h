// Reading CSS declaration blocks: the inside of style="..." and of a rule's { ... }.
//
// Tolerant the way browsers are: comments are dropped, a declaration without a colon or with a
// malformed name is skipped and the next one read, semicolons inside strings and parentheses
// (url("a;b")) do not split. Property names and values come back lower-cased (ASCII), white
// space collapsed, "!important" taken off and recorded. Linear in the input; never throws on
// any input. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::checks {

struct Declaration {
  std::string property;  // "display"
  std::string value;     // "none"
  bool important = false;
};

// Decides which properties a caller keeps (the visibility rules need about twenty of the
// hundreds there are). nullptr keeps everything.
using PropertyFilter = bool (*)(std::string_view property);

// Appends the declarations of `block` to `out`, in order.
void parse_declarations(std::string_view block, std::vector<Declaration>& out,
                        PropertyFilter keep = nullptr);

std::vector<Declaration> parse_declarations(std::string_view block, PropertyFilter keep = nullptr);

}  // namespace sitepatrol::checks
