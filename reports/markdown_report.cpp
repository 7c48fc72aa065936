#include "reports/markdown_report.h"

#include "reports/terminal_width.h"

namespace sitepatrol::reports {

std::string markdown_escape(std::string_view text) {
  const std::string clean = repair_utf8(text);
  std::string out;
  out.reserve(clean.size() + 8);
  for (char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\r':
      case '\n':
        out += ' ';
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '#':
      case '!':
      case '{':
      case '}':
        out += '\\';
        out += c;
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') break;
        out += c;
    }
  }
  return out;
}

void write_markdown(std::ostream& out, const Document& doc) {
  out << "# " << markdown_escape(doc.title) << "\n\n";
  if (!doc.subtitle.empty()) out << markdown_escape(doc.subtitle) << "\n\n";
  for (const Block& b : doc.blocks) {
    switch (b.kind) {
      case Block::Kind::heading:
        out << std::string(static_cast<std::size_t>(b.level), '#') << ' ' << markdown_escape(b.text)
            << "\n\n";
        break;
      case Block::Kind::paragraph:
        out << markdown_escape(b.text) << "\n\n";
        break;
      case Block::Kind::list:
        for (const std::string& item : b.items) out << "- " << markdown_escape(item) << "\n";
        out << "\n";
        break;
      case Block::Kind::table:
        out << "|";
        for (const std::string& h : b.headers) out << ' ' << markdown_escape(h) << " |";
        out << "\n|";
        for (std::size_t i = 0; i < b.headers.size(); ++i) out << " --- |";
        out << "\n";
        for (const auto& row : b.rows) {
          out << "|";
          for (const Cell& cell : row) out << ' ' << markdown_escape(cell.text) << " |";
          out << "\n";
        }
        out << "\n";
        break;
      case Block::Kind::chart:
      case Block::Kind::page_break:
        break;
    }
  }
}

}  // namespace sitepatrol::reports
