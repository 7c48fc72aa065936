// The text of attachments (crawler/attachment_text.h) from real files: DOCX, XLSX and PDF
// made by tests/data/attachments/make_fixtures.py, and the files that must be skipped, not
// crash or stall the patrol: encrypted, corrupt, truncated, zip bombs, oversized.
#include "crawler/attachment_text.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "checks/registry.h"

namespace sitepatrol::crawler {
namespace {

constexpr std::string_view kResidentId = "11010519491231002X";

std::string fixture(std::string_view name) {
  const auto path = std::filesystem::path(SITEPATROL_TEST_DATA) / "attachments" / name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// Whether `text` is whole UTF-8 characters (a cut must not split one).
bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = c < 0x80         ? 1
                          : (c >> 5) == 6  ? 2
                          : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4
                                           : 0;
    if (n == 0 || i + n > text.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

// What the text checks say about an attachment's text, as the crawl runs them.
checks::Findings text_findings(const std::string& text) {
  config::SiteConfig site;
  site.id = "site";
  checks::SiteContext context;
  context.site = &site;
  checks::PageResult page;
  page.url = "http://www.site.example/files/list.docx";
  page.status = 200;
  page.text = text;
  checks::Findings found;
  for (auto check : checks::text_checks()) check(context, page, found);
  return found;
}

TEST(AttachmentText, DocxParagraphsRunsBreaksAndTabs) {
  const AttachmentText r = attachment_text(fixture("resident-id.docx"));
  EXPECT_EQ(r.skipped, "");
  EXPECT_EQ(r.format, "docx");
  EXPECT_FALSE(r.cut);
  // A name split over two runs reads as one word; each paragraph is a line.
  EXPECT_TRUE(contains(r.text, "关于2026年度公益性岗位拟录用人员的公示\n姓名：张三，身份证号：" +
                                   std::string(kResidentId) + "\n"))
      << r.text;
  EXPECT_TRUE(contains(r.text, "第一行\n第二行\t制表后\n")) << r.text;
  // Deleted text (tracked changes) is not what the document says.
  EXPECT_FALSE(contains(r.text, "删除的文字")) << r.text;
  EXPECT_TRUE(contains(r.text, "公示期五个工作日。")) << r.text;
}

TEST(AttachmentText, DocxWithAResidentIdGivesAPrivacyFinding) {
  const AttachmentText r = attachment_text(fixture("resident-id.docx"));
  const checks::Findings found = text_findings(r.text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "CONTENT-PRIVACY");
  EXPECT_EQ(found[0].subject, "http://www.site.example/files/list.docx");
  EXPECT_TRUE(contains(found[0].detail, "110105********002X")) << found[0].detail;
  EXPECT_FALSE(contains(found[0].detail, kResidentId)) << found[0].detail;
}

TEST(AttachmentText, XlsxRowsWithSharedAndInlineStringsAndNumbers) {
  const AttachmentText r = attachment_text(fixture("resident-id.xlsx"));
  EXPECT_EQ(r.skipped, "");
  EXPECT_EQ(r.format, "xlsx");
  // Rows are lines and cells tabs; shared strings resolved (rich text joined), inline strings
  // and number cells kept, formulas shown by value; sheet1 before sheet2 however stored.
  EXPECT_EQ(r.text, "序号\t姓名\t身份证号\n1\t李四\t" + std::string(kResidentId) +
                        "\n2\t王五\t身份证已脱敏\t3\n公式文本\t1\n");
  EXPECT_EQ(text_findings(r.text).size(), 1u);
}

TEST(AttachmentText, PdfTextInPhysicalLayout) {
  const AttachmentText r = attachment_text(fixture("resident-id.pdf"));
  EXPECT_EQ(r.skipped, "");
  EXPECT_EQ(r.format, "pdf");
  EXPECT_TRUE(contains(r.text, "张三")) << r.text;  // a CID font, read through its ToUnicode map
  EXPECT_TRUE(contains(r.text, "Resident ID: " + std::string(kResidentId))) << r.text;
  EXPECT_EQ(text_findings(r.text).size(), 1u) << r.text;
}

TEST(AttachmentText, PdfWithOnlyAnOwnerPasswordIsRead) {
  // Encrypted against printing and copying only: any viewer opens it, so it is published text.
  const AttachmentText r = attachment_text(fixture("restricted.pdf"));
  EXPECT_EQ(r.skipped, "");
  EXPECT_TRUE(contains(r.text, kResidentId)) << r.text;
}

TEST(AttachmentText, PdfNeedingAPasswordIsSkipped) {
  const AttachmentText r = attachment_text(fixture("encrypted.pdf"));
  EXPECT_EQ(r.format, "pdf");
  EXPECT_TRUE(contains(r.skipped, "encrypted PDF")) << r.skipped;
  EXPECT_EQ(r.text, "");
}

TEST(AttachmentText, TruncatedPdfIsSkipped) {
  const AttachmentText r = attachment_text(fixture("truncated.pdf"));
  EXPECT_EQ(r.format, "pdf");
  EXPECT_EQ(r.skipped, "corrupt PDF (poppler cannot load it)");
  EXPECT_EQ(r.text, "");
}

TEST(AttachmentText, CorruptDocxIsSkipped) {
  const AttachmentText r = attachment_text(fixture("corrupt.docx"));
  EXPECT_TRUE(contains(r.skipped, "corrupt zip archive")) << r.skipped;
  EXPECT_EQ(r.text, "");
}

TEST(AttachmentText, EncryptedDocxIsSkipped) {
  const AttachmentText r = attachment_text(fixture("encrypted.docx"));
  EXPECT_EQ(r.skipped, "encrypted zip member word/document.xml");
  EXPECT_EQ(r.text, "");
}

TEST(AttachmentText, ZipBombDeclaringItsSizeIsRefusedBeforeInflating) {
  const AttachmentText r = attachment_text(fixture("bomb-declared.docx"));
  EXPECT_EQ(r.skipped,
            "zip member word/document.xml declares 41943231 bytes inflated, over the bound of "
            "33554432 bytes for one member (a zip bomb?)");
  EXPECT_EQ(r.text, "");
}

TEST(AttachmentText, ZipBombLyingAboutItsSizeIsStoppedWhileInflating) {
  // The directory says 1,000 bytes; the member inflates to 40 MiB of markup.
  const AttachmentText r = attachment_text(fixture("bomb-lying.docx"));
  EXPECT_EQ(r.skipped,
            "zip member word/document.xml inflates to more than 33554432 bytes (it declares "
            "1000), over the bound of 33554432 bytes for one member: a zip bomb");
  EXPECT_EQ(r.text, "");
  // The bound is the reader's: a smaller one stops it sooner.
  AttachmentLimits limits;
  limits.max_entry_bytes = 1u << 20;
  const AttachmentText small = attachment_text(fixture("bomb-lying.docx"), limits);
  EXPECT_TRUE(contains(small.skipped, "inflates to more than 1048576 bytes")) << small.skipped;
}

TEST(AttachmentText, AllMembersTogetherAreBounded) {
  AttachmentLimits limits;
  // 323 bytes of shared strings and 548 of sheet1 fit; sheet2's 254 do not.
  limits.max_total_bytes = 1000;
  const AttachmentText r = attachment_text(fixture("resident-id.xlsx"), limits);
  EXPECT_EQ(r.skipped,
            "zip member xl/worksheets/sheet2.xml declares 254 bytes inflated, over the bound of "
            "129 bytes left for the file (a zip bomb?)");
}

TEST(AttachmentText, DoctypeIsRefused) {
  const AttachmentText r = attachment_text(fixture("doctype.docx"));
  EXPECT_TRUE(contains(r.skipped, "DOCTYPE")) << r.skipped;
  EXPECT_FALSE(contains(r.text, "aaaa")) << r.text;
}

TEST(AttachmentText, TextIsCutAtTheBoundOnACharacter) {
  AttachmentLimits limits;
  limits.max_text_bytes = 64;
  for (std::string name : {"resident-id.docx", "resident-id.xlsx", "resident-id.pdf"}) {
    const AttachmentText r = attachment_text(fixture(name), limits);
    EXPECT_EQ(r.skipped, "") << name;
    EXPECT_TRUE(r.cut) << name;
    EXPECT_LE(r.text.size(), 64u) << name;
    EXPECT_GT(r.text.size(), 50u) << name;
    EXPECT_TRUE(valid_utf8(r.text)) << name << ": " << r.text;
  }
}

TEST(AttachmentText, FilesOverTheSizeBoundAreSkipped) {
  AttachmentLimits limits;
  limits.max_bytes = 1000;
  const AttachmentText r = attachment_text(fixture("resident-id.docx"), limits);
  EXPECT_EQ(r.skipped, "larger than 1000 bytes");
}

TEST(AttachmentText, OtherFilesAreSkippedWithTheirKind) {
  EXPECT_EQ(attachment_text("<!DOCTYPE html><html>页面不存在</html>").skipped,
            "not a PDF, DOCX or XLSX file");
  EXPECT_EQ(attachment_text(fixture("other.zip")).skipped,
            "a zip archive that is neither DOCX nor XLSX");
  EXPECT_TRUE(contains(
      attachment_text(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'))
          .skipped,
      "encrypted Office file or an old binary .doc/.xls"));
  EXPECT_EQ(attachment_text("").skipped, "empty file");
}

TEST(AttachmentText, EveryPrefixOfAFileIsSkippedOrReadNeverACrash) {
  // A download cut anywhere: no crash, no exception, no hang.
  for (std::string name : {"resident-id.docx", "resident-id.xlsx", "resident-id.pdf"}) {
    const std::string whole = fixture(name);
    for (std::size_t n = 0; n < whole.size(); n += 13) {
      const AttachmentText r = attachment_text(std::string_view(whole).substr(0, n));
      EXPECT_TRUE(!r.skipped.empty() || r.text.size() <= 4096) << name << " " << n;
    }
  }
}

TEST(AttachmentText, StopEndsTheReading) {
  const std::atomic<bool> stop{true};
  EXPECT_EQ(attachment_text(fixture("resident-id.pdf"), {}, &stop).skipped, "cancelled");
  EXPECT_EQ(attachment_text(fixture("resident-id.docx"), {}, &stop).skipped, "cancelled");
}

TEST(AttachmentText, WhichLinksAndAnswersAreAttachments) {
  EXPECT_TRUE(is_attachment_url("http://a.gov.cn/files/2026/名单.PDF"));
  EXPECT_TRUE(is_attachment_url("http://a.gov.cn/f/list.docx?v=2#p1"));
  EXPECT_TRUE(is_attachment_url("http://a.gov.cn/f/list.xlsx"));
  EXPECT_FALSE(is_attachment_url("http://a.gov.cn/f/list.doc"));
  EXPECT_FALSE(is_attachment_url("http://a.gov.cn/pdf/index.html"));
  EXPECT_FALSE(is_attachment_url("http://a.gov.cn/download?file=a.pdf"));
  EXPECT_TRUE(is_attachment_type("application/pdf"));
  EXPECT_TRUE(is_attachment_type(" Application/PDF ; name=a.pdf"));
  EXPECT_TRUE(is_attachment_type(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
  EXPECT_TRUE(
      is_attachment_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  EXPECT_FALSE(is_attachment_type("application/msword"));
  EXPECT_FALSE(is_attachment_type("text/html; charset=utf-8"));
}

}  // namespace
}  // namespace sitepatrol::crawler
