#include "crawler/zip_archive.h"

#include <zip.h>

#include <utility>

namespace sitepatrol::crawler {

namespace {

constexpr std::size_t kChunk = 64u << 10;

std::string error_text(zip_error_t* error) {
  std::string text = zip_error_strerror(error);
  zip_error_fini(error);
  return text;
}

}  // namespace

std::expected<ZipArchive, std::string> ZipArchive::open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) return std::unexpected("cannot read the zip archive: " + error_text(&error));
  // ZIP_CHECKCONS: the local headers must agree with the central directory, so one cannot
  // declare a small size in one place and a large one in the other.
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!zip) {
    zip_source_free(source);
    return std::unexpected("corrupt zip archive: " + error_text(&error));
  }
  zip_error_fini(&error);
  return ZipArchive(zip);
}

ZipArchive::ZipArchive(zip_t* zip) : zip_(zip) {
  const zip_int64_t count = zip_get_num_entries(zip_, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(zip_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (name) names_.emplace_back(name);
  }
}

ZipArchive::ZipArchive(ZipArchive&& other) noexcept
    : zip_(std::exchange(other.zip_, nullptr)), names_(std::move(other.names_)) {}

ZipArchive::~ZipArchive() {
  if (zip_) zip_discard(zip_);
}

bool ZipArchive::contains(std::string_view name) const {
  return zip_name_locate(zip_, std::string(name).c_str(), ZIP_FL_NOCASE) >= 0;
}

std::string ZipArchive::read(std::string_view name, ZipBudget& budget,
                             const std::function<bool(std::string_view)>& sink,
                             const std::atomic<bool>* stop) const {
  const std::string member(name);
  const zip_int64_t index = zip_name_locate(zip_, member.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return "zip member " + member + " is missing";
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &stat) != 0)
    return "corrupt zip member " + member + ": " + zip_strerror(zip_);
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
    return "encrypted zip member " + member;
  const std::size_t limit = std::min(budget.max_entry, budget.left);
  const std::string bound = "over the bound of " + std::to_string(limit) + " bytes " +
                            (limit == budget.max_entry ? "for one member" : "left for the file");
  const bool declared = stat.valid & ZIP_STAT_SIZE;
  if (declared && stat.size > limit)
    return "zip member " + member + " declares " + std::to_string(stat.size) + " bytes inflated, " +
           bound + " (a zip bomb?)";

  zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    const int code = zip_error_code_zip(zip_get_error(zip_));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD)
      return "encrypted zip member " + member;
    return "cannot read zip member " + member + ": " + zip_strerror(zip_);
  }
  std::string chunk(kChunk, '\0');
  std::size_t inflated = 0;
  std::string why;
  for (;;) {
    if (stop && stop->load()) {
      why = "cancelled";
      break;
    }
    const zip_int64_t n = zip_fread(file, chunk.data(), chunk.size());
    if (n < 0) {
      why = "corrupt zip member " + member + ": " + zip_file_strerror(file);
      break;
    }
    if (n == 0) break;
    inflated += static_cast<std::size_t>(n);
    // Counted as it comes: a member that lies about its size is stopped here.
    if (inflated > limit) {
      why = "zip member " + member + " inflates to more than " + std::to_string(limit) + " bytes" +
            (declared ? " (it declares " + std::to_string(stat.size) + ")" : "") + ", " + bound +
            ": a zip bomb";
      break;
    }
    if (!sink(std::string_view(chunk.data(), static_cast<std::size_t>(n)))) break;
  }
  zip_fclose(file);
  budget.left -= std::min(inflated, budget.left);
  return why;
}

}  // namespace sitepatrol::crawler
