#include "app/cli_docs.h"

#include <CLI/CLI.hpp>

#include "app/help_text.h"

namespace sitepatrol::app {

namespace {

// Text shown verbatim in a roff .nf block: backslashes and hyphens escaped, and a line that
// starts with a control character guarded.
std::string roff_verbatim(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

// Every command below `app`, depth first, in the order --help lists them.
void collect(const CLI::App& app, std::vector<const CLI::App*>& out) {
  for (const CLI::App* sub : app.get_subcommands({})) {
    out.push_back(sub);
    collect(*sub, out);
  }
}

std::string parent_path(const CLI::App& app) {
  std::string path = app.get_parent()->get_name();
  const std::string sub = command_path(*app.get_parent());
  return sub.empty() ? path : path + " " + sub;
}

// The option names `app` accepts, "--format -f", and those taking a value.
void option_names(const CLI::App& app, std::string& all, std::string& with_value) {
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_positional() && opt->get_lnames().empty() && opt->get_snames().empty()) continue;
    for (const auto& l : opt->get_lnames()) {
      all += " --" + l;
      if (opt->get_type_size_max() > 0) with_value += " --" + l;
    }
    for (const auto& s : opt->get_snames()) {
      all += " -" + s;
      if (opt->get_type_size_max() > 0) with_value += " -" + s;
    }
  }
}

}  // namespace

std::string man_page(const CLI::App& program, const std::string& version) {
  std::string out;
  out += ".\\\" Generated from sitepatrol's command line definition (app/cli_docs.cpp).\n";
  out += ".TH SITEPATROL 1 \"\" \"sitepatrol " + version + "\" \"User Commands\"\n";
  out += ".SH NAME\nsitepatrol \\- " +
         roff_verbatim(program.get_description().substr(program.get_description().find(": ") + 2)) +
         "\n";
  out +=
      ".SH SYNOPSIS\n.B sitepatrol\n[\\fIglobal options\\fR] \\fICOMMAND\\fR "
      "[\\fIoptions\\fR]\n";
  out += ".SH DESCRIPTION\n.nf\n" + roff_verbatim(program.help()) + ".fi\n";
  out += ".SH COMMANDS\n";
  std::vector<const CLI::App*> commands;
  collect(program, commands);
  for (const CLI::App* app : commands) {
    out += ".SS \"sitepatrol " + command_path(*app) + "\"\n.nf\n" +
           roff_verbatim(app->help(parent_path(*app))) + ".fi\n";
  }
  out +=
      ".SH FILES\n.TP\n.I /etc/sitepatrol/sites.toml\nthe configuration "
      "(docs/configuration.md)\n";
  out += ".SH SEE ALSO\nThe documents under docs/ in the source, docs/cli.md first.\n";
  return out;
}

std::string bash_completion(const CLI::App& program) {
  std::string global;
  std::string global_value;
  option_names(program, global, global_value);
  std::string out =
      "# bash completion for sitepatrol. Generated from its command line definition\n"
      "# (app/cli_docs.cpp) at build time: edit the program, not this file.\n"
      "_sitepatrol() {\n"
      "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
      "  local path='' word i\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    word=${COMP_WORDS[i]}\n"
      "    case \"$path/$word\" in\n";
  std::vector<const CLI::App*> commands;
  collect(program, commands);
  for (const CLI::App* app : commands) {
    const std::string path = command_path(*app);
    const std::string parent = command_path(*app->get_parent());
    out += "      '" + parent + "/" + app->get_name() + "') path='" + path + "' ;;\n";
  }
  out +=
      "    esac\n"
      "  done\n"
      "  local words='' takes_value='" +
      global_value.substr(global_value.empty() ? 0 : 1) +
      "'\n"
      "  case \"$path\" in\n";
  std::vector<const CLI::App*> all = {&program};
  all.insert(all.end(), commands.begin(), commands.end());
  for (const CLI::App* app : all) {
    std::string names;
    std::string value = global_value;
    if (app != &program) option_names(*app, names, value);
    names += global;
    for (const CLI::App* sub : app->get_subcommands({})) names += " " + sub->get_name();
    out += "    '" + command_path(*app) + "') words='" + names.substr(1) + "'; takes_value='" +
           value.substr(value.empty() ? 0 : 1) + "' ;;\n";
  }
  out +=
      "  esac\n"
      "  if [[ \" $takes_value \" == *\" $prev \"* ]]; then\n"
      "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      "    return\n"
      "  fi\n"
      "  COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
      "}\n"
      "complete -F _sitepatrol sitepatrol\n";
  return out;
}

}  // namespace sitepatrol::app
