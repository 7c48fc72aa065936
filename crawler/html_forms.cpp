#include "crawler/html_forms.h"

#include <algorithm>
#include <string>

#include "config/ascii.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {
namespace {

constexpr std::size_t kMaxFormText = 300;
constexpr std::size_t kMaxFields = 64;

std::string_view attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

// Appends `s` with runs of whitespace collapsed to one space, up to the cap.
void append_text(std::string& out, std::string_view s) {
  for (char c : s) {
    if (out.size() >= kMaxFormText) return;
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

class FormReader {
 public:
  explicit FormReader(std::string_view base) : base_(base) {}

  std::vector<checks::FormInfo> run(const GumboNode* root) {
    walk(root);
    for (auto& f : forms_) {
      while (!f.text.empty() && f.text.back() == ' ') f.text.pop_back();
    }
    return std::move(forms_);
  }

 private:
  // Iterative pre-order walk; each frame carries the index of the form it is in, if any.
  void walk(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      std::size_t form;
    };
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<Frame> stack{{root, kNone}};
    while (!stack.empty()) {
      auto [node, form] = stack.back();
      stack.pop_back();
      const GumboVector* children = nullptr;
      if (node->type == GUMBO_NODE_DOCUMENT) {
        children = &node->v.document.children;
      } else if (node->type == GUMBO_NODE_ELEMENT) {
        const GumboElement& el = node->v.element;
        if (el.tag == GUMBO_TAG_SCRIPT || el.tag == GUMBO_TAG_STYLE ||
            el.tag == GUMBO_TAG_TEMPLATE || el.tag == GUMBO_TAG_NOSCRIPT)
          continue;
        if (el.tag == GUMBO_TAG_FORM && form == kNone) {
          form = forms_.size();
          forms_.push_back(open_form(el));
        } else if (form != kNone) {
          field(el, forms_[form]);
        }
        children = &el.children;
      } else if (node->type == GUMBO_NODE_TEXT && form != kNone) {
        append_text(forms_[form].text, node->v.text.text);
        append_text(forms_[form].text, " ");
        continue;
      } else {
        continue;
      }
      for (unsigned i = children->length; i-- > 0;)
        stack.push_back({static_cast<const GumboNode*>(children->data[i]), form});
    }
  }

  checks::FormInfo open_form(const GumboElement& el) {
    checks::FormInfo f;
    const std::string_view action = attr(el, "action");
    std::string trimmed(action);
    trimmed.erase(0, trimmed.find_first_not_of(" \t\r\n"));
    trimmed.erase(trimmed.find_last_not_of(" \t\r\n") + 1);
    auto resolved = trimmed.empty() ? std::optional<std::string>()
                                    : resolve_url(base_, trimmed);
    if (resolved) {
      f.action = std::move(*resolved);
    } else if (trimmed.empty() || !trimmed.starts_with("javascript:")) {
      f.action = normalize_url(base_).value_or(std::string(base_));
    }  // a javascript: action leaves it empty: the form cannot be checked
    f.method = ascii_lower(attr(el, "method")) == "post" ? "post" : "get";
    f.hints = ascii_lower(std::string(attr(el, "id")) + " " + std::string(attr(el, "class")) +
                          " " + std::string(attr(el, "name")) + " " + std::string(action));
    return f;
  }

  void field(const GumboElement& el, checks::FormInfo& f) {
    checks::FormField x;
    switch (el.tag) {
      case GUMBO_TAG_INPUT:
        x.tag = "input";
        x.type = ascii_lower(attr(el, "type"));
        if (x.type.empty()) x.type = "text";
        break;
      case GUMBO_TAG_SELECT:
        x.tag = "select";
        select_valued_ = false;
        break;
      case GUMBO_TAG_TEXTAREA:
        x.tag = "textarea";
        break;
      case GUMBO_TAG_BUTTON:
        x.tag = "button";
        x.type = ascii_lower(attr(el, "type"));
        break;
      case GUMBO_TAG_OPTION: {
        // The first option (or the selected one) is the select's value.
        if (f.fields.empty() || f.fields.back().tag != "select") return;
        auto& select = f.fields.back();
        if (!select_valued_ || gumbo_get_attribute(&el.attributes, "selected")) {
          select.value = attr(el, "value");
          select_valued_ = true;
        }
        return;
      }
      default:
        return;
    }
    if (f.fields.size() >= kMaxFields) return;
    x.name = attr(el, "name");
    x.value = attr(el, "value");
    if (el.tag != GUMBO_TAG_SELECT) x.placeholder = attr(el, "placeholder");
    if (x.tag == "input" && (x.type == "submit" || x.type == "button")) {
      append_text(f.text, x.value);
      append_text(f.text, " ");
    }
    if (!x.placeholder.empty()) {
      append_text(f.text, x.placeholder);
      append_text(f.text, " ");
    }
    f.fields.push_back(std::move(x));
  }

  std::string_view base_;
  std::vector<checks::FormInfo> forms_;
  bool select_valued_ = false;  // the open select took an option's value already
};

}  // namespace

std::vector<checks::FormInfo> extract_forms(const GumboNode* root, std::string_view base_url) {
  if (!root) return {};
  return FormReader(base_url).run(root);
}

}  // namespace sitepatrol::crawler
