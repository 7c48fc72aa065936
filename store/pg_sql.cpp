#include "store/pg_sql.h"

#include <algorithm>

namespace sitepatrol::store {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Copies from `at` up to and including the closing `quote` (a doubled quote stays inside).
std::size_t copy_quoted(std::string_view sql, std::size_t at, std::string& out) {
  const char quote = sql[at];
  out += quote;
  for (std::size_t i = at + 1; i < sql.size(); ++i) {
    out += sql[i];
    if (sql[i] != quote) continue;
    if (i + 1 < sql.size() && sql[i + 1] == quote) {
      out += sql[++i];
      continue;
    }
    return i + 1;
  }
  return sql.size();
}

}  // namespace

DollarSql to_dollar_parameters(std::string_view sql) {
  DollarSql out;
  out.sql.reserve(sql.size());
  int next = 0;
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      i = copy_quoted(sql, i, out.sql);
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const std::size_t end = std::min(sql.find('\n', i), sql.size());
      out.sql.append(sql.substr(i, end - i));
      i = end;
    } else if (c == '?') {
      std::size_t end = i + 1;
      while (end < sql.size() && is_digit(sql[end])) ++end;
      const int number =
          end > i + 1 ? std::stoi(std::string(sql.substr(i + 1, end - i - 1))) : ++next;
      next = std::max(next, number);
      out.count = std::max(out.count, number);
      out.sql += '$';
      out.sql += std::to_string(number);
      i = end;
    } else {
      out.sql += c;
      ++i;
    }
  }
  return out;
}

}  // namespace sitepatrol::store
