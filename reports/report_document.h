// A report as a document: headings, paragraphs, lists, tables and charts, in reading order.
// The monthly notification (monthly_report.h) and the self-inspection report
// (self_inspection.h) are built once as a Document; html_report.h and markdown_report.h lay
// the same Document out, so both formats always carry the same content.
//
// All text here is plain text, as it came from the store and the configuration; the
// renderers escape it for their format. Chart blocks hold SVG made by svg_charts.h (already
// escaped) and are only drawn by the HTML renderer.
#pragma once

#include <string>
#include <vector>

namespace sitepatrol::reports {

struct Cell {
  std::string text;
  std::string href;   // a crawled URL to link to ("" for none); renderers check it
  std::string style;  // pass | fail | warn | critical | error | "" (HTML class); "... sev" on
                      // a severity, which never wraps
};

struct Block {
  enum class Kind { heading, paragraph, list, table, chart, page_break };
  Kind kind = Kind::paragraph;
  int level = 2;                        // heading
  std::string text;                     // heading, paragraph
  std::vector<std::string> items;       // list
  std::vector<std::string> headers;     // table
  std::vector<std::vector<Cell>> rows;  // table
  std::string svg;                      // chart
  // paragraph: "" | addressee (主送, flush left) | signature (落款, right) | note (small print)
  std::string style;
};

struct Document {
  std::string lang = "zh";  // html lang attribute
  std::string title;
  std::string subtitle;
  std::vector<Block> blocks;

  void heading(int level, std::string text) {
    Block b;
    b.kind = Block::Kind::heading;
    b.level = level;
    b.text = std::move(text);
    blocks.push_back(std::move(b));
  }
  void paragraph(std::string text, std::string style = "") {
    Block b;
    b.kind = Block::Kind::paragraph;
    b.text = std::move(text);
    b.style = std::move(style);
    blocks.push_back(std::move(b));
  }
  void list(std::vector<std::string> items) {
    Block b;
    b.kind = Block::Kind::list;
    b.items = std::move(items);
    blocks.push_back(std::move(b));
  }
  void table(std::vector<std::string> headers, std::vector<std::vector<Cell>> rows) {
    Block b;
    b.kind = Block::Kind::table;
    b.headers = std::move(headers);
    b.rows = std::move(rows);
    blocks.push_back(std::move(b));
  }
  void chart(std::string svg) {
    Block b;
    b.kind = Block::Kind::chart;
    b.svg = std::move(svg);
    blocks.push_back(std::move(b));
  }
  void page_break() {
    Block b;
    b.kind = Block::Kind::page_break;
    blocks.push_back(std::move(b));
  }
};

}  // namespace sitepatrol::reports
