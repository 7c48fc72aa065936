// Every command's --help as the IT staff read it (issue 14): each option the command takes,
// with its default where it has one, the exit codes and the environment variables; and the
// man page and bash completion the build makes from the same definition, so that none of
// them can miss a command or an option. The real binary in a pipe and on a terminal.
#include <gtest/gtest.h>

#include <CLI/CLI.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "app/cli_common.h"
#include "app/cli_definition.h"
#include "app/help_text.h"
#include "tests/integration/patrol_harness.h"
#include "tests/support/pty_process.h"

namespace sitepatrol::integration {
namespace {

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// The definition the binary parses with, walked in-process: every command and its options.
struct Definition {
  CLI::App cli;
  app::LogOptions log;
  app::Command run;
  std::vector<const CLI::App*> commands;  // the program first, then every command below it

  Definition() {
    app::define_cli(cli, log, &run);
    collect(cli);
  }
  void collect(const CLI::App& app) {
    commands.push_back(&app);
    for (const CLI::App* sub : app.get_subcommands({})) collect(*sub);
  }
};

std::vector<std::string> words_of(const std::string& path) {
  std::vector<std::string> out;
  std::istringstream in(path);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The help line that names `flag` ("  -f,--format TEXT:{json,csv,table}=table").
std::string line_naming(const std::string& help, const std::string& flag) {
  std::istringstream in(help);
  for (std::string line; std::getline(in, line);) {
    const auto at = line.find(flag);
    if (at == std::string::npos) continue;
    const std::size_t end = at + flag.size();
    if (end < line.size() &&
        (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '-'))
      continue;  // --allow-private is not --allow
    return line;
  }
  return "";
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(CliHelp, EveryCommandListsItsOptionsDefaultsExitCodesAndEnvironment) {
  Definition d;
  ASSERT_GT(d.commands.size(), 10u);
  for (const CLI::App* command : d.commands) {
    std::vector<std::string> argv = {testsupport::sitepatrol_binary()};
    for (const auto& w : words_of(app::command_path(*command))) argv.push_back(w);
    argv.push_back("--help");
    const ProcessResult r = testsupport::run_process(argv);
    const std::string where = "sitepatrol " + app::command_path(*command) + " --help";
    ASSERT_EQ(r.exit_code, 0) << where << "\n" << r.err;
    EXPECT_TRUE(contains(r.out, "\nExit codes:\n  0 ")) << where << "\n" << r.out;
    EXPECT_TRUE(contains(r.out, "\nEnvironment:\n  ")) << where << "\n" << r.out;
    for (const CLI::Option* opt : command->get_options()) {
      std::string flag;
      if (!opt->get_lnames().empty())
        flag = "--" + opt->get_lnames().front();
      else if (!opt->get_snames().empty())
        flag = "-" + opt->get_snames().front();
      else
        flag = opt->get_name();  // a positional: its name
      const std::string line = line_naming(r.out, flag);
      EXPECT_FALSE(line.empty()) << where << " does not list " << flag << "\n" << r.out;
      const std::string value = opt->get_default_str();
      if (!value.empty() && opt->get_type_size_max() > 0) {
        EXPECT_TRUE(contains(line, "=" + value))
            << where << ": " << flag << " without its default " << value << "\n"
            << line;
      }
    }
  }
}

TEST(CliHelp, DefaultsAndCodesUsersAskAbout) {
  const ProcessResult check =
      testsupport::run_process({testsupport::sitepatrol_binary(), "check", "--help"});
  ASSERT_EQ(check.exit_code, 0) << check.err;
  EXPECT_TRUE(contains(line_naming(check.out, "--timeout"), "=15")) << check.out;
  EXPECT_TRUE(contains(line_naming(check.out, "--max-pages"), "=500")) << check.out;
  EXPECT_TRUE(contains(line_naming(check.out, "--format"), "=table")) << check.out;
  EXPECT_FALSE(line_naming(check.out, "--allowed-domain").empty()) << check.out;
  EXPECT_TRUE(contains(check.out, "  5 ")) << "the site-down code\n" << check.out;
  EXPECT_TRUE(contains(check.out, "NO_COLOR")) << check.out;

  const ProcessResult program =
      testsupport::run_process({testsupport::sitepatrol_binary(), "--help"});
  ASSERT_EQ(program.exit_code, 0) << program.err;
  EXPECT_TRUE(contains(line_naming(program.out, "--log-level"), "default: warn on the terminal"))
      << program.out;
  for (const char* variable : {"NO_COLOR", "COLUMNS", "password_env", "http_proxy"})
    EXPECT_TRUE(contains(program.out, variable)) << variable << "\n" << program.out;
  for (const char* code : {"  0 ", "  1 ", "  2 ", "  3 ", "  4 ", "  5 ", "  130 "})
    EXPECT_TRUE(contains(program.out, code)) << code << "\n" << program.out;

  const ProcessResult report =
      testsupport::run_process({testsupport::sitepatrol_binary(), "report", "--help"});
  EXPECT_TRUE(contains(report.out, "SOURCE_DATE_EPOCH")) << report.out;
  const ProcessResult daemon =
      testsupport::run_process({testsupport::sitepatrol_binary(), "daemon", "--help"});
  EXPECT_TRUE(contains(daemon.out, "\n  TZ ")) << daemon.out;
}

TEST(CliHelp, OnATerminalTheHelpSaysTheSame) {
  const ProcessResult piped =
      testsupport::run_process({testsupport::sitepatrol_binary(), "check", "--help"});
  const ProcessResult shown =
      testsupport::run_on_terminal({testsupport::sitepatrol_binary(), "check", "--help"});
  ASSERT_EQ(shown.exit_code, 0) << shown.out;
  EXPECT_EQ(shown.out, piped.out);
}

TEST(CliHelp, TheManPageHoldsEveryCommandAndOption) {
  const std::filesystem::path man =
      std::filesystem::path(SITEPATROL_BUILD_DIR) / "app/sitepatrol.1";
  const std::string page = read_text(man);
  ASSERT_TRUE(page.starts_with(".\\\"")) << man;
  EXPECT_TRUE(contains(page, ".TH SITEPATROL 1")) << page.substr(0, 400);
  Definition d;
  for (const CLI::App* command : d.commands) {
    if (command != &d.cli) {
      EXPECT_TRUE(contains(page, ".SS \"sitepatrol " + app::command_path(*command) + "\""))
          << app::command_path(*command);
    }
    for (const CLI::Option* opt : command->get_options())
      for (const auto& l : opt->get_lnames())
        EXPECT_TRUE(contains(page, "\\-\\-" + std::regex_replace(l, std::regex("-"), "\\-")))
            << app::command_path(*command) << " --" << l;
  }
  EXPECT_TRUE(contains(page, "Exit codes:")) << page.substr(0, 400);

  // groff reads it without a warning (-ww), and man shows the text --help shows.
  const ProcessResult groff =
      testsupport::run_process({"groff", "-man", "-Tutf8", "-ww", "-z", man.string()});
  ASSERT_NE(groff.exit_code, 127) << "groff is missing (deploy/install-deps.sh installs it)";
  EXPECT_EQ(groff.exit_code, 0) << groff.err;
  EXPECT_EQ(groff.err, "");
  testsupport::ProcessOptions pager;
  pager.env = {{"MANPAGER", "cat"}, {"PAGER", "cat"}, {"MANWIDTH", "100"}};
  const ProcessResult rendered = testsupport::run_process({"man", "-l", man.string()}, pager);
  ASSERT_NE(rendered.exit_code, 127) << "man is missing (deploy/install-deps.sh installs it)";
  EXPECT_EQ(rendered.exit_code, 0) << rendered.err;
  EXPECT_TRUE(contains(rendered.out, "--allowed-domain")) << rendered.out.substr(0, 2000);
  EXPECT_TRUE(contains(rendered.out, "sitepatrol config check")) << rendered.out.substr(0, 2000);
}

// What bash offers after `sitepatrol WORDS... CUR<TAB>`, one a line.
std::string complete(const std::filesystem::path& script, const std::string& line) {
  const std::string program = "source \"$0\"; COMP_WORDS=(" + line +
                              "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _sitepatrol; "
                              "printf '%s\\n' \"${COMPREPLY[@]}\"";
  const ProcessResult r = testsupport::run_process({"bash", "-c", program, script.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return r.out;
}

TEST(CliHelp, BashCompletionOffersEveryCommandAndOption) {
  const std::filesystem::path script =
      std::filesystem::path(SITEPATROL_BUILD_DIR) / "app/sitepatrol.bash-completion";
  ASSERT_TRUE(std::filesystem::exists(script)) << script;
  Definition d;
  for (const CLI::App* command : d.commands) {
    const std::string path = app::command_path(*command);
    const std::string offered = complete(script, "sitepatrol " + path + " ''");
    for (const CLI::App* sub : command->get_subcommands({}))
      EXPECT_TRUE(contains(offered, "\n" + sub->get_name() + "\n") ||
                  offered.starts_with(sub->get_name() + "\n"))
          << "'" << path << "' lacks " << sub->get_name() << "\n"
          << offered;
    for (const CLI::Option* opt : command->get_options())
      for (const auto& l : opt->get_lnames())
        EXPECT_TRUE(contains(offered, "--" + l + "\n")) << "'" << path << "' lacks --" << l;
  }
  EXPECT_EQ(complete(script, "sitepatrol che"), "check\n");
  EXPECT_EQ(complete(script, "sitepatrol check --allowed-d"), "--allowed-domain\n");
  EXPECT_EQ(complete(script, "sitepatrol config ch"), "check\n");
  // Global options may follow the command.
  EXPECT_EQ(complete(script, "sitepatrol crawl --log-l"), "--log-level\n");
}

TEST(CliHelp, InstallingPutsBinaryManPageAndCompletionInPlace) {
  TempDir prefix("sitepatrol-it-install");
  const ProcessResult r = testsupport::run_process(
      {"cmake", "--install", SITEPATROL_BUILD_DIR, "--prefix", prefix.path().string()});
  ASSERT_NE(r.exit_code, 127) << "cmake is missing";
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(std::filesystem::exists(prefix.path() / "bin/sitepatrol")) << r.out;
  EXPECT_TRUE(std::filesystem::exists(prefix.path() / "share/man/man1/sitepatrol.1")) << r.out;
  EXPECT_TRUE(
      std::filesystem::exists(prefix.path() / "share/bash-completion/completions/sitepatrol"))
      << r.out;
  const ProcessResult syntax = testsupport::run_process(
      {"bash", "-n", std::string(SITEPATROL_SOURCE_DIR) + "/deploy/install.sh"});
  EXPECT_EQ(syntax.exit_code, 0) << syntax.err;
}

}  // namespace
}  // namespace sitepatrol::integration
