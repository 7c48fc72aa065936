// Who is signed in to the console (issue 17, docs/console.md): Argon2id password hashes
// (libsodium), sessions held in the daemon's memory, and a limit on failed sign-ins.
//
// A session is a random 256-bit token in an HttpOnly, SameSite=Strict cookie; its CSRF token
// (another 256 bits) is put in every form the session is shown and must come back with every
// action. Sessions live in memory: a restarted daemon asks everyone to sign in again.
// Sessions and LoginLimiter are thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sitepatrol::app::console {

using Clock = std::chrono::steady_clock;

// "$argon2id$v=19$m=65536,t=2,p=1$..." (libsodium's interactive limits); throws
// std::runtime_error when libsodium cannot run or is out of memory.
std::string hash_password(std::string_view password);
// Whether `password` matches `hash`; false for a malformed hash.
bool verify_password(std::string_view hash, std::string_view password);
// 32 random bytes as 64 hex digits.
std::string random_token();
// Compares in time independent of where the strings differ.
bool same_secret(std::string_view a, std::string_view b);

struct Session {
  std::string user;
  std::string csrf;
  Clock::time_point expires;
};

class Sessions {
 public:
  explicit Sessions(Clock::duration lifetime, std::size_t max_sessions = 10'000)
      : lifetime_(lifetime), max_(max_sessions) {}

  // A new session of `user`; returns its token. The oldest sessions go when full.
  std::string open(const std::string& user, Clock::time_point now);
  // The session of `token`, unless unknown or expired.
  std::optional<Session> find(std::string_view token, Clock::time_point now);
  void close(std::string_view token);
  std::size_t size() const;

 private:
  void drop_expired(Clock::time_point now);

  Clock::duration lifetime_;
  std::size_t max_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Session> sessions_;
};

// At most `attempts` failed sign-ins per key (a user name, a client address) within
// `window`; after that the key is refused until the window that began with its first failure
// ends. A success clears the key.
class LoginLimiter {
 public:
  LoginLimiter(int attempts, Clock::duration window) : attempts_(attempts), window_(window) {}

  bool allowed(const std::string& key, Clock::time_point now);
  void failed(const std::string& key, Clock::time_point now);
  void succeeded(const std::string& key);

 private:
  struct Count {
    Clock::time_point since;
    int failures = 0;
  };
  int attempts_;
  Clock::duration window_;
  std::mutex mutex_;
  std::map<std::string, Count> counts_;
};

}  // namespace sitepatrol::app::console
