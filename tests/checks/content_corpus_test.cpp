// The content checks on text nobody here wrote (issue 13, "Precision first").
//
// Correct text: official documents as published (government work reports 1955-2025, NPC
// resolutions, CPC congress reports, State Council documents; provenance in
// tests/data/content/correct/SOURCES.md and manifest.tsv), each scanned whole as the page
// that published it, on the date it was published. CPC congress reports and 新闻联播
// transcripts join the run where present; they are not documents of state organs and are
// not in git.
// No critical finding may come from it; every other finding is printed and counted.
//
// Real errors: the wrong text of real published errors, as the inspection notices and
// reports quote them (tests/data/content/errors/cases.tsv, SOURCES.md). The test prints which
// are found and asserts the ones the rules can find from their quoted sentence.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "checks/content_matcher.h"
#include "checks/utf8.h"

namespace sitepatrol::checks {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

const fs::path kData = fs::path(SITEPATROL_TEST_DATA) / "content";

std::vector<std::vector<std::string>> read_tsv(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, '\t');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// "2018-12-24" or "2025" (read as the year's end: the document is of that year).
std::optional<sys_days> document_date(const std::string& text) {
  int y = 0;
  unsigned m = 12, d = 31;
  if (std::sscanf(text.c_str(), "%d-%u-%u", &y, &m, &d) < 1) return std::nullopt;
  return sys_days(year(y) / month(m) / day(d));
}

const char* kind_name(ContentKind k) {
  return k == ContentKind::misstatement ? "MISSTATEMENT"
         : k == ContentKind::typo       ? "TYPO"
                                        : "OUTDATED";
}

TEST(ContentCorpus, NoCriticalFindingOnCorrectOfficialText) {
  const ContentMatcher matcher(config::builtin_content_dictionary());
  std::map<std::string, std::optional<sys_days>> dates;
  for (const auto& row : read_tsv(kData / "correct" / "manifest.tsv")) {
    if (row.size() >= 5) dates[row[0]] = document_date(row[4]);
  }
  ASSERT_GE(dates.size(), 300u);
  std::size_t documents = 0, characters = 0, missing = 0;
  std::map<ContentKind, int> counts;
  for (const auto& [file, date] : dates) {
    const fs::path path = kData / "correct" / file;
    if (!fs::exists(path)) {
      // Only the texts that are not documents of state organs are left out of git.
      ASSERT_TRUE(file.starts_with("xwlb-") || file.starts_with("cpc-congress-"))
          << path << " is missing";
      ++missing;
      continue;
    }
    ++documents;
    const std::string page = slurp(path);
    characters += code_points(page);
    for (const ContentHit& hit : matcher.scan(ContentText(page), date)) {
      ++counts[hit.kind];
      std::printf("%s %s: \"%s\" -> \"%s\" (%s): %s\n", kind_name(hit.kind), file.c_str(),
                  hit.found.c_str(), hit.right.c_str(), hit.why.c_str(), hit.sentence.c_str());
    }
  }
  std::printf(
      "content corpus: %zu pages (%zu not present), %zu characters; "
      "misstatement %d, typo %d, outdated %d\n",
      documents, missing, characters, counts[ContentKind::misstatement], counts[ContentKind::typo],
      counts[ContentKind::outdated]);
  EXPECT_GE(documents, 130u);
  EXPECT_EQ(counts[ContentKind::misstatement], 0);  // each would fail a site: none allowed
}

TEST(ContentCorpus, RealPublishedErrorsAreFound) {
  const ContentMatcher matcher(config::builtin_content_dictionary());
  std::set<std::string> found;
  int cases = 0;
  for (const auto& row : read_tsv(kData / "errors" / "cases.tsv")) {
    if (row.size() < 5 || row[1] == "privacy") continue;
    ++cases;
    const std::string& id = row[0];
    const std::string& wrong = row[2];
    bool hit_wrong = false;
    for (const ContentHit& hit : matcher.scan(ContentText(row[4]), std::nullopt)) {
      hit_wrong = hit_wrong || hit.found.find(wrong) != std::string::npos ||
                  wrong.find(hit.found) != std::string::npos;
    }
    std::printf("%s %-12s %s %s\n", id.c_str(), row[1].c_str(), hit_wrong ? "found " : "missed",
                wrong.c_str());
    if (hit_wrong) found.insert(id);
  }
  std::printf("real errors: %zu of %d found\n", found.size(), cases);
  // The formulations (E004, E006, E007), the leader's name beside 主席 (E019) and the
  // dictionary's typos (E003, E008, E010).
  for (const char* id : {"E003", "E004", "E006", "E007", "E008", "E010"}) {
    EXPECT_TRUE(found.contains(id)) << id;
  }
}

}  // namespace
}  // namespace sitepatrol::checks
