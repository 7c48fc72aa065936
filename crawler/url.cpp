// URL resolution and normalisation (see url.h).
//
// Every reference is first cleaned in one pass: what browsers strip from an href is
// stripped, backslashes become slashes, the fragment goes, and the path and query are
// percent-encoded in normal form, so what follows only ever sees ASCII. The common cases
// are then finished here without allocation beyond the result: a relative reference is
// merged with the cached base (RFC 3986 5.2) and a URL whose host is a plain DNS name is
// lower-cased. Anything else in the authority (IP literals and numeric IPv4 forms such as
// 2130706433, user info, unusual ports) is parsed by curl's URL API; an IDN host is
// converted to punycode first (config/idn.h), whatever the locale. The base is
// parsed once per page, not once per link. Each thread keeps its own curl handle and
// buffers; the functions are thread-safe.
#include "crawler/url.h"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <memory>

#include "config/find_any.h"
#include "config/idn.h"

namespace sitepatrol::crawler {
namespace {

enum class Part { authority, path, query };

constexpr bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; }

constexpr int hex_value(unsigned char c) {
  if (is_digit(c)) return c - '0';
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
  return -1;
}

constexpr bool is_unreserved(unsigned char c) {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// Bytes that may stand unencoded in a path (RFC 3986 pchar and '/'); a query also allows '?'.
constexpr std::array<bool, 256> make_path_table(bool query) {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = is_unreserved(static_cast<unsigned char>(c));
  for (char c : std::string_view("!$&'()*+,;=:@/")) t[static_cast<unsigned char>(c)] = true;
  if (query) t['?'] = true;
  return t;
}
constexpr auto kPathOk = make_path_table(false);
constexpr auto kQueryOk = make_path_table(true);

constexpr char kHex[] = "0123456789ABCDEF";

void append_escaped(std::string& out, unsigned char c) {
  out.push_back('%');
  out.push_back(kHex[c >> 4]);
  out.push_back(kHex[c & 15]);
}

// Appends one component of a reference in normal form: tabs and newlines dropped (browsers
// do), backslashes in the path read as slashes, existing escapes with upper-case hex and
// unreserved characters decoded, everything else outside the component's set escaped.
// The authority is left as written (an IDN host is converted later, in ascii_host).
void append_part(std::string& out, std::string_view in, Part part) {
  const auto& ok = part == Part::query ? kQueryOk : kPathOk;
  for (std::size_t i = 0; i < in.size(); ++i) {
    auto c = static_cast<unsigned char>(in[i]);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (part == Part::authority) {
      out.push_back(c == '\\' ? '/' : static_cast<char>(c));
      continue;
    }
    if (c == '%') {
      int hi = i + 2 < in.size() ? hex_value(in[i + 1]) : -1;
      int lo = hi >= 0 ? hex_value(in[i + 2]) : -1;
      if (lo < 0) {
        out += "%25";
        continue;
      }
      auto v = static_cast<unsigned char>(hi * 16 + lo);
      if (is_unreserved(v)) {
        out.push_back(static_cast<char>(v));
      } else {
        append_escaped(out, v);
      }
      i += 2;
      continue;
    }
    if (c == '\\' && part == Part::path) {
      out.push_back('/');
    } else if (ok[c]) {
      out.push_back(static_cast<char>(c));
    } else {
      append_escaped(out, c);
    }
  }
}

bool is_c0_or_space(char c) { return static_cast<unsigned char>(c) <= 0x20; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_c0_or_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_c0_or_space(s.back())) s.remove_suffix(1);
  return s;
}

// The scheme of a reference, lower-cased into `out`; empty when it has none.
std::string_view scheme_of(std::string_view ref, std::array<char, 16>& out) {
  if (ref.empty() || !is_alpha(ref[0])) return {};
  std::size_t n = 0;
  for (std::size_t i = 0; i < ref.size(); ++i) {
    char c = ref[i];
    if (c == ':') return n == 0 ? std::string_view{} : std::string_view(out.data(), n);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (!(is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.')) return {};
    if (n == out.size()) return {};
    out[n++] = to_lower(c);
  }
  return {};
}

bool is_http(std::string_view scheme) { return scheme == "http" || scheme == "https"; }

bool is_slash(char c) { return c == '/' || c == '\\'; }

// A cleaned reference: optional "scheme:", optional "//authority", path, optional "?query".
// The fragment is dropped. `rest` starts after the scheme's colon (or at the start).
void clean_reference(std::string& out, std::string_view scheme, std::string_view rest,
                     bool force_authority) {
  out.clear();
  if (!scheme.empty()) {
    out += scheme;
    out.push_back(':');
  }
  std::size_t i = 0;
  bool has_authority = force_authority;
  if (force_authority) {
    // "https:///x" -> host x, and tabs and newlines among the slashes go too (browsers).
    while (i < rest.size() &&
           (is_slash(rest[i]) || rest[i] == '\t' || rest[i] == '\n' || rest[i] == '\r')) {
      ++i;
    }
  } else if (rest.size() >= 2 && is_slash(rest[0]) && is_slash(rest[1])) {
    has_authority = true;
    i = 2;
    while (i < rest.size() && is_slash(rest[i])) ++i;  // "///x" names host x (browsers)
  }
  rest = rest.substr(0, std::min(rest.find('#'), rest.size()));
  if (has_authority) {
    std::size_t end = find_any(rest, "/\\?", i);
    if (end == std::string_view::npos) end = rest.size();
    out += "//";
    append_part(out, rest.substr(i, end - i), Part::authority);
    i = end;
  }
  std::size_t q = rest.find('?', i);
  append_part(out, rest.substr(i, q == std::string_view::npos ? rest.size() - i : q - i),
              Part::path);
  if (q != std::string_view::npos) {
    out.push_back('?');
    append_part(out, rest.substr(q + 1), Part::query);
  }
}

struct CurlUrlDeleter {
  void operator()(CURLU* h) const { curl_url_cleanup(h); }
};
using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;

struct CurlString {
  char* p = nullptr;
  ~CurlString() { curl_free(p); }
};

constexpr unsigned kSetFlags = 0;  // no guessing, no foreign schemes: http(s) only
constexpr unsigned kGetFlags = CURLU_NO_DEFAULT_PORT;

// A normalised absolute URL cut into "scheme://authority", "/path" and "query".
struct Base {
  std::string raw;  // as the caller gave it: the cache key
  bool ok = false;
  std::string scheme;
  std::string prefix;
  std::string path;
  std::string query;
};

// Per-thread state: a scratch buffer, a curl handle, and the last base URL, parsed once
// for all the links of a page.
struct ThreadState {
  std::string scratch;
  std::string segments;
  Base base;
  bool have_base = false;
  CurlUrl work{curl_url()};
};

ThreadState& thread_state() {
  thread_local ThreadState state;
  return state;
}

// Characters that may not stand in a host once it is decoded (WHATWG "forbidden domain code
// points", plus '%': a host still holding an escape after decoding would decode differently
// on a second pass).
bool forbidden_in_host(unsigned char c) {
  return c <= 0x20 || c == 0x7f ||
         std::string_view("#%/:<>?@[\\]^|").find(static_cast<char>(c)) != std::string_view::npos;
}

// Finishes curl's rendering of a URL: lower-case host, no empty query.
std::optional<std::string> finish(CURLU* h) {
  CurlString url;
  if (curl_url_get(h, CURLUPART_URL, &url.p, kGetFlags) != CURLUE_OK) return std::nullopt;
  std::string out(url.p);
  std::size_t auth = out.find("://");
  if (auth == std::string::npos || !is_http(std::string_view(out).substr(0, auth))) {
    return std::nullopt;
  }
  auth += 3;
  std::size_t path = out.find('/', auth);
  if (path == std::string::npos) path = out.size();
  std::size_t at = out.rfind('@', path);
  std::size_t host = at != std::string::npos && at >= auth ? at + 1 : auth;
  if (host == path) return std::nullopt;
  for (std::size_t i = host; i < path; ++i) {
    // curl lets a control byte or '%' through in a host it found after "http:///" (url_fuzz:
    // "http:///e\x7f/", "http:///e%25/"); such a host has no normal form.
    auto c = static_cast<unsigned char>(out[i]);
    bool punctuation = c == ':' || c == '[' || c == ']';  // port, IPv6 literal
    if (c >= 0x7f || (forbidden_in_host(c) && !punctuation)) return std::nullopt;
    out[i] = to_lower(out[i]);
  }
  std::size_t frag = out.find('#', path);
  if (frag != std::string::npos) out.resize(frag);
  if (out.find('?', path) == out.size() - 1) out.pop_back();  // empty query
  return out;
}

// Appends `path` (starting with '/') with "." and ".." segments removed (RFC 3986 5.2.4).
void append_without_dots(std::string& out, std::string_view path) {
  std::size_t root = out.size();
  std::size_t i = 0;
  while (i < path.size()) {
    std::size_t j = path.find('/', i + 1);
    if (j == std::string_view::npos) j = path.size();
    std::string_view seg = path.substr(i + 1, j - i - 1);
    bool last = j == path.size();
    if (seg == ".") {
      if (last) out.push_back('/');
    } else if (seg == "..") {
      std::size_t slash = out.rfind('/');
      out.resize(slash == std::string::npos || slash < root ? root : slash);
      if (last) out.push_back('/');
    } else {
      out.push_back('/');
      out += seg;
    }
    i = j;
  }
  if (out.size() == root) out.push_back('/');
}

// The fast path for the common authority, a plain DNS name with an optional port; the
// rest (user info, IP literals and numeric hosts, IDN, odd ports) is left to curl.
// Appends "scheme://host[:port]" in normal form; false when curl must decide.
// "192.168.0.1": four decimal octets without leading zeros, as the WHATWG IPv4 parser writes
// them back.
bool is_dotted_quad(std::string_view host) {
  int octets = 0;
  std::size_t i = 0;
  while (i <= host.size()) {
    std::size_t end = std::min(host.find('.', i), host.size());
    std::string_view octet = host.substr(i, end - i);
    if (octet.empty() || octet.size() > 3 || (octet.size() > 1 && octet.front() == '0')) return false;
    int value = 0;
    for (char c : octet) {
      if (!is_digit(c)) return false;
      value = value * 10 + (c - '0');
    }
    if (value > 255 || ++octets > 4) return false;
    i = end + 1;
  }
  return octets == 4;
}

bool append_simple_authority(std::string& out, std::string_view scheme, std::string_view auth) {
  std::size_t colon = auth.find(':');
  std::string_view host = auth.substr(0, colon);
  if (host.empty() || host.size() > 253 || host.front() == '.' || host.front() == '-') {
    return false;
  }
  std::size_t last_label = 0;
  for (std::size_t i = 0; i < host.size(); ++i) {
    char c = host[i];
    if (c == '.') {
      if (i + 1 < host.size() && host[i + 1] == '.') return false;
      if (i + 1 < host.size()) last_label = i + 1;
    } else if (!(is_alpha(c) || is_digit(c) || c == '-')) {
      return false;
    }
  }
  // A name whose last label starts with a digit may be an IPv4 number ("127.1", "0x7f"); only
  // the canonical dotted quad is already in normal form.
  if (is_digit(host[last_label]) && !is_dotted_quad(host)) return false;
  int port = 0;
  if (colon != std::string_view::npos) {
    std::string_view digits = auth.substr(colon + 1);
    if (digits.empty() || digits.size() > 5 || digits.front() == '0') return false;
    for (char c : digits) {
      if (!is_digit(c)) return false;
      port = port * 10 + (c - '0');
    }
    if (port > 65535) return false;
  }
  out += scheme;
  out += "://";
  for (char c : host) out.push_back(to_lower(c));
  bool default_port = (scheme == "http" && port == 80) || (scheme == "https" && port == 443);
  if (port != 0 && !default_port) {
    out.push_back(':');
    out += auth.substr(colon + 1);
  }
  return true;
}

void append_query(std::string& out, std::string_view query) {
  if (query.empty()) return;
  out.push_back('?');
  out += query;
}

// The host percent-decoded; nullopt when an escape is incomplete.
std::optional<std::string> percent_decoded(std::string_view host) {
  std::string out;
  out.reserve(host.size());
  for (std::size_t i = 0; i < host.size(); ++i) {
    if (host[i] != '%') {
      out.push_back(host[i]);
      continue;
    }
    int hi = i + 2 < host.size() ? hex_value(host[i + 1]) : -1;
    int lo = hi >= 0 ? hex_value(host[i + 2]) : -1;
    if (lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

// Puts the host in the authority of the cleaned reference in `scratch` (between `begin` and
// `end`) in the form curl then finishes, doing first what WHATWG host parsing does and curl
// does not: the host is percent-decoded ("%31%32%37.1" is "127.1", which curl then reads as
// the IPv4 address 127.0.0.1, in the same pass: the normal form is a fixed point), and an
// IDN host is converted to punycode (config/idn.h), so curl never sees an IDN and never
// depends on the locale to convert it. False when the host is malformed (an incomplete
// escape, a forbidden character after decoding, a name UTS #46 refuses).
bool ascii_host(std::string& scratch, std::size_t begin, std::size_t end) {
  std::string_view auth = std::string_view(scratch).substr(begin, end - begin);
  std::size_t at = auth.rfind('@');
  std::size_t host = at == std::string_view::npos ? 0 : at + 1;
  const bool literal = host < auth.size() && auth[host] == '[';
  std::size_t port = literal ? auth.find(']', host) : auth.find(':', host);
  if (port == std::string_view::npos) port = auth.size();
  std::string_view name = auth.substr(host, port - host);
  if (std::ranges::all_of(name, [](unsigned char c) { return c < 0x80 && c != '%'; })) return true;
  if (literal) return false;  // no IDN or escape in an IP literal
  auto decoded = percent_decoded(name);
  if (!decoded) return false;
  auto ascii = config::host_to_ascii(*decoded);
  if (!ascii || ascii->empty() ||
      std::ranges::any_of(*ascii, [](unsigned char c) { return forbidden_in_host(c); })) {
    return false;
  }
  scratch.replace(begin + host, port - host, *ascii);
  return true;
}

// Turns a cleaned absolute reference ("scheme://authority/path?query") into normal form.
std::optional<std::string> absolute_from_clean(ThreadState& st) {
  std::size_t colon = st.scratch.find("://");
  std::size_t auth_end = find_any(st.scratch, "/?", colon + 3);
  if (auth_end == std::string::npos) auth_end = st.scratch.size();
  if (!ascii_host(st.scratch, colon + 3, auth_end)) return std::nullopt;
  std::string_view s = st.scratch;
  auth_end = find_any(s, "/?", colon + 3);
  if (auth_end == std::string_view::npos) auth_end = s.size();
  std::size_t q = s.find('?', auth_end);
  std::string_view path =
      s.substr(auth_end, (q == std::string_view::npos ? s.size() : q) - auth_end);
  std::string out;
  out.reserve(s.size() + 1);
  if (append_simple_authority(out, s.substr(0, colon), s.substr(colon + 3, auth_end - colon - 3)) &&
      (path.empty() || path.front() == '/')) {
    append_without_dots(out, path.empty() ? std::string_view("/") : path);
    if (q != std::string_view::npos) append_query(out, s.substr(q + 1));
    return out;
  }
  // curl reads a C string: past a NUL it would parse another URL than the one checked above
  // (found by tests/fuzz/url_fuzz.cpp: "http:\xD0\0@" gave host "\xD0", not a normal form).
  if (st.scratch.find('\0') != std::string::npos) return std::nullopt;
  if (curl_url_set(st.work.get(), CURLUPART_URL, st.scratch.c_str(), kSetFlags) != CURLUE_OK) {
    return std::nullopt;
  }
  return finish(st.work.get());
}

// Parses (and caches) the base for this thread; false when it is not an http(s) URL.
bool load_base(ThreadState& st, std::string_view raw) {
  if (st.have_base && st.base.raw == raw) return st.base.ok;
  st.have_base = true;
  Base& b = st.base;
  b.raw.assign(raw);
  b.ok = false;
  std::array<char, 16> buf{};
  std::string_view trimmed = trim(raw);
  std::string_view scheme = scheme_of(trimmed, buf);
  if (!is_http(scheme)) return false;
  clean_reference(st.scratch, scheme, trimmed.substr(trimmed.find(':') + 1), true);
  auto norm = absolute_from_clean(st);
  if (!norm) return false;
  std::string_view n = *norm;
  std::size_t path = n.find('/', n.find("://") + 3);
  std::size_t q = n.find('?', path);
  b.scheme.assign(scheme);
  b.prefix.assign(n.substr(0, path));
  b.path.assign(n.substr(path, q == std::string_view::npos ? q : q - path));
  b.query.assign(q == std::string_view::npos ? std::string_view() : n.substr(q + 1));
  b.ok = true;
  return true;
}

// Resolves a cleaned relative reference without authority against the base (RFC 3986 5.2).
std::string merge(const Base& b, std::string_view ref) {
  std::size_t q = ref.find('?');
  std::string_view path = ref.substr(0, q);
  std::string out;
  out.reserve(b.prefix.size() + b.path.size() + ref.size() + 1);
  out += b.prefix;
  if (path.empty()) {
    out += b.path;
    append_query(out, q == std::string_view::npos ? std::string_view(b.query) : ref.substr(q + 1));
    return out;
  }
  if (path.front() == '/') {
    append_without_dots(out, path);
  } else {
    std::string_view dir = std::string_view(b.path).substr(0, b.path.rfind('/') + 1);
    thread_local std::string joined;
    joined.assign(dir);
    joined += path;
    append_without_dots(out, joined);
  }
  if (q != std::string_view::npos) append_query(out, ref.substr(q + 1));
  return out;
}

}  // namespace

std::optional<std::string> normalize_url(std::string_view url) {
  ThreadState& st = thread_state();
  std::array<char, 16> buf{};
  std::string_view trimmed = trim(url);
  std::string_view scheme = scheme_of(trimmed, buf);
  if (!is_http(scheme)) return std::nullopt;
  clean_reference(st.scratch, scheme, trimmed.substr(trimmed.find(':') + 1), true);
  return absolute_from_clean(st);
}

std::optional<std::string> resolve_url(std::string_view base, std::string_view ref) {
  ThreadState& st = thread_state();
  ref = trim(ref);
  if (ref.empty()) return std::nullopt;
  std::array<char, 16> buf{};
  std::string_view scheme = scheme_of(ref, buf);
  if (!scheme.empty()) {
    if (!is_http(scheme)) return std::nullopt;
    std::string_view rest = ref.substr(ref.find(':') + 1);
    // "http:foo" is relative to an http base; against any other base it names host foo.
    bool same = load_base(st, base) && st.base.scheme == scheme;
    bool slashes = rest.size() >= 2 && is_slash(rest[0]) && is_slash(rest[1]);
    if (slashes || !same) {
      clean_reference(st.scratch, scheme, rest, true);
      return absolute_from_clean(st);
    }
    ref = rest;
  }
  if (!load_base(st, base)) return std::nullopt;
  clean_reference(st.scratch, {}, ref, false);
  if (st.scratch.starts_with("//")) {  // network-path reference: the base's scheme
    st.scratch.insert(0, st.base.scheme + ":");
    return absolute_from_clean(st);
  }
  // Only a fragment ("#top") leaves nothing: the page itself.
  if (st.scratch.empty()) {
    std::string out = st.base.prefix + st.base.path;
    append_query(out, st.base.query);
    return out;
  }
  return merge(st.base, st.scratch);
}

std::string reference_scheme(std::string_view ref) {
  std::array<char, 16> buf{};
  return std::string(scheme_of(trim(ref), buf));
}

bool is_malformed_reference(std::string_view ref) {
  ref = trim(ref);
  if (ref.empty() || ref.front() == '#') return false;
  const std::string scheme = reference_scheme(ref);
  return scheme.empty() || is_http(scheme);
}

std::optional<UrlParts> split_url(std::string_view url) {
  auto norm = normalize_url(url);
  if (!norm) return std::nullopt;
  std::string_view s = *norm;
  UrlParts parts;
  std::size_t colon = s.find("://");
  parts.scheme.assign(s.substr(0, colon));
  std::size_t auth = colon + 3;
  std::size_t path = s.find('/', auth);
  std::size_t at = s.rfind('@', path);
  std::size_t host = at != std::string_view::npos && at >= auth ? at + 1 : auth;
  std::string_view hostport = s.substr(host, path - host);
  std::size_t port_colon = std::string_view::npos;
  if (!hostport.empty() && hostport.front() == '[') {
    std::size_t close = hostport.find(']');
    parts.host.assign(hostport.substr(1, close - 1));
    if (close + 1 < hostport.size() && hostport[close + 1] == ':') port_colon = close + 1;
  } else {
    port_colon = hostport.rfind(':');
    parts.host.assign(hostport.substr(0, port_colon));
  }
  parts.port = parts.scheme == "https" ? 443 : 80;
  if (port_colon != std::string_view::npos) {
    int port = 0;
    for (char c : hostport.substr(port_colon + 1)) port = port * 10 + (c - '0');
    parts.port = port;
  }
  parts.path.assign(s.substr(path));
  return parts;
}

namespace {

// The host of a URL whose authority is a plain name or address ("http://Host.example:8080/x"),
// read off without normalizing the whole URL: a patrol asks for the host of every URL several
// times (docs/performance.md, seventeenth session). Such an authority is in normal form but
// for its case, and nothing after it can make normalize_url fail. nullopt: take the long way.
std::optional<std::string> plain_host(std::string_view url) {
  std::string_view scheme = url.starts_with("http://")    ? "http"
                            : url.starts_with("https://") ? "https"
                                                          : "";
  if (scheme.empty()) return std::nullopt;
  const std::size_t begin = scheme.size() + 3;
  const std::size_t end = std::min(find_any(url, "/?#", begin), url.size());
  std::string out;
  if (!append_simple_authority(out, scheme, url.substr(begin, end - begin))) return std::nullopt;
  const std::size_t port = out.find(':', begin);
  return out.substr(begin, port == std::string::npos ? port : port - begin);
}

}  // namespace

std::string url_host(std::string_view url) {
  if (auto host = plain_host(url)) return std::move(*host);
  auto parts = split_url(url);
  return parts ? std::move(parts->host) : std::string();
}

std::string url_extension(std::string_view url) {
  std::size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
  if (start == std::string_view::npos) return {};
  std::string_view path = url.substr(start);
  path = path.substr(0, std::min(find_any(path, "?#", 0), path.size()));
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string_view ext = path.substr(dot + 1);
  if (ext.size() > 8) return {};  // no extension anyone downloads by is that long
  std::string lower(ext);
  for (char& c : lower) c = to_lower(c);
  return lower;
}

bool looks_like_resource(std::string_view url) {
  // Sorted, lower case: extensions of things that are downloaded, not read as pages.
  static constexpr std::string_view kExtensions[] = {
      "7z",  "aac",  "ai",    "apk",  "arj",  "avi",  "bin",  "bmp",  "bz2",  "cab",  "caj",  "ceb",
      "css", "csv",  "dat",   "deb",  "dmg",  "doc",  "docm", "docx", "dot",  "dotx", "dwg",  "eot",
      "eps", "epub", "et",    "exe",  "flac", "flv",  "gif",  "gz",   "heic", "ico",  "ipa",  "iso",
      "jar", "jpeg", "jpg",   "js",   "json", "m4a",  "m4v",  "mid",  "mjs",  "mkv",  "mov",  "mp3",
      "mp4", "mpeg", "mpg",   "msi",  "odp",  "ods",  "odt",  "ofd",  "ogg",  "otf",  "pdf",  "png",
      "pps", "ppsx", "ppt",   "pptx", "ps",   "psd",  "rar",  "rm",   "rmvb", "rpm",  "rtf",  "svg",
      "swf", "tar",  "tgz",   "tif",  "tiff", "ttf",  "txt",  "vsd",  "wav",  "webm", "webp", "wma",
      "wmv", "woff", "woff2", "wps",  "xls",  "xlsm", "xlsx", "xml",  "xz",   "zip"};
  static_assert(std::is_sorted(std::begin(kExtensions), std::end(kExtensions)));

  const std::string ext = url_extension(url);
  if (ext.empty()) return false;
  std::string_view key = ext;
  return std::binary_search(std::begin(kExtensions), std::end(kExtensions), key);
}

}  // namespace sitepatrol::crawler
