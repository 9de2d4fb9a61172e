#include "json_view.hpp"

#include <array>
#include <cmath>
#include <cstdlib>

namespace bw {

using Type = JsonView::Type;

const JsonView::Node& JsonView::node() const { return doc_->nodes_[index_]; }

std::string_view JsonView::text() const {
  const Node& n = node();
  if (n.type != Type::String) return {};
  if (n.length & kEscaped) return std::string_view(doc_->unescaped_).substr(n.offset, n.length & ~kEscaped);
  return doc_->text_.substr(n.offset, n.length);
}

std::uint32_t JsonView::find_index(std::string_view key) const {
  const Node& n = node();
  if (n.type != Type::Object) return kNone;
  for (std::uint32_t k = n.key_before; k != kNone; k = doc_->nodes_[k].key_before) {
    const Node& name = doc_->nodes_[k];
    // Most keys differ in length: those are passed over without reading their text.
    if ((name.length & kEscaped) ? JsonView{doc_, k}.text() == key
                                 : name.length == key.size() && doc_->text_.compare(name.offset, name.length, key) == 0)
      return k + 1;
  }
  return kNone;
}

JsonView::Iterator& JsonView::Iterator::operator++() {
  const std::uint32_t next = doc_->nodes_[at_].end;
  at_ = object_ && next != stop_ ? next + 1 : next;  // past the next key to its value
  return *this;
}

JsonView::Iterator JsonView::begin() const {
  const Node& n = node();
  if (n.type == Type::Array) return {doc_, index_ + 1, n.end, false};
  if (n.type == Type::Object) return {doc_, n.end == index_ + 1 ? n.end : index_ + 2, n.end, true};
  return {doc_, index_, n.end, false};  // nlohmann iterates a single value once
}

JsonView::Iterator JsonView::end() const {
  const Node& n = node();
  return {doc_, n.type == Type::Null ? index_ : n.end, n.end, false};
}

std::string JsonView::dump() const {
  if (!is_string()) return "...";
  std::string out;
  append_json_string(out, text());
  return out;
}

JsonDocument::JsonDocument(std::string_view text, const Stream* stream) : text_(text), stream_(stream) {
  if (!stream) nodes_.reserve(text.size() / 16 + 1);
  ok_ = text.size() <= kMaxText && parse();
}

std::string_view JsonView::source() const {
  const Node& n = node();
  return n.type == Type::Array || n.type == Type::Object ? doc_->text_.substr(n.offset, n.length) : std::string_view{};
}

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6)), out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12)), out += char(0x80 | ((cp >> 6) & 0x3F)), out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18)), out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F)), out += char(0x80 | (cp & 0x3F));
  }
}
// The length of the well-formed UTF-8 sequence (RFC 3629) at s[i], a byte of
// 0x80 or more, or 0 if it is not one.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) -> unsigned { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  const unsigned b0 = at(0);
  if (in(b0, 0xC2, 0xDF)) return in(at(1), 0x80, 0xBF) ? 2 : 0;
  if (in(b0, 0xE0, 0xEF)) {
    const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    return in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (in(b0, 0xF0, 0xF4)) {
    const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}
// The bytes a string holds as they are: ASCII but for controls, '"' and '\\'.
constexpr auto kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();
}  // namespace

// At the opening quote; adds the string's node.
bool JsonDocument::parse_string() {
  const std::size_t start = ++at_;
  bool escaped = false;
  std::size_t unescaped_start = unescaped_.size();
  while (true) {
    if (!escaped) {  // most of every text: passed over in a loop of its own
      const char *p = text_.data() + at_, *end = text_.data() + text_.size();
      while (p != end && kPlain[static_cast<unsigned char>(*p)]) ++p;
      at_ = std::size_t(p - text_.data());
    }
    if (at_ >= text_.size()) return false;
    const unsigned char c = text_[at_];
    if (c == '"') break;
    if (c < 0x20) return false;
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence(text_, at_);
      if (n == 0) return false;
      if (escaped) unescaped_.append(text_.substr(at_, n));
      at_ += n;
      continue;
    }
    if (c != '\\') {
      if (escaped) unescaped_ += char(c);
      ++at_;
      continue;
    }
    if (!escaped) escaped = true, unescaped_.append(text_.substr(start, at_ - start));
    if (++at_ >= text_.size()) return false;
    auto four_hex = [&](std::uint32_t& cp) {
      if (at_ + 4 >= text_.size()) return false;
      cp = 0;
      for (int k = 1; k <= 4; ++k) {
        const int d = hex_digit(text_[at_ + k]);
        if (d < 0) return false;
        cp = cp * 16 + std::uint32_t(d);
      }
      at_ += 5;
      return true;
    };
    switch (text_[at_]) {
      case '"': unescaped_ += '"', ++at_; break;
      case '\\': unescaped_ += '\\', ++at_; break;
      case '/': unescaped_ += '/', ++at_; break;
      case 'b': unescaped_ += '\b', ++at_; break;
      case 'f': unescaped_ += '\f', ++at_; break;
      case 'n': unescaped_ += '\n', ++at_; break;
      case 'r': unescaped_ += '\r', ++at_; break;
      case 't': unescaped_ += '\t', ++at_; break;
      case 'u': {
        std::uint32_t cp;
        if (!four_hex(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          std::uint32_t low;
          if (at_ + 1 >= text_.size() || text_[at_] != '\\' || text_[at_ + 1] != 'u') return false;
          ++at_;
          if (!four_hex(low) || low < 0xDC00 || low > 0xDFFF) return false;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(unescaped_, cp);
        break;
      }
      default: return false;
    }
  }
  JsonView::Node n;
  n.type = Type::String;
  n.end = std::uint32_t(nodes_.size() + 1);
  if (escaped) {
    n.offset = std::uint32_t(unescaped_start);
    n.length = std::uint32_t(unescaped_.size() - unescaped_start) | JsonView::kEscaped;
  } else {
    n.offset = std::uint32_t(start);
    n.length = std::uint32_t(at_ - start);
  }
  ++at_;  // the closing quote
  nodes_.push_back(n);
  return true;
}

// As nlohmann reads numbers: a whole number is signed if negative, unsigned
// if not, and a float when it has a fraction or exponent or does not fit.
bool JsonDocument::parse_number() {
  const std::size_t start = at_;
  const bool negative = text_[at_] == '-';
  if (negative) ++at_;
  if (at_ >= text_.size() || !is_digit(text_[at_])) return false;
  bool fits = true;
  std::uint64_t magnitude = 0;
  if (text_[at_] == '0') {
    ++at_;
  } else {
    while (at_ < text_.size() && is_digit(text_[at_])) {
      const unsigned d = unsigned(text_[at_++] - '0');
      if (magnitude > (~std::uint64_t(0) - d) / 10) fits = false;
      magnitude = magnitude * 10 + d;
    }
  }
  bool whole = true;
  if (at_ < text_.size() && text_[at_] == '.') {
    whole = false;
    if (++at_ >= text_.size() || !is_digit(text_[at_])) return false;
    while (at_ < text_.size() && is_digit(text_[at_])) ++at_;
  }
  if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
    whole = false;
    if (++at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
    if (at_ >= text_.size() || !is_digit(text_[at_])) return false;
    while (at_ < text_.size() && is_digit(text_[at_])) ++at_;
  }
  JsonView::Node n;
  n.end = std::uint32_t(nodes_.size() + 1);
  constexpr std::uint64_t kMostNegative = std::uint64_t(1) << 63;
  if (whole && fits && !negative) {
    n.type = Type::Unsigned, n.unsigned_ = magnitude;
  } else if (whole && fits && magnitude <= kMostNegative) {
    n.type = Type::Integer, n.integer = magnitude == kMostNegative ? std::int64_t(-0x7FFFFFFFFFFFFFFF - 1) : -std::int64_t(magnitude);
  } else {
    const std::string token(text_.substr(start, at_ - start));
    n.type = Type::Float, n.floating = std::strtod(token.c_str(), nullptr);
    if (!std::isfinite(n.floating)) return false;  // nlohmann refuses it ("number overflow")
  }
  nodes_.push_back(n);
  return true;
}

// Iterative, so that no nesting depth can exhaust the stack.
bool JsonDocument::parse() {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;
  auto skip_space = [&] { while (at_ < text_.size() && is_space(text_[at_])) ++at_; };
  auto literal = [&](std::string_view word, Type type) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    JsonView::Node n;
    n.type = type;
    n.end = std::uint32_t(nodes_.size() + 1);
    nodes_.push_back(n);
    return true;
  };
  std::vector<std::uint32_t> open;  // the containers being read, innermost last
  // After '{' or ',' in an object: the key and its colon.
  auto key = [&] {
    skip_space();
    if (at_ >= text_.size() || text_[at_] != '"' || !parse_string()) return false;
    JsonView::Node& object = nodes_[open.back()];
    nodes_.back().key_before = object.key_before;
    object.key_before = std::uint32_t(nodes_.size() - 1);
    skip_space();
    if (at_ >= text_.size() || text_[at_] != ':') return false;
    ++at_;
    return true;
  };
  auto close = [&] {
    JsonView::Node& n = nodes_[open.back()];
    n.end = std::uint32_t(nodes_.size());
    n.length = std::uint32_t(at_ - n.offset);
    open.pop_back();
  };
  // Streamed: whether the value being read is an element of the root's list.
  auto in_list = [&] {
    return stream_ && open.size() == 2 && nodes_[0].type == Type::Object && nodes_[open[1]].type == Type::Array &&
           JsonView{this, open[1] - 1}.text() == stream_->list;
  };
  std::size_t element_unescaped = 0;  // where the list element being read began in unescaped_
  // Streamed: a value just read, handed over if it is a member of the root or an element of its list.
  auto finished = [&](std::uint32_t index) {
    if (!stream_) return;
    if (open.size() == 1 && nodes_[0].type == Type::Object) {
      stream_->member(JsonView{this, index - 1}.text(), JsonView{this, index});
    } else if (in_list() && stream_->element(JsonView{this, index})) {
      nodes_.resize(index);
      unescaped_.resize(element_unescaped);
    }
  };
  while (true) {
    // A value.
    skip_space();
    if (at_ >= text_.size()) return false;
    if (in_list()) element_unescaped = unescaped_.size();
    const char c = text_[at_];
    if (c == '{' || c == '[') {
      JsonView::Node n;
      n.type = c == '{' ? Type::Object : Type::Array;
      n.offset = std::uint32_t(at_);
      n.key_before = JsonView::kNone;
      open.push_back(std::uint32_t(nodes_.size()));
      nodes_.push_back(n);
      ++at_;
      skip_space();
      if (at_ < text_.size() && text_[at_] == (c == '{' ? '}' : ']')) {
        const std::uint32_t index = open.back();
        ++at_;
        close();
        finished(index);
      } else {
        if (c == '{' && !key()) return false;
        continue;
      }
    } else {
      if (c == '"') {
        if (!parse_string()) return false;
      } else if (c == '-' || is_digit(c)) {
        if (!parse_number()) return false;
      } else if (!literal("true", Type::True) && !literal("false", Type::False) && !literal("null", Type::Null)) {
        return false;
      }
      finished(std::uint32_t(nodes_.size() - 1));
    }
    // After a value: a comma and the next, or the close of containers.
    while (true) {
      skip_space();
      // nlohmann reads a NUL byte as the end of its input
      if (open.empty()) return at_ == text_.size() || text_[at_] == '\0';
      if (at_ >= text_.size()) return false;
      const bool object = nodes_[open.back()].type == Type::Object;
      const char d = text_[at_++];
      if (d == ',') {
        if (object && !key()) return false;
        break;
      }
      if (d != (object ? '}' : ']')) return false;
      const std::uint32_t index = open.back();
      close();
      finished(index);
    }
  }
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t plain = i;  // a run copied as it is
    while (plain < s.size() && kPlain[static_cast<unsigned char>(s[plain])]) ++plain;
    out.append(s.data() + i, plain - i);
    if ((i = plain) == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence(s, i);
      out.append(n ? s.substr(i, n) : std::string_view("\xEF\xBF\xBD"));
      i += n ? n : 1;
      continue;
    }
    out += '\\';
    switch (c) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '\b': out += 'b'; break;
      case '\t': out += 't'; break;
      case '\n': out += 'n'; break;
      case '\f': out += 'f'; break;
      case '\r': out += 'r'; break;
      default: out += "u00", out += "0123456789abcdef"[c >> 4], out += "0123456789abcdef"[c & 15];
    }
    ++i;
  }
  out += '"';
}

}  // namespace bw
