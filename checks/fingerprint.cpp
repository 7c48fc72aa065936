#include "checks/fingerprint.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <unordered_map>

namespace sitepatrol::checks {

namespace {

constexpr std::uint64_t kCountBits = 12;
constexpr std::uint64_t kCountMask = (std::uint64_t{1} << kCountBits) - 1;
constexpr std::size_t kListedMax = 3;   // URLs named in a summary, per kind
constexpr std::size_t kTitleMax = 120;  // bytes of a title quoted in a summary

// MurmurHash3's 64-bit finaliser: spreads FNV's weak low bits over the whole word.
std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

std::uint64_t fnv_continue(std::uint64_t h, std::string_view text) {
  for (unsigned char c : text) {  // FNV-1a 64
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t hash_text(std::string_view text) {
  return mix(fnv_continue(0xcbf29ce484222325ULL, text));
}

std::uint64_t key_of(std::uint64_t packed) { return packed & ~kCountMask; }
std::size_t count_of(std::uint64_t packed) { return static_cast<std::size_t>(packed & kCountMask); }

std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string hex(std::uint64_t value) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = digits[value & 15];
  return out;
}

// Distinct shingle keys with their occurrence counts.
std::unordered_map<std::uint64_t, std::size_t> count_shingles(
    const std::vector<std::uint64_t>& paths) {
  std::unordered_map<std::uint64_t, std::size_t> counts;
  if (paths.empty()) return counts;
  // A page shorter than one shingle is one shingle of everything it has.
  const std::size_t width = std::min(kShingle, paths.size());
  for (std::size_t i = 0; i + width <= paths.size(); ++i) {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (std::size_t j = i; j < i + width; ++j) h = mix(h ^ paths[j]);
    ++counts[key_of(h)];
  }
  return counts;
}

// The URL without query and fragment: what identifies a script or frame across versions.
std::string_view url_key(std::string_view url) {
  return url.substr(0, std::min(url.find('?'), url.find('#')));
}

bool is_inline(std::string_view script) { return script.starts_with("inline:"); }

// Entries of `current` whose key is not among `baseline`'s (inline scripts only when
// `inline_scripts`, URLs only otherwise).
std::vector<std::string> added(const std::vector<std::string>& baseline,
                               const std::vector<std::string>& current, bool inline_scripts) {
  std::vector<std::string_view> known;
  for (const std::string& b : baseline) known.push_back(url_key(b));
  std::ranges::sort(known);
  std::vector<std::string> out;
  for (const std::string& c : current) {
    if (is_inline(c) != inline_scripts) continue;
    if (!std::ranges::binary_search(known, url_key(c))) out.push_back(c);
  }
  return out;
}

// The largest `limit` whose entries at or below it are complete in the sample: the
// kSample-th key when the page had that many distinct shingles, else everything.
std::uint64_t complete_up_to(const std::vector<std::uint64_t>& sketch) {
  return sketch.size() >= kSample ? key_of(sketch[kSample - 1])
                                  : std::numeric_limits<std::uint64_t>::max();
}

double structure_changed(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() && b.empty()) return 0;
  if (a.empty() || b.empty()) return 1;
  // Below the smaller of the two limits both samples hold every shingle, so the shingles
  // there are a uniform random sample of the union (bottom-k estimator).
  const std::uint64_t limit = std::min(complete_up_to(a), complete_up_to(b));
  std::size_t both = 0, either = 0;
  auto i = a.begin(), j = b.begin();
  while (true) {
    const bool more_a = i != a.end() && key_of(*i) <= limit;
    const bool more_b = j != b.end() && key_of(*j) <= limit;
    if (!more_a && !more_b) break;
    ++either;
    if (more_a && more_b && key_of(*i) == key_of(*j)) {
      ++both, ++i, ++j;
    } else if (more_a && (!more_b || key_of(*i) < key_of(*j))) {
      ++i;
    } else {
      ++j;
    }
  }
  return either == 0 ? 0 : 1.0 - static_cast<double>(both) / static_cast<double>(either);
}

std::size_t new_block(const std::vector<std::uint64_t>& baseline,
                      const std::vector<std::uint64_t>& current) {
  std::size_t most = 0;
  for (std::uint64_t entry : current) {
    const std::size_t repeats = count_of(entry);
    if (repeats < kNewBlock || repeats <= most) continue;
    // Every shingle the baseline repeated kRepeated+ times is in it; one that is absent
    // occurred fewer times (or never).
    auto it = std::ranges::lower_bound(
        baseline, key_of(entry),
        [](std::uint64_t x, std::uint64_t key) { return key_of(x) < key; });
    const bool found = it != baseline.end() && key_of(*it) == key_of(entry);
    if (!found || count_of(*it) < kRepeated) most = repeats;
  }
  return most;
}

// Cuts at a UTF-8 character boundary.
std::string shorten(const std::string& text) {
  if (text.size() <= kTitleMax) return text;
  std::size_t end = kTitleMax;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

void list_urls(std::string& out, const char* what, const std::vector<std::string>& urls) {
  for (std::size_t i = 0; i < urls.size() && i < kListedMax; ++i) {
    out += "; new ";
    out += what;
    out += ' ';
    out += urls[i];
  }
  if (urls.size() > kListedMax) {
    out += "; " + std::to_string(urls.size() - kListedMax) + " more new " + what + "s";
  }
}

std::string summarize(const SketchDiff& d, const PageSketch& baseline, const PageSketch& current) {
  std::string out =
      "structure " + std::to_string(std::lround(d.structure_changed * 100)) + "% changed";
  if (d.new_block > 0) {
    out += "; new block of " + std::to_string(d.new_block) + " repeated elements";
  }
  list_urls(out, "script", d.new_scripts);
  list_urls(out, "iframe", d.new_iframes);
  if (d.new_inline_scripts > 0) {
    out += "; " + std::to_string(d.new_inline_scripts) + " new inline script";
    if (d.new_inline_scripts > 1) out += 's';
  }
  if (d.title_changed) {
    out += "; title changed from '" + shorten(baseline.title) + "' to '" + shorten(current.title) +
           "'";
  }
  return out;
}

DetailArgs summary_args(const SketchDiff& d, const PageSketch& baseline,
                        const PageSketch& current) {
  const auto count = [](std::size_t n) { return n > 0 ? std::to_string(n) : std::string(); };
  const auto urls = [](const std::vector<std::string>& list) {
    std::string out;
    for (std::size_t i = 0; i < list.size() && i < kListedMax; ++i)
      out += (i ? ", " : "") + list[i];
    return out;
  };
  const auto more = [&](const std::vector<std::string>& list) {
    return list.size() > kListedMax ? std::to_string(list.size() - kListedMax) : std::string();
  };
  return {{"structure_pct", std::to_string(std::lround(d.structure_changed * 100))},
          {"new_block", count(d.new_block)},
          {"scripts", urls(d.new_scripts)},
          {"scripts_more", more(d.new_scripts)},
          {"iframes", urls(d.new_iframes)},
          {"iframes_more", more(d.new_iframes)},
          {"inline_scripts", count(d.new_inline_scripts)},
          {"title_from", d.title_changed ? shorten(baseline.title) : std::string()},
          {"title_to", d.title_changed ? shorten(current.title) : std::string()}};
}

}  // namespace

PathHash PathHash::then(std::string_view bytes) const {
  PathHash next;
  next.fnv_ = fnv_continue(fnv_, bytes);
  return next;
}

std::uint64_t PathHash::value() const { return mix(fnv_); }

std::uint64_t tag_path_hash(std::string_view path) { return hash_text(path); }

PageSketch sketch_page(const std::vector<std::string>& tag_paths, std::span<const LinkRef> links,
                       std::string_view title, std::span<const std::string> inline_scripts) {
  std::vector<std::uint64_t> hashes;
  hashes.reserve(tag_paths.size());
  for (const std::string& path : tag_paths) hashes.push_back(tag_path_hash(path));
  return sketch_page(hashes, links, title, inline_scripts);
}

PageSketch sketch_page(const std::vector<std::uint64_t>& tag_paths, std::span<const LinkRef> links,
                       std::string_view title, std::span<const std::string> inline_scripts) {
  PageSketch sketch;
  sketch.elements = tag_paths.size();
  sketch.title = collapse_spaces(title);

  const auto counts = count_shingles(tag_paths);
  std::vector<std::uint64_t> packed;
  packed.reserve(counts.size());
  for (const auto& [key, n] : counts) {
    packed.push_back(key | std::min<std::uint64_t>(n, kCountMask));
  }
  std::ranges::sort(packed);
  for (std::size_t i = 0; i < packed.size(); ++i) {
    if (i < kSample || count_of(packed[i]) >= kRepeated) sketch.minhash.push_back(packed[i]);
  }

  for (const LinkRef& link : links) {
    if (link.kind == "script") sketch.scripts.push_back(link.url);
    if (link.kind == "iframe" || link.kind == "frame") sketch.iframes.push_back(link.url);
  }
  for (const std::string& body : inline_scripts) {
    const std::string text = collapse_spaces(body);
    if (!text.empty()) sketch.scripts.push_back("inline:" + hex(hash_text(text)));
  }
  for (auto* list : {&sketch.scripts, &sketch.iframes}) {
    std::ranges::sort(*list);
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  return sketch;
}

SketchDiff compare(const PageSketch& baseline, const PageSketch& current) {
  SketchDiff d;
  d.structure_changed = structure_changed(baseline.minhash, current.minhash);
  d.new_block = new_block(baseline.minhash, current.minhash);
  d.new_scripts = added(baseline.scripts, current.scripts, false);
  d.new_iframes = added(baseline.iframes, current.iframes, false);
  d.new_inline_scripts = added(baseline.scripts, current.scripts, true).size();
  d.title_changed = baseline.title != current.title;
  d.summary = summarize(d, baseline, current);
  d.args = summary_args(d, baseline, current);
  return d;
}

}  // namespace sitepatrol::checks
