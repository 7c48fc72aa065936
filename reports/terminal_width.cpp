#include "reports/terminal_width.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iterator>
#include <span>
#include <system_error>
#include <vector>

namespace sitepatrol::reports {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

// Nonspacing and enclosing marks (Mn, Me) and Hangul medial/final jamo: drawn on the
// preceding character. After Markus Kuhn's wcwidth table, with the Arabic, Tibetan and
// Mongolian marks of later Unicode versions (all three scripts have Chinese government sites).
constexpr Range kCombining[] = {
    {0x0300, 0x036F},   {0x0483, 0x0489},   {0x0591, 0x05BD},   {0x05BF, 0x05BF},
    {0x05C1, 0x05C2},   {0x05C4, 0x05C5},   {0x05C7, 0x05C7},   {0x0610, 0x061A},
    {0x064B, 0x065F},   {0x0670, 0x0670},   {0x06D6, 0x06DC},   {0x06DF, 0x06E4},
    {0x06E7, 0x06E8},   {0x06EA, 0x06ED},   {0x0711, 0x0711},   {0x0730, 0x074A},
    {0x07A6, 0x07B0},   {0x07EB, 0x07F3},   {0x0816, 0x082D},   {0x0859, 0x085B},
    {0x0898, 0x089F},   {0x08CA, 0x08E1},   {0x08E3, 0x0902},   {0x093A, 0x093A},
    {0x093C, 0x093C},   {0x0941, 0x0948},   {0x094D, 0x094D},   {0x0951, 0x0957},
    {0x0962, 0x0963},   {0x0981, 0x0981},   {0x09BC, 0x09BC},   {0x09C1, 0x09C4},
    {0x09CD, 0x09CD},   {0x09E2, 0x09E3},   {0x0A01, 0x0A02},   {0x0A3C, 0x0A3C},
    {0x0A41, 0x0A42},   {0x0A47, 0x0A48},   {0x0A4B, 0x0A4D},   {0x0A70, 0x0A71},
    {0x0A81, 0x0A82},   {0x0ABC, 0x0ABC},   {0x0AC1, 0x0AC5},   {0x0AC7, 0x0AC8},
    {0x0ACD, 0x0ACD},   {0x0AE2, 0x0AE3},   {0x0B01, 0x0B01},   {0x0B3C, 0x0B3C},
    {0x0B3F, 0x0B3F},   {0x0B41, 0x0B44},   {0x0B4D, 0x0B4D},   {0x0B56, 0x0B56},
    {0x0B82, 0x0B82},   {0x0BC0, 0x0BC0},   {0x0BCD, 0x0BCD},   {0x0C3E, 0x0C40},
    {0x0C46, 0x0C48},   {0x0C4A, 0x0C4D},   {0x0C55, 0x0C56},   {0x0CBC, 0x0CBC},
    {0x0CBF, 0x0CBF},   {0x0CC6, 0x0CC6},   {0x0CCC, 0x0CCD},   {0x0CE2, 0x0CE3},
    {0x0D41, 0x0D44},   {0x0D4D, 0x0D4D},   {0x0DCA, 0x0DCA},   {0x0DD2, 0x0DD4},
    {0x0DD6, 0x0DD6},   {0x0E31, 0x0E31},   {0x0E34, 0x0E3A},   {0x0E47, 0x0E4E},
    {0x0EB1, 0x0EB1},   {0x0EB4, 0x0EBC},   {0x0EC8, 0x0ECE},   {0x0F18, 0x0F19},
    {0x0F35, 0x0F35},   {0x0F37, 0x0F37},   {0x0F39, 0x0F39},   {0x0F71, 0x0F7E},
    {0x0F80, 0x0F84},   {0x0F86, 0x0F87},   {0x0F8D, 0x0FBC},   {0x0FC6, 0x0FC6},
    {0x102D, 0x1030},   {0x1032, 0x1037},   {0x1039, 0x103A},   {0x1058, 0x1059},
    {0x1160, 0x11FF},   {0x135D, 0x135F},   {0x1712, 0x1714},   {0x1732, 0x1733},
    {0x1752, 0x1753},   {0x1772, 0x1773},   {0x17B4, 0x17B5},   {0x17B7, 0x17BD},
    {0x17C6, 0x17C6},   {0x17C9, 0x17D3},   {0x17DD, 0x17DD},   {0x180B, 0x180D},
    {0x180F, 0x180F},   {0x1885, 0x1886},   {0x18A9, 0x18A9},   {0x1920, 0x1922},
    {0x1927, 0x1928},   {0x1932, 0x1932},   {0x1939, 0x193B},   {0x1A17, 0x1A18},
    {0x1AB0, 0x1AFF},   {0x1B00, 0x1B03},   {0x1B34, 0x1B34},   {0x1B36, 0x1B3A},
    {0x1B3C, 0x1B3C},   {0x1B42, 0x1B42},   {0x1B6B, 0x1B73},   {0x1DC0, 0x1DFF},
    {0x200C, 0x200D},   {0x20D0, 0x20F0},   {0x2CEF, 0x2CF1},   {0x2DE0, 0x2DFF},
    {0x302A, 0x302F},   {0x3099, 0x309A},   {0xA66F, 0xA672},   {0xA674, 0xA67D},
    {0xA69E, 0xA69F},   {0xA6F0, 0xA6F1},   {0xA806, 0xA806},   {0xA80B, 0xA80B},
    {0xA825, 0xA826},   {0xD7B0, 0xD7FF},   {0xFB1E, 0xFB1E},   {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F},   {0x10A01, 0x10A0F}, {0x10A38, 0x10A3F}, {0x1D167, 0x1D169},
    {0x1D173, 0x1D182}, {0x1D185, 0x1D18B}, {0x1D1AA, 0x1D1AD}, {0x1D242, 0x1D244},
    {0xE0100, 0xE01EF},
};

// East Asian Wide and Fullwidth: Hangul initial jamo, CJK (radicals through Yi, with
// ideographs, kana, bopomofo and CJK punctuation), Hangul syllables, compatibility
// ideographs, vertical and small forms, fullwidth forms, the emoji that terminals draw wide,
// Tangut and kana supplements, and the supplementary ideographic planes.
constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4DC0, 0x4DFF},   {0x4E00, 0x9FFF},
    {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
    {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},
    {0x16FE0, 0x16FE4}, {0x16FF0, 0x16FF1}, {0x17000, 0x18CFF}, {0x18D00, 0x18D08},
    {0x1AFF0, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
    {0x1F191, 0x1F19A}, {0x1F200, 0x1F202}, {0x1F210, 0x1F23B}, {0x1F240, 0x1F248},
    {0x1F250, 0x1F251}, {0x1F260, 0x1F265}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
    {0x1F7E0, 0x1F7EB}, {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD},
    {0x30000, 0x3FFFD},
};

// Invisible format characters a page can use to disguise text: soft hyphen, bidi marks,
// embeddings, overrides and isolates ("Trojan Source"), word joiners, BOM, tags.
constexpr Range kDropped[] = {
    {0x00AD, 0x00AD}, {0x061C, 0x061C}, {0x180E, 0x180E},   {0x200B, 0x200B},
    {0x200E, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},   {0x2066, 0x206F},
    {0xFEFF, 0xFEFF}, {0xFFF9, 0xFFFB}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F},
};

bool in_table(std::span<const Range> table, char32_t cp) {
  auto it = std::upper_bound(table.begin(), table.end(), cp,
                             [](char32_t c, const Range& r) { return c < r.first; });
  return it != table.begin() && cp <= std::prev(it)->last;
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0); }

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

struct Cell {
  std::size_t begin;
  std::size_t length;
  int width;
};

std::vector<Cell> cells_of(std::string_view text) {
  std::vector<Cell> cells;
  for (std::size_t pos = 0; pos < text.size();) {
    Utf8Step step = next_code_point(text, pos);
    cells.push_back({pos, step.length, step.valid ? code_point_width(step.code_point) : 1});
    pos += step.length;
  }
  return cells;
}

// Number of leading cells whose widths fit in `limit`.
std::size_t prefix_fitting(std::span<const Cell> cells, int limit, int& used) {
  used = 0;
  std::size_t n = 0;
  for (; n < cells.size() && used + cells[n].width <= limit; ++n) used += cells[n].width;
  return n;
}

// Index of the first of the trailing cells whose widths fit in `limit`; a suffix never
// starts with a combining mark cut from its base character.
std::size_t suffix_fitting(std::span<const Cell> cells, std::size_t floor, int limit) {
  int used = 0;
  std::size_t start = cells.size();
  while (start > floor && used + cells[start - 1].width <= limit) {
    --start;
    used += cells[start].width;
  }
  while (start < cells.size() && cells[start].width == 0) ++start;
  return start;
}

std::string_view slice(std::string_view text, std::span<const Cell> cells, std::size_t from,
                       std::size_t to) {
  if (from >= to) return {};
  std::size_t begin = cells[from].begin;
  std::size_t end = cells[to - 1].begin + cells[to - 1].length;
  return text.substr(begin, end - begin);
}

}  // namespace

Utf8Step next_code_point(std::string_view text, std::size_t pos) {
  constexpr Utf8Step kInvalid{0xFFFD, 1, false};
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length;
  char32_t cp;
  char32_t min;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, cp = lead & 0x1F, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, cp = lead & 0x0F, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    return kInvalid;
  }
  if (pos + length > text.size()) return kInvalid;
  for (std::size_t i = 1; i < length; ++i) {
    unsigned char c = byte(pos + i);
    if ((c & 0xC0) != 0x80) return kInvalid;
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalid;
  return {cp, length, true};
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    Utf8Step step = next_code_point(text, pos);
    if (step.valid) {
      out.append(text.substr(pos, step.length));
    } else {
      append_utf8(out, 0xFFFD);
    }
    pos += step.length;
  }
  return out;
}

int code_point_width(char32_t cp) {
  if (cp < 0x7F) return cp < 0x20 ? 0 : 1;
  if (is_control(cp)) return 0;
  if (in_table(kCombining, cp)) return 0;
  if (in_table(kWide, cp)) return 2;
  return 1;
}

int display_width(std::string_view utf8) {
  int width = 0;
  for (std::size_t pos = 0; pos < utf8.size();) {
    Utf8Step step = next_code_point(utf8, pos);
    width += step.valid ? code_point_width(step.code_point) : 1;
    pos += step.length;
  }
  return width;
}

std::string sanitize_for_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    Utf8Step step = next_code_point(text, pos);
    char32_t cp = step.code_point;
    if (!step.valid) {
      out += '?';
    } else if ((cp >= 0x09 && cp <= 0x0D) || cp == 0x2028 || cp == 0x2029) {
      out += ' ';
    } else if (is_control(cp) || in_table(kDropped, cp)) {
      // dropped: ESC and friends never reach the terminal
    } else {
      out.append(text.substr(pos, step.length));
    }
    pos += step.length;
  }
  return out;
}

std::string truncate_to_width(std::string_view text, int width, Elide where) {
  std::vector<Cell> cells = cells_of(text);
  int total = 0;
  for (const Cell& c : cells) total += c.width;
  if (total <= width) return std::string(text);
  if (width <= 0) return {};
  constexpr std::string_view kEllipsis = "...";
  constexpr int kEllipsisWidth = 3;
  int used = 0;
  if (width <= kEllipsisWidth) {
    return std::string(slice(text, cells, 0, prefix_fitting(cells, width, used)));
  }
  int room = width - kEllipsisWidth;
  if (where == Elide::end) {
    std::string out(slice(text, cells, 0, prefix_fitting(cells, room, used)));
    out += kEllipsis;
    return out;
  }
  std::size_t head = prefix_fitting(cells, room - room / 2, used);
  std::size_t tail = suffix_fitting(cells, head, room - used);
  std::string out(slice(text, cells, 0, head));
  out += kEllipsis;
  out += slice(text, cells, tail, cells.size());
  return out;
}

std::string pad_to_width(std::string_view text, int width) {
  std::string out(text);
  int missing = width - display_width(text);
  if (missing > 0) out.append(static_cast<std::size_t>(missing), ' ');
  return out;
}

int terminal_columns(int fd) {
  if (const char* env = std::getenv("COLUMNS"); env != nullptr) {
    std::string_view s(env);
    int columns = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), columns);
    if (ec == std::errc() && end == s.data() + s.size() && columns > 0) return columns;
  }
  winsize size{};
  if (::isatty(fd) == 1 && ::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return size.ws_col;
  }
  return 120;
}

}  // namespace sitepatrol::reports
