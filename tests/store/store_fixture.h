// Helpers shared by the store tests: a temporary directory removed at the end of the test,
// small builders for findings, pages and links, and raw SQL access to the database (file or
// URI) for assertions the Store interface does not expose. Engines: tests/support/test_database.h. Test-only; one thread.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "checks/finding.h"
#include "store/db.h"
#include "store/store.h"
#include "tests/support/test_database.h"

namespace sitepatrol::store::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "sitepatrol-store-XXXXXX").string();
    if (char* made = mkdtemp(pattern.data()); made != nullptr) path_ = made;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path file(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline checks::Finding finding(const std::string& site, const std::string& code,
                               const std::string& subject,
                               checks::Severity severity = checks::Severity::error,
                               const std::string& detail = "detail") {
  return checks::Finding{site, code, severity, subject, "http://" + site + "/page.html", detail};
}

// A link reference as a parser reports it (visible).
inline checks::LinkRef ref(std::string url, std::string kind, std::string text) {
  checks::LinkRef r;
  r.url = std::move(url);
  r.kind = std::move(kind);
  r.text = std::move(text);
  return r;
}

inline PageRecord page(const std::string& site, const std::string& url,
                       std::vector<checks::LinkRef> links = {}) {
  PageRecord record;
  record.site = site;
  record.page.url = url;
  record.page.final_url = url;
  record.page.status = 200;
  record.page.charset = "utf-8";
  record.page.title = "title of " + url;
  record.page.links = std::move(links);
  record.content_type = "text/html";
  record.content_hash = "hash-" + url;
  record.bytes = 1000;
  return record;
}

inline LinkRecord link(const std::string& site, const std::string& url, int status = 200) {
  LinkRecord record;
  record.site = site;
  record.link.url = url;
  record.link.found_on = "http://" + site + "/";
  record.link.kind = "a";
  record.link.method = "HEAD";
  record.link.status = status;
  record.link.elapsed_ms = 12.5;
  return record;
}

// First column of the first row of `sql` (no parameters) on a separate connection to the
// file or URI.
using testdb::query_int;
using testdb::query_text;

}  // namespace sitepatrol::store::testing
