// W4: a stored bucket is read as a JsonView. Whatever the text, it must read
// as nlohmann-json reads it: the same texts refused, the same values kept. So
// must the meta value and the page's texts, read by parse_json.
#include <random>

#include "helpers.hpp"
#include "integrity.hpp"
#include "json_tree.hpp"
#include "storage.hpp"

using namespace bw;
using namespace bw::test;

namespace {
// Every object's members are found by key as nlohmann finds them: the last of
// a repeated key, keys alike once unescaped taken as one, and no key that is
// only a part of another.
void finds_as_nlohmann(const JsonView& v, const json& tree) {
  if (tree.is_object()) {
    for (const auto& [key, value] : tree.items()) {
      const auto found = v.find(key);
      REQUIRE(found.has_value());
      CHECK(tree_of(*found) == value);
      for (const std::string& other : {key + "x", key.substr(0, key.size() / 2), "x" + key})
        CHECK(v.find(other).has_value() == tree.contains(other));
      finds_as_nlohmann(*found, value);
    }
    CHECK_FALSE(v.find("\x01" "absent").has_value());
  } else if (tree.is_array()) {
    std::size_t i = 0;
    for (const JsonView e : v) finds_as_nlohmann(e, tree[i++]);
  } else {
    CHECK_FALSE(v.find("a").has_value());  // not an object: no members
  }
}

// The same verdict and, when accepted, the same values.
void reads_as_nlohmann(const std::string& text) {
  const json tree = json::parse(text, nullptr, false);
  const JsonDocument doc(text);
  CAPTURE(text);
  REQUIRE(doc.ok() == !tree.is_discarded());
  if (doc.ok()) {
    CHECK(tree_of(doc.root()) == tree);
    finds_as_nlohmann(doc.root(), tree);
  }
  // The app's one nlohmann-json parser (commands.hpp) reads it the same way too.
  const json parsed = parse_json(text);
  REQUIRE(parsed.is_discarded() == tree.is_discarded());
  if (!tree.is_discarded()) CHECK(parsed == tree);
}
}  // namespace

TEST_CASE("W4: texts at the edges of JSON read as nlohmann-json reads them") {
  for (const char* text : {
           "", " ", "[]", "{}", " [ ] ", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\"}", "{\"a\":}", "{1:2}", "[1 2]",
           "null", "true", "false", "nul", "tru", "[true,false,null]", "\"x\"", "\"x", "[\"x]", "[\"a\\\"b\"]",
           "0", "-0", "01", "-", "1.", ".5", "1.5", "-1.5e3", "1e", "1e+", "1E-2", "1e400", "-1e400",
           "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
           "9223372036854775807", "[1]x", "[1]\n", "\xEF\xBB\xBF[1]", "\xEF\xBB[1]", "[1]\0trailing",
           "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":[1,{\"c\":null}]},\"d\":[]}", "[[[[[[[[[[]]]]]]]]]]", "[[[[[",
           "\"\\u0041\\u00e9\\u20ac\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"",
           "\"\\u12\"", "\"\\x\"", "\"\\/\\b\\f\\n\\r\\t\"", "\"tab\there\"", "\"caf\xC3\xA9\"", "\"\xC3\"",
           "\"\xC0\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xF0\x9F\x98\x80\"", "\"\xE2\x82\"",
           "\"\x7F\"", "[\"\\u0000\"]", "{\"k\\n\":\"v\"}", "{\"ab\":1,\"a\":2,\"b\":{\"a\":3},\"a\":4,\"ba\":5}",
           "{\"a\":1,\"\\u0061\":2}", "{\"k\\n\":1,\"k\\u000a\":2,\"k\":3}", "{\"\":0,\"e\":{}}", "[{\"a\":[{\"a\":1}]}]", "[1,\t2\r\n]", "[1e-400]", "[0.1]"}) {
    reads_as_nlohmann(text);
  }
  reads_as_nlohmann(std::string("[1]\0[2]", 7));
  reads_as_nlohmann(std::string("[\"a\0b\"]", 7));
  // No nesting overflows the reader's stack (nlohmann's tree is not compared: it recurses).
  CHECK(JsonDocument(std::string(100000, '[') + std::string(100000, ']')).ok());
  CHECK_FALSE(JsonDocument(std::string(100000, '[') + std::string(99999, ']')).ok());
}

TEST_CASE("W4: every byte, at every place of a long string, reads as nlohmann-json reads it") {
  // The reader passes over plain bytes in a loop of its own: each byte that
  // is not plain (a control, a quote, a backslash, a UTF-8 lead or a stray
  // one) must stop it wherever it falls, near the string's end too.
  const std::vector<std::string> bytes = [] {
    std::vector<std::string> out;
    for (int c = 0; c < 256; ++c) out.push_back(std::string(1, char(c)));
    for (const char* more : {"\\\"", "\\n", "\\u00e9", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC3"}) out.push_back(more);
    return out;
  }();
  for (std::size_t length : {std::size_t(7), std::size_t(8), std::size_t(9), std::size_t(17), std::size_t(24)})
    for (std::size_t at = 0; at <= length; ++at)
      for (const std::string& b : bytes) {
        const std::string plain(length, 'x');
        reads_as_nlohmann("[\"" + plain.substr(0, at) + b + plain.substr(at) + "\"]");
        reads_as_nlohmann("{\"" + plain.substr(0, at) + b + plain.substr(at) + "\":1}");
      }
}

TEST_CASE("W4: stored records changed byte by byte read as nlohmann-json reads them, with the same sentences") {
  // Every record of the demo as one stored list, as the store writes a bucket.
  const LocalSeconds now = at("2026-11-20T10:00");
  const Workspace demo = create_demo_workspace("demo", now).workspace;
  const std::string meta = encode_meta(demo);
  const std::string records = json::parse(encode_backup(demo, now))["records"].dump();
  reads_as_nlohmann(records);

  std::mt19937 random(16);
  const std::string alphabet = "{}[]\",:\\0123456789.eE+-tfnul \xC3\xA9\xED\xF0";
  int accepted = 0, refused_by_a_record = 0;
  for (int round = 0; round < 150; ++round) {
    std::string text = records;
    const int edits = 1 + int(random() % 3);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = random() % text.size();
      switch (random() % 3) {
        case 0: text[at] = alphabet[random() % alphabet.size()]; break;
        case 1: text.erase(at, 1 + random() % 4); break;
        default: text.insert(at, 1, alphabet[random() % alphabet.size()]);
      }
    }
    reads_as_nlohmann(text);
    const json tree = json::parse(text, nullptr, false);
    if (!tree.is_array()) continue;  // refused by both before any record is read
    // The bucket's reader, then the checks a whole workspace gets ...
    Workspace ws = std::get<Workspace>(decode_meta(meta));
    std::optional<Error> from_view = decode_bucket(ws, text);
    refused_by_a_record += from_view.has_value();
    if (!from_view) from_view = check_integrity(ws);
    // ... and a backup's reader, which reads the same records as a tree.
    const std::string backup = "{\"format\":\"bridgework-backup\",\"version\":1,\"meta\":" +
                               json::parse(meta).dump() + ",\"records\":" + text + "}";
    const auto from_tree = decode_backup(backup);
    CAPTURE(text);
    if (from_view) {
      REQUIRE(std::holds_alternative<Error>(from_tree));
      CHECK(std::get<Error>(from_tree).message == "This backup cannot be restored: " + from_view->message + " Nothing was changed.");
    } else {
      ++accepted;
      REQUIRE(std::holds_alternative<Workspace>(from_tree));
      CHECK(json::parse(encode_backup(ws, now))["records"] ==
            json::parse(encode_backup(std::get<Workspace>(from_tree), now))["records"]);
    }
  }
  // Both ways were taken often enough to mean something.
  CHECK(accepted > 15);
  CHECK(refused_by_a_record > 15);
}

TEST_CASE("W4: a backup file changed byte by byte is refused as not JSON exactly when nlohmann-json refuses it") {
  // A backup is read as a stream (JsonDocument::Stream): the same verdict as reading it whole.
  const LocalSeconds now = at("2026-11-20T10:00");
  const std::string backup = encode_backup(create_demo_workspace("demo", now).workspace, now);
  REQUIRE(std::holds_alternative<Workspace>(decode_backup(backup)));
  std::mt19937 random(17);
  const std::string alphabet = "{}[]\",:\\0123456789.eE+-tfnul \xC3\xA9\xED\xF0";
  int json = 0, not_json = 0;
  for (int round = 0; round < 150; ++round) {
    std::string text = backup;
    const std::size_t at = random() % text.size();
    switch (random() % 3) {
      case 0: text[at] = alphabet[random() % alphabet.size()]; break;
      case 1: text.erase(at, 1 + random() % 4); break;
      default: text.insert(at, 1, alphabet[random() % alphabet.size()]);
    }
    const bool refused_as_not_json = [&] {
      const auto r = decode_backup(text);
      const Error* e = std::get_if<Error>(&r);
      return e && e->message.find("it is not JSON") != std::string::npos;
    }();
    CAPTURE(text.substr(at > 60 ? at - 60 : 0, 120));
    CHECK(refused_as_not_json == json::parse(text, nullptr, false).is_discarded());
    ++(refused_as_not_json ? not_json : json);
  }
  CHECK(json > 15);
  CHECK(not_json > 15);
}

TEST_CASE("W1: every byte, at every place of a string, is written as nlohmann-json writes it, or as U+FFFD") {
  // Records are stored as text written field by field (append_json_string),
  // not through nlohmann's tree: what it writes must read back as it was.
  std::vector<std::string> pieces;
  for (int c = 0; c < 256; ++c) pieces.push_back(std::string(1, char(c)));
  for (const char* more : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xEF\xBF\xBD", "\xE2\x82", "\xF0\x9F\x98",
                           "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC3\xC3\xA9"})
    pieces.push_back(more);
  int replaced = 0;
  for (std::size_t length : {std::size_t(0), std::size_t(3), std::size_t(16)})
    for (std::size_t at = 0; at <= length; ++at)
      for (const std::string& p : pieces) {
        const std::string plain(length, 'x');
        const std::string s = plain.substr(0, at) + p + plain.substr(at);
        std::string written = "[";
        append_json_string(written, s);
        written += ']';
        CAPTURE(s);
        const json back = json::parse(written, nullptr, false);
        REQUIRE_FALSE(back.is_discarded());
        REQUIRE(JsonDocument(written).ok());
        const bool well_formed = json(s).dump(-1, ' ', false, json::error_handler_t::replace) ==
                                 json(s).dump(-1, ' ', false, json::error_handler_t::ignore);
        if (well_formed) {
          CHECK(written == "[" + json(s).dump() + "]");
          CHECK(back[0] == s);
        } else {
          // Each ill-formed byte becomes U+FFFD; the well-formed text around it stays.
          const std::string got = back[0];
          CHECK(got.find("\xEF\xBF\xBD") != std::string::npos);
          CHECK(got.substr(0, at) == plain.substr(0, at));
          CHECK(got.substr(got.size() - (length - at)) == plain.substr(at));
          ++replaced;
        }
      }
  CHECK(replaced > 100);
}

TEST_CASE("W4: an object's keys are found in any order of lookups, as nlohmann-json finds them") {
  // Readers look fields up in their own order: lookups in the written
  // order, backwards, at random, twice over, for absent keys and inside a
  // value between two of its object's own must all find what nlohmann-json
  // finds, with or without a repeated key.
  std::mt19937 random(21);
  for (int round = 0; round < 400; ++round) {
    const int keys = 1 + int(random() % 60);
    std::vector<std::string> names;
    std::string text = "{";
    for (int k = 0; k < keys; ++k) {
      std::string name = "k" + std::to_string(k);
      if (k > 0 && random() % 25 == 0) name = names[random() % names.size()];  // repeated
      if (random() % 30 == 0) name = "k\\u0031" + std::to_string(k);                // escaped, alike once read
      names.push_back(name);
      text += (k ? ",\"" : "\"") + name + "\":{\"v\":" + std::to_string(k) + ",\"w\":[" + std::to_string(k) + "]}";
    }
    text += "}";
    const json tree = json::parse(text);
    const JsonDocument doc(text);
    REQUIRE(doc.ok());
    std::vector<std::string> asked;
    for (auto& [key, value] : tree.items()) asked.push_back(key);
    std::vector<std::string> order = asked;
    switch (round % 4) {
      case 0: break;
      case 1: std::reverse(order.begin(), order.end()); break;
      default: std::shuffle(order.begin(), order.end(), random);
    }
    CAPTURE(text);
    for (int pass = 0; pass < 2; ++pass)
      for (const std::string& key : order) {
        const auto found = doc.root().find(key);
        REQUIRE(found.has_value());
        CHECK(tree_of(*found) == tree[key]);
        CHECK(doc.root().find(key).has_value());  // the same key again
        CHECK_FALSE(doc.root().find(key + "x").has_value());
        CHECK(tree_of(found->at("v")) == tree[key]["v"]);  // a lookup inside, between the object's own
      }
  }
}
