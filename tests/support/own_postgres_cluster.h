// A PostgreSQL cluster of one test's own (tests/support/postgres_cluster.sh), for the fault
// tests that restart it: restarting the shared one would disturb the other tests. Started on
// construction, stopped and removed on destruction; `uri()` is empty when it did not start.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace sitepatrol::testdb {

class OwnCluster {
 public:
  explicit OwnCluster(const std::string& name)
      : dir_("/tmp/sitepatrol-pg-" + name + "-" + std::to_string(::getpid())) {
    if (script("start") == 0) {
      std::ifstream in(dir_ + "/uri");
      std::getline(in, uri_);
    }
  }
  ~OwnCluster() { (void)script("stop"); }
  OwnCluster(const OwnCluster&) = delete;
  OwnCluster& operator=(const OwnCluster&) = delete;

  // start | stop | restart; the script's exit code.
  int script(const std::string& action) const {
    const std::string command = std::string(SITEPATROL_SOURCE_DIR) +
                                "/tests/support/postgres_cluster.sh " + action + " " + dir_ +
                                " >/dev/null";
    return std::system(command.c_str());
  }
  const std::string& uri() const { return uri_; }

 private:
  std::string dir_;
  std::string uri_;
};

}  // namespace sitepatrol::testdb
