// A read-only JSON document for stored buckets and backup files (W1, W4):
// parsed in one pass into a flat list of values that point into the text, so
// that reading a bucket allocates per bucket rather than per key and string.
// It accepts exactly what nlohmann-json's parser accepts (RFC 8259, UTF-8
// checked, a leading byte-order mark skipped) and reads it the same way.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace bw {

class JsonDocument;

// One value of a JsonDocument, with the methods of nlohmann::json the record
// readers use.
class JsonView {
 public:
  enum class Type : std::uint8_t { Null, False, True, Integer, Unsigned, Float, String, Array, Object };

  bool is_null() const { return node().type == Type::Null; }
  bool is_boolean() const { return node().type == Type::False || node().type == Type::True; }
  bool is_string() const { return node().type == Type::String; }
  bool is_number() const { return is_number_integer() || node().type == Type::Float; }
  bool is_number_integer() const { return node().type == Type::Integer || node().type == Type::Unsigned; }
  bool is_number_unsigned() const { return node().type == Type::Unsigned; }
  bool is_object() const { return node().type == Type::Object; }
  bool is_array() const { return node().type == Type::Array; }

  std::string_view text() const;  // a string's characters, unescaped
  // As nlohmann's get<T>: a number of one kind read as another is converted.
  template <class T>
  T get() const {
    if constexpr (std::is_same_v<T, std::string>) {
      return std::string(text());
    } else if constexpr (std::is_same_v<T, bool>) {
      return node().type == Type::True;
    } else {
      const Node& n = node();
      return n.type == Type::Integer ? T(n.integer) : n.type == Type::Unsigned ? T(n.unsigned_) : T(n.floating);
    }
  }

  // An object's member by key (the last, if a key is there twice), or none.
  std::optional<JsonView> find(std::string_view key) const {
    const std::uint32_t at = find_index(key);
    return at == kNone ? std::nullopt : std::optional<JsonView>(JsonView{doc_, at});
  }
  bool contains(std::string_view key) const { return find_index(key) != kNone; }
  JsonView at(std::string_view key) const { return {doc_, find_index(key)}; }  // only after contains()

  // An array's elements, or an object's values; a single value for anything else but null.
  class Iterator {
   public:
    JsonView operator*() const { return {doc_, at_}; }
    std::string_view key() const { return JsonView{doc_, at_ - 1}.text(); }  // an object's
    Iterator& operator++();
    bool operator!=(const Iterator& o) const { return at_ != o.at_; }

   private:
    friend class JsonView;
    Iterator(const JsonDocument* doc, std::uint32_t at, std::uint32_t stop, bool object)
        : doc_(doc), at_(at), stop_(stop), object_(object) {}
    const JsonDocument* doc_;
    std::uint32_t at_, stop_;  // stop_: the container's end
    bool object_;
  };
  Iterator begin() const;
  Iterator end() const;

  std::string dump() const;  // a string as JSON text, for messages; other values as "..."
  std::string_view source() const;  // a list's or object's text as it was read

 private:
  friend class JsonDocument;
  static constexpr std::uint32_t kNone = ~0u;
  struct Node {
    Type type = Type::Null;
    std::uint32_t end = 0;      // a container's: the index past its last value
    std::uint32_t offset = 0;   // a string's characters, or a container's text: where they are
    std::uint32_t length = 0;   // and how long (kEscaped bit: a string in the document's own buffer)
    union {
      std::int64_t integer = 0;
      std::uint64_t unsigned_;
      double floating;
      // An object's last key, and each key's key before it (kNone: none), so
      // that a lookup finds the last of a repeated key first and stops there.
      std::uint32_t key_before;
    };
  };
  static constexpr std::uint32_t kEscaped = 1u << 31;

  JsonView(const JsonDocument* doc, std::uint32_t index) : doc_(doc), index_(index) {}
  const Node& node() const;
  std::uint32_t find_index(std::string_view key) const;

  const JsonDocument* doc_;
  std::uint32_t index_;
};

class JsonDocument {
 public:
  // For a document too large to hold as values (a backup file): each value
  // of the root object is handed to `member` once read, and each element of
  // the root's list named `list` to `element`, which returns true when it
  // was used: it is then forgotten.
  struct Stream {
    std::string_view list;
    std::function<void(std::string_view key, JsonView value)> member;
    std::function<bool(JsonView element)> element;
  };
  static constexpr std::size_t kMaxText = (std::size_t(1) << 31) - 1;  // its places are 32-bit
  // Parses `text`, which must outlive the document; `ok()` says whether it
  // was JSON (a text longer than kMaxText is not read).
  explicit JsonDocument(std::string_view text, const Stream* stream = nullptr);
  bool ok() const { return ok_; }
  JsonView root() const { return {this, 0}; }

 private:
  friend class JsonView;
  bool parse();
  bool parse_string();
  bool parse_number();

  std::string_view text_;
  std::size_t at_ = 0;
  std::vector<JsonView::Node> nodes_;
  std::string unescaped_;  // strings that held escapes, decoded
  const Stream* stream_ = nullptr;
  bool ok_ = false;
};

// Appends `s` as a JSON string, escaped as nlohmann-json's dump() does; an
// ill-formed UTF-8 sequence is written as U+FFFD, so that what is written can
// always be read.
void append_json_string(std::string& out, std::string_view s);

}  // namespace bw
