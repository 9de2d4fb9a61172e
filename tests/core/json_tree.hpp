// A JsonView as nlohmann's tree, to compare the two readings of one text.
#pragma once
#include <algorithm>
#include <string_view>

#include "commands.hpp"
#include "json_view.hpp"

namespace bw::test {

inline json tree_of(const JsonView& v) {
  if (v.is_null()) return nullptr;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) return std::string(v.text());
  if (v.is_array()) {
    json out = json::array();
    for (const JsonView e : v) out.push_back(tree_of(e));
    return out;
  }
  json out = json::object();
  for (auto it = v.begin(); it != v.end(); ++it) out[std::string(it.key())] = tree_of(*it);  // the last of a repeated key
  return out;
}

// How deeply the text's lists and objects nest: tree_of and nlohmann's
// comparison recurse, so deep texts are compared by verdict only.
inline int nesting_depth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace bw::test
