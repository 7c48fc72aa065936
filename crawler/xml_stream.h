// XmlStream: a streaming XML reader for the parts of Office files (crawler/ooxml_text.h),
// fed chunk by chunk as a zip member inflates, so a part is never held whole.
//
// Elements are reported by local name (the namespace prefix dropped: w:t, a:t and m:t are
// all "t"), with their attributes by local name too. A DOCTYPE is refused (no Office part
// has one, and entity tricks start there); external entities are never loaded.
//
// Wraps expat. One stream belongs to one thread; its events run inside feed().
#pragma once

#include <string>
#include <string_view>

typedef struct XML_ParserStruct* XML_Parser;

namespace sitepatrol::crawler {

// What a reader does with the events. `attrs` is expat's array: name, value, name, ...,
// null; read it with xml_attribute().
class XmlEvents {
 public:
  virtual ~XmlEvents() = default;
  virtual void start(std::string_view local, const char** attrs) = 0;
  virtual void end(std::string_view local) = 0;
  virtual void text(std::string_view text) = 0;
};

// The value of the attribute of local name `local` ("" when absent).
std::string_view xml_attribute(const char** attrs, std::string_view local);

class XmlStream {
 public:
  explicit XmlStream(XmlEvents& events);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // false: stop feeding, because the XML is broken (error() says how) or an event called
  // stop() (error() is "").
  bool feed(std::string_view chunk);
  // After the last chunk: false when the document was cut short or broken.
  bool finish();
  // From inside an event: no more events; feed() returns false.
  void stop();
  const std::string& error() const { return error_; }

 private:
  friend struct XmlCallbacks;
  bool parse(std::string_view chunk, bool last);

  XmlEvents& events_;
  XML_Parser parser_;
  std::string error_;
  bool stopped_ = false;
};

}  // namespace sitepatrol::crawler
