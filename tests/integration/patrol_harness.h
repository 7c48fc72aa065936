// What every end-to-end test does: write a TOML configuration into a temporary folder, run
// the real `sitepatrol` binary on it (crawl, then `findings --format json`), and hand back
// what a user would read: the exit codes, stderr, and the findings as plain values.
//
// A test builds its web site with FixtureServer on 127.0.0.1 and registers it under a
// real-looking host name (`resolve = ["www.site.example:PORT:127.0.0.1"]`), so the crawler
// sees "http://www.site.example:PORT/" exactly as it would see a government site. Every
// Patrol owns its own folder, database and config, so tests may run in parallel.
//
// Header-only on purpose: tests/CMakeLists.txt compiles only *_test.cpp files of this
// folder into integration_tests. Threads: a Patrol belongs to one test thread.
#pragma once

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/fixture_server.h"
#include "tests/support/run_process.h"
#include "tests/support/temp_dir.h"

namespace sitepatrol::integration {

using testsupport::FixtureServer;
using testsupport::HttpReply;
using testsupport::ProcessResult;
using testsupport::TempDir;
using namespace std::chrono_literals;

inline constexpr std::string_view kSiteHost = "www.site.example";
inline constexpr std::string_view kOtherHost = "www.other.example";

// "http://www.site.example:PORT/path".
inline std::string site_url(std::string_view host, unsigned short port,
                            std::string_view path = "/", std::string_view scheme = "http") {
  return std::string(scheme) + "://" + std::string(host) + ":" + std::to_string(port) +
         std::string(path);
}

// A loopback port nothing listens on (bound once, then released).
inline unsigned short unused_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// One finding as `findings --format json` prints it (docs/findings.md).
struct Finding {
  std::string site, code, severity, subject, page, detail, status;
  bool verified = true;
  std::string unverified;  // the reason when not verified
  std::string last_seen;
};

// A `findings --format json` answer, parsed.
struct Findings {
  ProcessResult process;    // the `findings` command
  std::string parse_error;  // non-empty when stdout was not the §4 document
  nlohmann::json run;
  std::vector<Finding> all;

  std::vector<Finding> with_code(std::string_view code) const {
    std::vector<Finding> out;
    for (const auto& f : all)
      if (f.code == code) out.push_back(f);
    return out;
  }
  std::optional<Finding> find(std::string_view code, std::string_view subject) const {
    for (const auto& f : all)
      if (f.code == code && f.subject == subject) return f;
    return std::nullopt;
  }
  std::size_t count(std::string_view code, std::string_view subject) const {
    std::size_t n = 0;
    for (const auto& f : all) n += f.code == code && f.subject == subject;
    return n;
  }
  // One line per finding, for assertion messages.
  std::string describe() const {
    std::ostringstream out;
    out << all.size() << " findings:\n";
    for (const auto& f : all)
      out << "  " << f.site << " " << f.code << " " << f.severity << " " << f.subject
          << " page=" << f.page << " detail=" << f.detail << " status=" << f.status << "\n";
    return out.str();
  }
};

inline Findings parse_findings(ProcessResult process) {
  Findings out;
  out.process = std::move(process);
  try {
    const auto doc = nlohmann::json::parse(out.process.out);
    out.run = doc.at("run");
    for (const auto& item : doc.at("findings")) {
      const auto text = [&](const char* key) { return item.at(key).get<std::string>(); };
      Finding f;
      f.site = text("site");
      f.code = text("code");
      f.severity = text("severity");
      f.subject = text("subject");
      f.page = text("page");
      f.detail = text("detail");
      f.status = text("status");
      f.verified = item.at("verified").get<bool>();
      if (!f.verified) f.unverified = item.at("unverified").at("reason").get<std::string>();
      f.last_seen = text("last_seen");
      out.all.push_back(std::move(f));
    }
  } catch (const std::exception& e) {
    out.parse_error = e.what();
  }
  return out;
}

// A crawl and the findings of the run it made.
struct Round {
  ProcessResult crawl;
  Findings findings;
};

// gtest check: the crawl exited 0 and its findings were printed and parsed.
inline ::testing::AssertionResult round_ok(const Round& r) {
  if (r.crawl.exit_code != 0)
    return ::testing::AssertionFailure() << "crawl exit " << r.crawl.exit_code << " (signal "
                                         << r.crawl.term_signal << ")\nstderr:\n" << r.crawl.err;
  if (r.findings.process.exit_code != 0 || !r.findings.parse_error.empty())
    return ::testing::AssertionFailure()
           << "findings exit " << r.findings.process.exit_code << ", parse error '"
           << r.findings.parse_error << "'\nstdout:\n" << r.findings.process.out
           << "\nstderr:\n" << r.findings.process.err;
  return ::testing::AssertionSuccess();
}

// A configuration in a temporary folder, and the sitepatrol commands run against it.
class Patrol {
 public:
  // An empty configuration: add sites with add_site().
  Patrol() : dir_("sitepatrol-it") {
    patrol_ = {{"database", "\"patrol.db\""},
               {"per_host_delay_ms", "0"},
               {"timeout_s", "5"},
               {"respect_robots", "false"},
               // Fixture sites are plain HTTP with bare footers: these site-level findings
               // would be in every test. Tests of them set("disable_codes", "[]").
               // So would the freshness findings of an undated homepage without columns,
               // and the interactive features such a homepage lacks (INTERACT-MISSING).
               {"disable_codes", "[\"SEC-NO-HTTPS\", \"SEC-HEADERS\", \"ID-MISSING\", "
                                 "\"FRESH-HOME\", \"COLUMN-MISSING\", \"META-MISSING\", "
                                 "\"INTERACT-MISSING\"]"}};
  }
  // One site, id "site", at http://www.site.example:PORT/ served by `server`.
  explicit Patrol(const FixtureServer& server, std::string extra_site_toml = "") : Patrol() {
    resolve(kSiteHost, server.port());
    add_site("site", site_url(kSiteHost, server.port()), std::move(extra_site_toml));
  }

  // [patrol] key = value; `toml_value` is a TOML literal: "2", "true", "\"x\"".
  void set(const std::string& key, std::string toml_value) { patrol_[key] = std::move(toml_value); }
  // [security] key = value, likewise; the section is written only when a key was set.
  void set_security(const std::string& key, std::string toml_value) {
    security_[key] = std::move(toml_value);
  }
  void resolve(std::string_view host, unsigned short port, std::string_view address = "127.0.0.1") {
    resolve_.push_back(std::string(host) + ":" + std::to_string(port) + ":" + std::string(address));
  }
  // A [[site]]; `extra_toml` holds more lines of its table, e.g. "allowed_domains = [\"x\"]".
  void add_site(std::string id, std::string url, std::string extra_toml = "") {
    sites_ += "\n[[site]]\nid = \"" + id + "\"\nurl = \"" + url + "\"\n" + extra_toml + "\n";
  }

  // An environment variable for every sitepatrol this Patrol runs, e.g. LC_ALL=C.
  void env(std::string name, std::string value) {
    env_.emplace_back(std::move(name), std::move(value));
  }

  const TempDir& dir() const { return dir_; }
  std::filesystem::path config_path() const { return dir_ / "sites.toml"; }
  std::filesystem::path database_path() const { return dir_ / "patrol.db"; }

  std::string config_text() const {
    std::string text = "[patrol]\n";
    for (const auto& [key, value] : patrol_) text += key + " = " + value + "\n";
    text += "resolve = [";
    for (std::size_t i = 0; i < resolve_.size(); ++i)
      text += (i ? ", \"" : "\"") + resolve_[i] + "\"";
    text += "]\n";
    if (!security_.empty()) {
      text += "\n[security]\n";
      for (const auto& [key, value] : security_) text += key + " = " + value + "\n";
    }
    text += sites_;
    return text;
  }
  std::filesystem::path write_config() const {
    return dir_.write_file("sites.toml", config_text());
  }

  // `sitepatrol ARGS...`, run from a sub-folder of the patrol's folder.
  ProcessResult run(const std::vector<std::string>& args,
                    std::chrono::milliseconds timeout = 60s) const {
    std::vector<std::string> argv{testsupport::sitepatrol_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    testsupport::ProcessOptions options;
    options.timeout = timeout;
    // Not the config's folder: paths in the config must be read relative to the file.
    options.working_dir = dir_ / "cwd";
    std::filesystem::create_directories(options.working_dir);
    options.env = {{"NO_COLOR", "1"}};
    options.env.insert(options.env.end(), env_.begin(), env_.end());
    return testsupport::run_process(argv, options);
  }
  // Writes the configuration, then `sitepatrol crawl -c FILE EXTRA...`.
  ProcessResult crawl(std::vector<std::string> extra = {}) const {
    const auto file = write_config();
    std::vector<std::string> args{"crawl", "-c", file.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args);
  }
  // `sitepatrol findings -c FILE --format json EXTRA...`, parsed.
  Findings findings(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args{"findings", "-c", config_path().string(), "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return parse_findings(run(args));
  }
  // One patrol round and its findings (new and open).
  Round round(std::vector<std::string> crawl_extra = {}) const {
    Round r;
    r.crawl = crawl(std::move(crawl_extra));
    r.findings = findings();
    if (std::getenv("SITEPATROL_IT_VERBOSE"))  // to see what a test's patrol found
      std::cerr << "crawl stderr:\n" << r.crawl.err << r.findings.describe();
    return r;
  }

 private:
  TempDir dir_;
  std::map<std::string, std::string> patrol_;
  std::vector<std::string> resolve_;
  std::vector<std::pair<std::string, std::string>> env_;
  std::string sites_;
  std::map<std::string, std::string> security_;
};

// The homepage URL of the default site of `server`.
inline std::string home(const FixtureServer& server) { return site_url(kSiteHost, server.port()); }
inline std::string on_site(const FixtureServer& server, std::string_view path) {
  return site_url(kSiteHost, server.port(), path);
}

// A file of tests/data/integration/ (e.g. "security/spam/index.html"), as bytes.
inline std::string integration_data(std::string_view relative) {
  const std::filesystem::path file =
      std::filesystem::path(SITEPATROL_TEST_DATA) / "integration" / relative;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read test data " + file.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// `text` with every "{{name}}" replaced by its value.
inline std::string fill_template(std::string text,
                                 const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    const std::string mark = "{{" + name + "}}";
    for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + value.size()))
      text.replace(at, mark.size(), value);
  }
  return text;
}

// A small HTML page holding `body`.
inline std::string html(std::string_view body) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>测试页面</title></head><body>" +
         std::string(body) + "</body></html>";
}

}  // namespace sitepatrol::integration
