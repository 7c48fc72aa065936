// ZipArchive: a zip file held in memory (a DOCX or XLSX attachment), read member by member
// within bounds (crawler/attachment_text.h).
//
// A zip bomb is a small file that inflates to gigabytes, often while its directory declares
// a small size. So a member is refused when its declared size is over the bound, and the
// bytes actually inflated are counted as they come and the reading stops once they pass the
// bound, whatever was declared. Encrypted members are refused (no password is tried).
//
// Wraps libzip. The archive reads the caller's bytes in place: they must outlive it. One
// archive belongs to one thread; separate archives may be used on separate threads.
#pragma once

#include <atomic>
#include <cstddef>
#include <expected>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

typedef struct zip zip_t;

namespace sitepatrol::crawler {

// What may still be inflated: per member, and for every member read from one archive.
struct ZipBudget {
  std::size_t max_entry = 0;
  std::size_t left = 0;
};

class ZipArchive {
 public:
  // The archive in `bytes`, or why it cannot be read ("corrupt zip archive: ...").
  static std::expected<ZipArchive, std::string> open(std::string_view bytes);
  ZipArchive(ZipArchive&& other) noexcept;
  ZipArchive& operator=(ZipArchive&&) = delete;
  ZipArchive(const ZipArchive&) = delete;
  ~ZipArchive();

  // Member names as stored; lookups ignore case (Office part names are case-insensitive).
  const std::vector<std::string>& names() const { return names_; }
  bool contains(std::string_view name) const;

  // Inflates member `name` and hands it to `sink` in chunks, taking what it inflates from
  // `budget`. `sink` returns false when it has read enough: that is no error. Returns "" when
  // the member was read (or `sink` stopped), else why not: missing, encrypted, declared or
  // inflated past the budget, corrupt, or "cancelled" when `stop` turned true.
  std::string read(std::string_view name, ZipBudget& budget,
                   const std::function<bool(std::string_view)>& sink,
                   const std::atomic<bool>* stop = nullptr) const;

 private:
  explicit ZipArchive(zip_t* zip);

  zip_t* zip_ = nullptr;
  std::vector<std::string> names_;
};

}  // namespace sitepatrol::crawler
