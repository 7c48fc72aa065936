// A raw TCP client for tests that must send exactly the bytes a hostile or broken client
// would: half a request, an endless header, a body larger than announced.
//
// Blocking, loopback IPv4 only. Belongs to one thread.
#pragma once

#include <chrono>
#include <string>

namespace sitepatrol::testsupport {

class RawClient {
 public:
  // Connects to 127.0.0.1:port; throws std::runtime_error when it cannot.
  explicit RawClient(unsigned short port);
  ~RawClient();
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  // False when the server closed the connection meanwhile.
  bool send(const std::string& bytes);
  // Everything the server sends until it closes, or until `wait` passes without a byte.
  std::string read_all(std::chrono::milliseconds wait = std::chrono::seconds(5));
  // The first response's status line, e.g. "HTTP/1.1 200 OK"; "" when none came.
  std::string status_line(std::chrono::milliseconds wait = std::chrono::seconds(5));

 private:
  int fd_ = -1;
};

}  // namespace sitepatrol::testsupport
