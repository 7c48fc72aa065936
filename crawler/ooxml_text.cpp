#include "crawler/ooxml_text.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

#include "crawler/bounded_text.h"
#include "crawler/xml_stream.h"

namespace sitepatrol::crawler {

namespace {

// Streams one member through `events`. "" when read whole, or left once `out` is full (the
// rest of the member cannot add to the text); else why not.
std::string read_part(const ZipArchive& zip, std::string_view name, ZipBudget& budget,
                      XmlEvents& events, const BoundedText& out, const std::atomic<bool>* stop) {
  XmlStream xml(events);
  bool broken = false;
  std::string why = zip.read(
      name, budget,
      [&](std::string_view chunk) {
        if (!xml.feed(chunk)) {
          broken = true;
          return false;
        }
        return !out.full();
      },
      stop);
  if (!why.empty()) return why;
  if (!broken && !out.full() && !xml.finish()) broken = true;
  if (broken) return "broken XML in " + std::string(name) + ": " + xml.error();
  return {};
}

AttachmentText finished(std::string format, BoundedText& out, std::string why) {
  AttachmentText result;
  result.format = std::move(format);
  if (!why.empty()) {
    result.skipped = std::move(why);
    return result;
  }
  result.cut = out.full();
  result.text = out.take();
  return result;
}

// ---- DOCX ----

class DocxEvents final : public XmlEvents {
 public:
  explicit DocxEvents(BoundedText& out) : out_(out) {}

  void start(std::string_view e, const char**) override {
    if (e == "Fallback") ++fallback_;
    if (fallback_) return;
    if (e == "t") ++in_t_;
    if (e == "r") ++in_run_;
    if (e == "tc") ++in_cell_;
    // Inside a run only: w:tab also names a tab stop in paragraph properties.
    if (in_run_ && e == "tab") out_.append('\t');
    if (in_run_ && (e == "br" || e == "cr")) out_.append('\n');
  }
  void end(std::string_view e) override {
    if (e == "Fallback") {
      --fallback_;
      return;
    }
    if (fallback_) return;
    if (e == "t") --in_t_;
    if (e == "r") --in_run_;
    if (e == "tc") --in_cell_;
    if (e == "p") in_cell_ ? out_.append('\t') : out_.end_line();
    if (e == "tr") out_.end_line();
  }
  void text(std::string_view s) override {
    if (in_t_ > 0 && !fallback_) out_.append(s);
  }

 private:
  BoundedText& out_;
  int fallback_ = 0, in_t_ = 0, in_run_ = 0, in_cell_ = 0;
};

// ---- XLSX ----

// xl/sharedStrings.xml: the text of each si, rich text runs joined, phonetic guides (rPh)
// left out.
class SharedStringsEvents final : public XmlEvents {
 public:
  explicit SharedStringsEvents(std::vector<std::string>& strings) : strings_(strings) {}

  void start(std::string_view e, const char**) override {
    if (e == "si") current_.clear();
    if (e == "rPh") ++phonetic_;
    if (e == "t") ++in_t_;
  }
  void end(std::string_view e) override {
    if (e == "si") strings_.push_back(std::move(current_));
    if (e == "rPh") --phonetic_;
    if (e == "t") --in_t_;
  }
  void text(std::string_view s) override {
    if (in_t_ > 0 && !phonetic_) current_.append(s);
  }

 private:
  std::vector<std::string>& strings_;
  std::string current_;
  int phonetic_ = 0, in_t_ = 0;
};

// A worksheet: a line per row, cells separated by tabs.
class SheetEvents final : public XmlEvents {
 public:
  SheetEvents(const std::vector<std::string>& strings, BoundedText& out)
      : strings_(strings), out_(out) {}

  void start(std::string_view e, const char** attrs) override {
    if (e == "row") cells_ = 0;
    if (e == "c") {
      type_ = xml_attribute(attrs, "t");
      value_.clear();
    }
    if (e == "v") ++in_v_;
    if (e == "is") ++in_inline_;
    if (e == "rPh") ++phonetic_;
    if (e == "t") ++in_t_;
  }
  void end(std::string_view e) override {
    if (e == "v") --in_v_;
    if (e == "is") --in_inline_;
    if (e == "rPh") --phonetic_;
    if (e == "t") --in_t_;
    if (e == "c") cell();
    if (e == "row") out_.end_line();
  }
  void text(std::string_view s) override {
    if (in_v_ > 0 || (in_inline_ > 0 && in_t_ > 0 && !phonetic_)) value_.append(s);
  }

 private:
  void cell() {
    std::string_view shown = value_;
    if (type_ == "s") {  // an index into the shared strings
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      shown = ec == std::errc{} && end == value_.data() + value_.size() && index < strings_.size()
                  ? std::string_view(strings_[index])
                  : std::string_view();
    }
    if (shown.empty()) return;
    if (cells_++ > 0) out_.append('\t');
    out_.append(shown);
  }

  const std::vector<std::string>& strings_;
  BoundedText& out_;
  std::string type_;
  std::string value_;
  int cells_ = 0, in_v_ = 0, in_inline_ = 0, phonetic_ = 0, in_t_ = 0;
};

// xl/worksheets/sheetN.xml, in the order of N (what a reader sees as the first sheet is
// almost always sheet1).
std::vector<std::pair<long, std::string>> worksheets(const ZipArchive& zip) {
  constexpr std::string_view kPrefix = "xl/worksheets/sheet", kSuffix = ".xml";
  std::vector<std::pair<long, std::string>> sheets;
  for (const auto& name : zip.names()) {
    std::string lower(name);
    std::ranges::transform(lower, lower.begin(), [](unsigned char c) {
      return static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    });
    if (!lower.starts_with(kPrefix) || !lower.ends_with(kSuffix)) continue;
    const std::string_view digits = std::string_view(lower).substr(
        kPrefix.size(), lower.size() - kPrefix.size() - kSuffix.size());
    long number = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (ec != std::errc{} || end != digits.data() + digits.size()) continue;
    sheets.emplace_back(number, name);
  }
  std::ranges::sort(sheets);
  return sheets;
}

}  // namespace

AttachmentText docx_text(const ZipArchive& zip, const AttachmentLimits& limits,
                         const std::atomic<bool>* stop) {
  BoundedText out(limits.max_text_bytes);
  ZipBudget budget{limits.max_entry_bytes, limits.max_total_bytes};
  DocxEvents events(out);
  std::string why = read_part(zip, "word/document.xml", budget, events, out, stop);
  return finished("docx", out, std::move(why));
}

AttachmentText xlsx_text(const ZipArchive& zip, const AttachmentLimits& limits,
                         const std::atomic<bool>* stop) {
  BoundedText out(limits.max_text_bytes);
  ZipBudget budget{limits.max_entry_bytes, limits.max_total_bytes};
  std::vector<std::string> strings;
  if (zip.contains("xl/sharedStrings.xml")) {
    SharedStringsEvents events(strings);
    // Read whole (the sheets index into it), so bounded by the zip budget, not the text's.
    const BoundedText never_full(0 - std::size_t{1});
    if (std::string why = read_part(zip, "xl/sharedStrings.xml", budget, events, never_full, stop);
        !why.empty())
      return finished("xlsx", out, std::move(why));
  }
  for (const auto& [number, name] : worksheets(zip)) {
    if (out.full()) break;
    SheetEvents events(strings, out);
    if (std::string why = read_part(zip, name, budget, events, out, stop); !why.empty())
      return finished("xlsx", out, std::move(why));
    out.end_line();
  }
  return finished("xlsx", out, {});
}

}  // namespace sitepatrol::crawler
