// Which engine a `database` setting names: a postgresql:// or postgres:// URI is PostgreSQL,
// anything else a SQLite file. Pure functions; any thread.
#pragma once

#include <string>
#include <string_view>

namespace sitepatrol::store {

bool is_database_uri(std::string_view database);

// The URI with any password taken out (user:secret@host -> user@host, password=... dropped),
// for messages and logs. A file path comes back as it is.
std::string without_password(std::string_view database);

}  // namespace sitepatrol::store
