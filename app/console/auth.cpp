#include "app/console/auth.h"

#include <sodium.h>

#include <stdexcept>

namespace sitepatrol::app::console {

namespace {

void start_sodium() {
  static const int ready = sodium_init();
  if (ready < 0) throw std::runtime_error("libsodium could not be initialised");
}

constexpr std::size_t kMaxKeys = 100'000;  // failed sign-in keys remembered at most

}  // namespace

std::string hash_password(std::string_view password) {
  start_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory while hashing the password");
  }
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  start_sodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string terminated(hash);  // libsodium reads a NUL-terminated string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
  start_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  start_sodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Sessions::open(const std::string& user, Clock::time_point now) {
  std::string token = random_token();
  std::lock_guard lock(mutex_);
  drop_expired(now);
  while (sessions_.size() >= max_) {
    auto oldest = sessions_.begin();
    for (auto it = sessions_.begin(); it != sessions_.end(); ++it) {
      if (it->second.expires < oldest->second.expires) oldest = it;
    }
    sessions_.erase(oldest);
  }
  sessions_[token] = Session{user, random_token(), now + lifetime_};
  return token;
}

std::optional<Session> Sessions::find(std::string_view token, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const auto it = sessions_.find(std::string(token));
  if (it == sessions_.end()) return std::nullopt;
  if (it->second.expires <= now) {
    sessions_.erase(it);
    return std::nullopt;
  }
  return it->second;
}

void Sessions::close(std::string_view token) {
  std::lock_guard lock(mutex_);
  sessions_.erase(std::string(token));
}

std::size_t Sessions::size() const {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

void Sessions::drop_expired(Clock::time_point now) {
  std::erase_if(sessions_, [now](const auto& entry) { return entry.second.expires <= now; });
}

bool LoginLimiter::allowed(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const auto it = counts_.find(key);
  if (it == counts_.end()) return true;
  if (now - it->second.since >= window_) {
    counts_.erase(it);
    return true;
  }
  return it->second.failures < attempts_;
}

void LoginLimiter::failed(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (counts_.size() >= kMaxKeys) {
    std::erase_if(counts_, [&](const auto& entry) { return now - entry.second.since >= window_; });
  }
  auto [it, fresh] = counts_.try_emplace(key, Count{now, 0});
  if (!fresh && now - it->second.since >= window_) it->second = Count{now, 0};
  ++it->second.failures;
}

void LoginLimiter::succeeded(const std::string& key) {
  std::lock_guard lock(mutex_);
  counts_.erase(key);
}

}  // namespace sitepatrol::app::console
