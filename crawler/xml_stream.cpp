#include "crawler/xml_stream.h"

#include <expat.h>

#include <climits>
#include <cstring>

namespace sitepatrol::crawler {

namespace {

constexpr char kSeparator = '\x1f';  // between a namespace URI and a local name

std::string_view local_name(const char* name) {
  const char* sep = std::strrchr(name, kSeparator);
  return sep ? std::string_view(sep + 1) : std::string_view(name);
}

}  // namespace

std::string_view xml_attribute(const char** attrs, std::string_view local) {
  for (; attrs && attrs[0]; attrs += 2) {
    if (local_name(attrs[0]) == local) return attrs[1];
  }
  return {};
}

// expat's handlers; the user data is the stream.
struct XmlCallbacks {
  static XmlStream& stream(void* data) { return *static_cast<XmlStream*>(data); }
  static void start(void* data, const XML_Char* name, const XML_Char** attrs) {
    stream(data).events_.start(local_name(name), attrs);
  }
  static void end(void* data, const XML_Char* name) { stream(data).events_.end(local_name(name)); }
  static void text(void* data, const XML_Char* s, int len) {
    stream(data).events_.text(std::string_view(s, static_cast<std::size_t>(len)));
  }
  static void doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    XmlStream& self = stream(data);
    self.error_ = "a DOCTYPE in an Office XML part";
    XML_StopParser(self.parser_, XML_FALSE);
  }
};

XmlStream::XmlStream(XmlEvents& events)
    : events_(events), parser_(XML_ParserCreateNS(nullptr, kSeparator)) {
  if (!parser_) {
    error_ = "out of memory";
    return;
  }
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &XmlCallbacks::start, &XmlCallbacks::end);
  XML_SetCharacterDataHandler(parser_, &XmlCallbacks::text);
  XML_SetStartDoctypeDeclHandler(parser_, &XmlCallbacks::doctype);
  XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlStream::~XmlStream() {
  if (parser_) XML_ParserFree(parser_);
}

bool XmlStream::parse(std::string_view chunk, bool last) {
  if (!parser_ || stopped_ || !error_.empty()) return false;
  while (chunk.size() > static_cast<std::size_t>(INT_MAX)) {  // expat takes an int length
    if (!parse(chunk.substr(0, INT_MAX), false)) return false;
    chunk.remove_prefix(INT_MAX);
  }
  if (XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0) ==
      XML_STATUS_OK)
    return !stopped_;
  if (stopped_ || !error_.empty()) return false;  // stop(), or the DOCTYPE refused
  error_ = std::string(XML_ErrorString(XML_GetErrorCode(parser_))) + " at line " +
           std::to_string(XML_GetCurrentLineNumber(parser_));
  return false;
}

bool XmlStream::feed(std::string_view chunk) { return parse(chunk, false); }

bool XmlStream::finish() { return parse({}, true); }

void XmlStream::stop() {
  if (stopped_) return;
  stopped_ = true;
  XML_StopParser(parser_, XML_FALSE);
}

}  // namespace sitepatrol::crawler
