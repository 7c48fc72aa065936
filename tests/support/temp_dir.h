// A temporary directory that is removed, with everything in it, when the object dies.
//
// Created with mkdtemp under $TMPDIR (or /tmp). Each TempDir is owned by one test; its
// members are not synchronised, but distinct TempDirs are independent.
#pragma once

#include <filesystem>
#include <string_view>

namespace sitepatrol::testsupport {

class TempDir {
 public:
  // Creates "<tmp>/<prefix>-XXXXXX". Throws std::system_error when it cannot.
  explicit TempDir(std::string_view prefix = "sitepatrol-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::filesystem::path& relative) const {
    return path_ / relative;
  }

  // Writes `content` (bytes, as is) to `relative`, creating parent folders; the full path.
  std::filesystem::path write_file(const std::filesystem::path& relative,
                                   std::string_view content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace sitepatrol::testsupport
