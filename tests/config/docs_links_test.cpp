// The repository stands alone: a user who clones it has only what is in it. Every relative
// link of README.md and docs/ must lead to a file of the repository, and nothing may send the
// reader to the design papers the project started from, which are not part of it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
const fs::path kRoot = SITEPATROL_SOURCE_DIR;

std::vector<fs::path> documents() {
  std::vector<fs::path> files{kRoot / "README.md"};
  for (const auto& e : fs::recursive_directory_iterator(kRoot / "docs")) {
    if (e.is_regular_file() && e.path().extension() == ".md") files.push_back(e.path());
  }
  return files;
}

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(RepositoryDocs, RelativeLinksLeadToFilesOfTheRepository) {
  const std::regex link(R"(\]\(([^)\s]+)\))");
  std::size_t checked = 0;
  for (const fs::path& file : documents()) {
    const std::string text = read(file);
    for (std::sregex_iterator it(text.begin(), text.end(), link), end; it != end; ++it) {
      std::string target = (*it)[1].str();
      if (target.starts_with("http://") || target.starts_with("https://") ||
          target.starts_with("mailto:") || target.starts_with("#"))
        continue;
      target = target.substr(0, target.find('#'));
      const fs::path resolved = fs::weakly_canonical(file.parent_path() / target);
      ++checked;
      EXPECT_TRUE(fs::exists(resolved))
          << fs::relative(file, kRoot).string() << " links to missing " << target;
      EXPECT_TRUE(resolved.string().starts_with(fs::weakly_canonical(kRoot).string()))
          << fs::relative(file, kRoot).string() << " links outside the repository: " << target;
    }
  }
  EXPECT_GE(checked, 10u);
}

TEST(RepositoryDocs, NothingPointsAtPapersOutsideTheRepository) {
  for (const fs::path& file : documents()) {
    const std::string text = read(file);
    for (const char* outside : {"CONTRACT.md", "DOMAIN.md", "../shared", "STYLE.md"}) {
      EXPECT_EQ(text.find(outside), std::string::npos)
          << fs::relative(file, kRoot).string() << " mentions " << outside;
    }
  }
}

}  // namespace
