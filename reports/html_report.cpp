#include "reports/html_report.h"

#include "reports/cell_text.h"
#include "reports/html_escape.h"

namespace sitepatrol::reports {

namespace {

constexpr std::string_view kStyle = R"css(
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
       sans-serif; font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 186mm;
       line-height: 1.45; }
h1 { font-size: 18pt; text-align: center; margin: 6mm 0 2mm; }
.subtitle { text-align: center; color: #444; margin-bottom: 6mm; }
h2 { font-size: 13pt; border-bottom: 2px solid #234; padding-bottom: 1mm; margin-top: 7mm;
     break-after: avoid; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 3mm 0 1mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9pt; }
th, td { border: 1px solid #999; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
.nb, td.sev { white-space: nowrap; }
th { background: #e8edf3; }
tr { break-inside: avoid; }
td.pass { color: #116611; font-weight: bold; }
td.fail, td.critical { color: #b00; font-weight: bold; }
td.warn { color: #a60; }
td.error { color: #c40; }
a { color: #124; text-decoration: none; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 2mm 0 5mm;
            break-inside: avoid; font-family: inherit; }
.page-break { break-before: page; }
ul { margin: 1mm 0 3mm; padding-left: 6mm; }
p.addressee { margin-top: 4mm; }
p.signature { text-align: right; margin: 0; }
p:not(.signature) + p.signature { margin-top: 8mm; }
p.note { color: #555; font-size: 8.5pt; margin-top: 6mm; }
td.overdue { color: #b00; font-weight: bold; }
td.date { white-space: nowrap; }
@media print { a { color: inherit; } }
)css";

void write_cell(std::ostream& out, const Cell& cell) {
  out << (cell.style.empty() ? "<td>" : "<td class=\"" + html_escape(cell.style) + "\">");
  const std::string href = cell.href.empty() ? std::string() : safe_href(cell.href);
  if (!href.empty()) {
    out << "<a href=\"" << href << "\">" << cell_html(cell.text) << "</a>";
  } else {
    out << cell_html(cell.text);
  }
  out << "</td>";
}

}  // namespace

void write_html(std::ostream& out, const Document& doc) {
  out << "<!DOCTYPE html>\n<html lang=\"" << html_escape(doc.lang) << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escape(doc.title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<h1>" << html_escape(doc.title) << "</h1>\n";
  if (!doc.subtitle.empty()) {
    out << "<p class=\"subtitle\">" << html_escape(doc.subtitle) << "</p>\n";
  }
  for (const Block& b : doc.blocks) {
    switch (b.kind) {
      case Block::Kind::heading:
        out << "<h" << b.level << ">" << html_escape(b.text) << "</h" << b.level << ">\n";
        break;
      case Block::Kind::paragraph:
        out << (b.style.empty() ? "<p>" : "<p class=\"" + html_escape(b.style) + "\">")
            << html_escape(b.text) << "</p>\n";
        break;
      case Block::Kind::list:
        out << "<ul>";
        for (const std::string& item : b.items) out << "<li>" << html_escape(item) << "</li>";
        out << "</ul>\n";
        break;
      case Block::Kind::table:
        out << "<table>\n<thead><tr>";
        for (const std::string& h : b.headers) out << "<th>" << html_escape(h) << "</th>";
        out << "</tr></thead>\n<tbody>\n";
        for (const auto& row : b.rows) {
          out << "<tr>";
          for (const Cell& cell : row) write_cell(out, cell);
          out << "</tr>\n";
        }
        out << "</tbody>\n</table>\n";
        break;
      case Block::Kind::chart:
        out << b.svg << "\n";
        break;
      case Block::Kind::page_break:
        out << "<div class=\"page-break\"></div>\n";
        break;
    }
  }
  out << "</body>\n</html>\n";
}

}  // namespace sitepatrol::reports
