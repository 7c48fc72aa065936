// What the daemon's integration tests listen with: a loopback webhook receiver (on the
// FixtureServer) that records every POST and can fail the first N, a minimal loopback SMTP
// receiver (plain SMTP, no STARTTLS: the client's STARTTLS is configured off for it), and a
// raw HTTP GET for /metrics. Header-only (tests/CMakeLists.txt compiles *_test.cpp only).
//
// Threads: receivers run their own threads; every public member may be called from the test
// thread while they run.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/fixture_server.h"
#include "tests/support/run_process.h"

namespace sitepatrol::integration {

// Records JSON bodies POSTed to `path`; the first `fail_first` requests get a 500.
class WebhookReceiver {
 public:
  WebhookReceiver(testsupport::FixtureServer& server, std::string path, int fail_first = 0)
      : path_(std::move(path)), fail_first_(fail_first) {
    server.route(path_, [this](const testsupport::HttpRequest& request) {
      std::lock_guard lock(mutex_);
      bodies_.push_back(request.body);
      testsupport::HttpReply reply;
      if (static_cast<int>(bodies_.size()) <= fail_first_) {
        reply.status = 500;
        reply.body = "down for the test";
      } else {
        reply.body = R"({"errcode":0,"errmsg":"ok"})";
        accepted_.push_back(nlohmann::json::parse(request.body, nullptr, false));
      }
      return reply;
    });
  }
  std::vector<std::string> bodies() const {
    std::lock_guard lock(mutex_);
    return bodies_;
  }
  std::vector<nlohmann::json> accepted() const {
    std::lock_guard lock(mutex_);
    return accepted_;
  }
  // Accepted alerts with this event (and site, when given).
  std::vector<nlohmann::json> events(std::string_view event, std::string_view site = "") const {
    std::vector<nlohmann::json> out;
    for (const auto& j : accepted())
      if (j.is_object() && j.value("event", "") == event &&
          (site.empty() || j.value("site", "") == site))
        out.push_back(j);
    return out;
  }

 private:
  std::string path_;
  int fail_first_;
  mutable std::mutex mutex_;
  std::vector<std::string> bodies_;
  std::vector<nlohmann::json> accepted_;
};

// Plain SMTP on 127.0.0.1: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. Keeps each message.
class SmtpReceiver {
 public:
  SmtpReceiver() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 8);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { accept_loop(); });
  }
  ~SmtpReceiver() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }
  unsigned short port() const { return port_; }
  std::vector<std::string> messages() const {
    std::lock_guard lock(mutex_);
    return messages_;
  }
  std::vector<std::string> recipients() const {
    std::lock_guard lock(mutex_);
    return recipients_;
  }

 private:
  void accept_loop() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c >= 0) serve(c);  // one client at a time is all the daemon needs
    }
  }

  // Reads one CRLF-terminated line; false on close, error, or stop.
  bool read_line(int c, std::string& buffer, std::string& line) {
    for (;;) {
      if (auto end = buffer.find("\r\n"); end != std::string::npos) {
        line = buffer.substr(0, end);
        buffer.erase(0, end + 2);
        return true;
      }
      pollfd p{c, POLLIN, 0};
      if (stop_) return false;
      if (::poll(&p, 1, 100) <= 0) continue;
      char chunk[4096];
      const ssize_t n = ::recv(c, chunk, sizeof chunk, 0);
      if (n <= 0) return false;
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }

  static void say(int c, const std::string& text) {
    ::send(c, text.data(), text.size(), MSG_NOSIGNAL);
  }

  void serve(int c) {
    say(c, "220 localhost test SMTP\r\n");
    std::string buffer, line;
    while (read_line(c, buffer, line)) {
      std::string verb = line.substr(0, 4);
      for (auto& ch : verb) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (verb == "EHLO") {
        say(c, "250-localhost\r\n250 8BITMIME\r\n");
      } else if (verb == "HELO" || verb == "MAIL" || verb == "RSET" || verb == "NOOP") {
        say(c, "250 OK\r\n");
      } else if (verb == "RCPT") {
        {
          std::lock_guard lock(mutex_);
          recipients_.push_back(line.substr(line.find(':') + 1));
        }
        say(c, "250 OK\r\n");
      } else if (verb == "DATA") {
        say(c, "354 go ahead\r\n");
        std::string message;
        while (read_line(c, buffer, line) && line != ".") message += line + "\r\n";
        {
          std::lock_guard lock(mutex_);
          messages_.push_back(message);
        }
        say(c, "250 OK queued\r\n");
      } else if (verb == "QUIT") {
        say(c, "221 bye\r\n");
        break;
      } else {
        say(c, "502 not implemented\r\n");
      }
    }
    ::close(c);
  }

  int fd_ = -1;
  unsigned short port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<std::string> messages_;
  std::vector<std::string> recipients_;
};

// The port from "sitepatrol daemon: metrics on http://127.0.0.1:PORT/metrics".
inline unsigned short metrics_port(const testsupport::ChildProcess& daemon) {
  if (!daemon.wait_for_output("/metrics\n", std::chrono::seconds(10))) return 0;
  std::smatch m;
  const std::string err = daemon.err();
  if (!std::regex_search(err, m, std::regex(R"(metrics on http://127\.0\.0\.1:(\d+)/metrics)")))
    return 0;
  return static_cast<unsigned short>(std::stoi(m[1]));
}

// GET http://127.0.0.1:PORT/path over a plain socket: {status, body}; status 0 on failure.
inline std::pair<int, std::string> http_get(unsigned short port, const std::string& path) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return {0, ""};
  }
  const std::string request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string answer;
  char chunk[4096];
  for (ssize_t n; (n = ::recv(fd, chunk, sizeof chunk, 0)) > 0;)
    answer.append(chunk, static_cast<std::size_t>(n));
  ::close(fd);
  const auto space = answer.find(' ');
  const auto body = answer.find("\r\n\r\n");
  if (space == std::string::npos || body == std::string::npos) return {0, ""};
  return {std::stoi(answer.substr(space + 1, 3)), answer.substr(body + 4)};
}

}  // namespace sitepatrol::integration
