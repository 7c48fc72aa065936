// The SQL text the store writes, as PostgreSQL takes it: `?N` parameters become `$N` (a bare
// `?` the next number), outside string literals, quoted names and comments. Pure; any thread.
#pragma once

#include <string>
#include <string_view>

namespace sitepatrol::store {

struct DollarSql {
  std::string sql;
  int count = 0;  // the highest parameter number used
};

DollarSql to_dollar_parameters(std::string_view sql);

}  // namespace sitepatrol::store
