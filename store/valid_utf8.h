// Text as PostgreSQL accepts it: valid UTF-8 without NUL. SQLite stores any bytes a page gave;
// PostgreSQL refuses invalid UTF-8 and cannot hold a NUL in text, and a malformed page must
// not cost its row. Each invalid byte becomes U+FFFD (as a browser shows it) and each NUL
// too. Pure; any thread.
#pragma once

#include <string>
#include <string_view>

namespace sitepatrol::store {

// True when `text` is valid UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF) and holds no NUL.
bool is_storable_text(std::string_view text);

// `text` with every invalid byte and NUL replaced by U+FFFD.
std::string storable_text(std::string_view text);

}  // namespace sitepatrol::store
