// Validating a JSON document against one of the published schemas (docs/schemas/) with
// python3-jsonschema (deploy/install-deps.sh), run as a real process: exit 0 when it is
// valid, else each error on stdout.
#pragma once

#include <filesystem>

#include "tests/integration/patrol_harness.h"

namespace sitepatrol::integration {

inline std::filesystem::path schema_path(const char* name) {
  return std::filesystem::path(SITEPATROL_SOURCE_DIR) / "docs/schemas" / name;
}

inline ProcessResult validate_json(const std::filesystem::path& schema,
                                   const std::filesystem::path& doc) {
  return testsupport::run_process(
      {"python3", "-c",
       "import json, sys, jsonschema\n"
       "schema = json.load(open(sys.argv[1], encoding='utf-8'))\n"
       "jsonschema.Draft202012Validator.check_schema(schema)\n"
       "errors = list(jsonschema.Draft202012Validator(schema).iter_errors(\n"
       "    json.load(open(sys.argv[2], encoding='utf-8'))))\n"
       "for e in errors: print(list(e.absolute_path), e.message)\n"
       "sys.exit(1 if errors else 0)\n",
       schema.string(), doc.string()});
}

}  // namespace sitepatrol::integration
