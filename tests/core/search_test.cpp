// Searching folds case and accents (the page-shell issue's "nunez" finds
// "Núñez"): every character of Latin-1 and Latin Extended-A folds to its
// base letters, capitals and small letters alike; other text is kept. A long
// list is searched a key at a time, and sorted by keys made once a row.
#include <algorithm>
#include <numeric>
#include <random>

#include "helpers.hpp"
#include "queries.hpp"

using namespace bw;
using namespace bw::test;

namespace {
std::string utf8(unsigned c) {
  std::string s;
  if (c < 0x80) s += char(c);
  else if (c < 0x800) s += char(0xC0 | c >> 6), s += char(0x80 | (c & 0x3F));
  else s += char(0xE0 | c >> 12), s += char(0x80 | (c >> 6 & 0x3F)), s += char(0x80 | (c & 0x3F));
  return s;
}
bool ascii_letters(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}
}  // namespace

TEST_CASE("search: every Latin-1 and Latin Extended-A letter folds to lower-case base letters") {
  int letters = 0;
  for (unsigned c = 0xC0; c < 0x180; ++c) {
    CAPTURE(c);
    if (c == 0xD7 || c == 0xF7) {  // × and ÷ are not letters: kept
      CHECK(folded(utf8(c)) == utf8(c));
      continue;
    }
    CHECK(ascii_letters(folded(utf8(c))));
    ++letters;
  }
  CHECK(letters == 190);
  // Capital and small letters fold alike: Latin-1 (32 apart), then Extended-A's pairs.
  for (unsigned c = 0xC0; c <= 0xDE; ++c)
    if (c != 0xD7) CHECK_MESSAGE(folded(utf8(c)) == folded(utf8(c + 0x20)), c);
  auto pairs = [](unsigned from, unsigned to) {
    for (unsigned c = from; c < to; c += 2) CHECK_MESSAGE(folded(utf8(c)) == folded(utf8(c + 1)), c);
  };
  pairs(0x100, 0x138), pairs(0x139, 0x149), pairs(0x14A, 0x178), pairs(0x179, 0x17F);
  CHECK(folded("\u0178") == folded("\u00FF"));  // Ÿ ÿ
}

TEST_CASE("search: names as people write them fold to what people type") {
  CHECK(folded("Núñez-O\u2019Brien") == "nunez-o'brien");
  CHECK(folded("ŁÓDŹ") == "lodz");
  CHECK(folded("Ærøskøbing") == "aeroskobing");
  CHECK(folded("Straße") == "strasse");
  CHECK(folded("Jean\u2013Luc \u2014 \u2018Jo\u2019") == "jean-luc - 'jo'");
  CHECK(folded("ASCII stays: A-Z 0-9 @#") == "ascii stays: a-z 0-9 @#");
  // Other scripts and emoji are kept as they are; broken UTF-8 is kept, never read past its end.
  CHECK(folded("Дмитрий 😀") == "Дмитрий 😀");
  CHECK(folded(std::string("ab\xC3", 3)) == std::string("ab\xC3", 3));
  CHECK(folded(std::string("\xE2\x80", 2)) == std::string("\xE2\x80", 2));
  // Every ASCII character: capitals to small letters, the rest kept, after what the texts already hold.
  std::string texts = "Kept";
  for (int c = 0; c < 0x80; ++c) {
    CAPTURE(c);
    append_folded(texts, std::string(1, char(c)));
    CHECK(texts.size() == 5u + unsigned(c));
    CHECK(texts.back() == char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  CHECK(texts.substr(0, 4) == "Kept");
}

TEST_CASE("search: the clients query finds Núñez-O’Brien by \"nunez\" and \"o'brien\"") {
  Area a;
  EnrolClient c = a.adult();
  c.first_name = "José";
  c.last_name = "Núñez-O\u2019Brien";
  a.ok(c, a.ers);
  for (const char* typed : {"nunez", "NÚÑEZ", "o'brien", "jose nunez"}) {
    CAPTURE(typed);
    const json r = query(a.ws, "clients", {{"search", typed}}, a.ers, a.now);
    REQUIRE(r["ok"] == true);
    CHECK(r["result"].size() == 1);
  }
}

TEST_CASE("search: a search typed, deleted and pasted a character at a time finds what a search of every row finds") {
  // Texts and needles from a few letters (accented and not), so that most needles find some rows and many find none.
  std::mt19937 random(7);
  const std::vector<std::string> letters{"a", "b", "Á", "á", "n", "ñ", " ", "-", "\u2019", "'"};
  auto some = [&](std::size_t most) {
    std::string s;
    for (std::size_t n = random() % (most + 1); n > 0; --n) s += letters[random() % letters.size()];
    return s;
  };
  for (int list = 0; list < 20; ++list) {
    std::vector<std::string> texts(random() % 300);
    for (auto& t : texts) t = some(12);
    SearchIndex index;
    index.reset(texts.size());
    std::size_t read = 0;  // texts asked for: each once per list
    auto text = [&](std::size_t i) { return ++read, texts[i]; };
    std::string needle;
    std::size_t found_some = 0, found_none = 0;
    for (int step = 0; step < 300; ++step) {
      switch (random() % 6) {
        case 0: case 1: case 2: needle += letters[random() % letters.size()]; break;  // typed
        case 3: if (!needle.empty()) needle.pop_back(); break;  // Backspace, which may split a character
        case 4: needle = some(4); break;  // pasted over
        default: needle.clear();
      }
      std::vector<std::uint32_t> expected;
      for (std::uint32_t i = 0; i < texts.size(); ++i)
        if (folded(texts[i]).find(folded(needle)) != std::string::npos) expected.push_back(i);
      CAPTURE(list);
      CAPTURE(step);
      CAPTURE(needle);
      REQUIRE(*index.find(needle, text) == expected);
      (expected.empty() ? found_none : found_some) += 1;
    }
    CHECK(read <= texts.size());
    if (texts.size() > 50) {
      CHECK(found_some > 20);
      CHECK(found_none > 5);
    }
  }
  // A changed list is read again.
  SearchIndex index;
  std::vector<std::string> texts{"Núñez", "Nunes"};
  index.reset(texts.size());
  CHECK(*index.find("nun", [&](std::size_t i) { return texts[i]; }) == std::vector<std::uint32_t>{0, 1});
  texts = {"Brown", "Núñez", "Smith"};
  index.reset(texts.size());
  CHECK(*index.find("nun", [&](std::size_t i) { return texts[i]; }) == std::vector<std::uint32_t>{1});
  CHECK(*index.find("", [&](std::size_t i) { return texts[i]; }) == std::vector<std::uint32_t>{0, 1, 2});
  // Backspace answers with what was found before, not by searching again.
  const auto* nu = index.find("nu", [&](std::size_t i) { return texts[i]; })->data();
  CHECK(*index.find("nun", [&](std::size_t i) { return texts[i]; }) == std::vector<std::uint32_t>{1});
  CHECK(*index.find("nune", [&](std::size_t i) { return texts[i]; }) == std::vector<std::uint32_t>{1});
  CHECK(index.find("nu", [&](std::size_t i) { return texts[i]; })->data() == nu);
}

TEST_CASE("search: with a budget, a long list's texts are made over several calls, each once, and then it answers") {
  std::vector<std::string> texts;
  for (int i = 0; i < 5000; ++i) texts.push_back((i % 7 ? "Client " : "Núñez ") + std::to_string(i));
  SearchIndex index;
  index.reset(texts.size());
  std::size_t read = 0;
  auto text = [&](std::size_t i) { return ++read, texts[i]; };
  CHECK(index.find("", text, 1e-9) != nullptr);  // an empty needle reads no text
  CHECK(read == 0);
  int calls = 1;
  const std::vector<std::uint32_t>* found = nullptr;
  double made = 0;
  for (; !(found = index.find("nunez", text, 1e-9)); ++calls) {
    CHECK(index.made() > made);  // each call makes more
    made = index.made();
  }
  CHECK(calls >= 5);  // 256 texts or so a call
  CHECK(read == texts.size());
  CHECK(index.made() == 1.0);
  CHECK(found->size() == 715);  // every seventh of 5,000
  std::vector<std::uint32_t> sevens;  // 7, 70, 77, 700, 707 ...: a narrower needle, from the texts kept
  for (std::uint32_t i = 0; i < texts.size(); ++i)
    if (i % 7 == 0 && std::to_string(i).front() == '7') sevens.push_back(i);
  CHECK(sevens.size() > 10);
  CHECK(*index.find("nunez 7", text, 1e-9) == sevens);
  CHECK(read == texts.size());
}

TEST_CASE("lists: dates appended to sort keys sort as the dates do, every day of 1890-2110") {
  std::vector<std::chrono::sys_days> days;
  for (auto d = std::chrono::sys_days(std::chrono::year{1890} / 1 / 1); d < std::chrono::sys_days(std::chrono::year{2111} / 1 / 1);
       d += std::chrono::days{1})
    days.push_back(d);
  std::shuffle(days.begin(), days.end(), std::mt19937(5));
  SortKeys keys;
  for (auto d : days) {
    keys.append(std::chrono::year_month_day(d));
    keys.end_row();
  }
  const auto order = sorted_order(keys, true);
  REQUIRE(order.size() == days.size());
  for (std::size_t i = 1; i < order.size(); ++i) REQUIRE(days[order[i - 1]] + std::chrono::days{1} == days[order[i]]);
}

TEST_CASE("lists: sorted_order sorts as stable_sort does, both ways, equal keys as they came") {
  std::mt19937 random(11);
  // Keys shorter and longer than the 8 bytes compared as a number, sharing
  // long beginnings ("Benchmark, Client1..."), with bytes past ASCII (UTF-8)
  // and zero bytes (a date's key may hold them).
  const std::vector<std::string> parts = {"",    "a", "B",  "Benchmark", "Benchmark, ", "Núñez", "Ñ", "\x7f",
                                          "zz",  " ", std::string(1, '\0')};
  for (int list = 0; list < 300; ++list) {
    // Few distinct keys (many ties), or many; in random order, ascending or descending.
    std::vector<std::string> keys(random() % 400);
    const unsigned distinct = list % 2 ? 5 : 1000;
    for (auto& k : keys) {
      k = list % 4 < 2 ? "k" + std::to_string(random() % distinct) : "";
      if (list % 4 >= 2)
        for (unsigned n = random() % 4; n > 0; --n) k += parts[random() % (list % 2 ? 3 : parts.size())];
    }
    // Every key of some lists begins alike, as the benchmark's names do.
    if (list % 5 == 0)
      for (auto& k : keys) k = "Benchmark, Client " + k;
    if (list % 3 == 1) std::sort(keys.begin(), keys.end());
    if (list % 3 == 2) std::sort(keys.rbegin(), keys.rend());
    SortKeys made;
    for (const auto& k : keys) {
      made.text() += k;
      made.end_row();
    }
    REQUIRE(made.size() == keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) REQUIRE(made[i] == keys[i]);
    for (bool ascending : {true, false}) {
      std::vector<std::uint32_t> expected(keys.size());
      std::iota(expected.begin(), expected.end(), 0u);
      std::stable_sort(expected.begin(), expected.end(),
                       [&](auto a, auto b) { return ascending ? keys[a] < keys[b] : keys[b] < keys[a]; });
      CAPTURE(list);
      CAPTURE(ascending);
      REQUIRE(sorted_order(made, ascending) == expected);
    }
  }
}

TEST_CASE("lists: sort_list sorts as stable_sort does, equal rows as they came, at every length up to 300 and at 20,000") {
  std::mt19937 random(12);
  std::vector<std::size_t> lengths(301);
  std::iota(lengths.begin(), lengths.end(), std::size_t{0});
  lengths.push_back(20000);
  for (std::size_t length : lengths) {
    for (int shape = 0; shape < 4; ++shape) {
      // A row is (key, where it came): few distinct keys (many ties) or many;
      // in random order, ascending, or descending.
      std::vector<std::pair<unsigned, std::size_t>> rows(length);
      const unsigned distinct = shape % 2 ? 4 : 100000;
      for (std::size_t i = 0; i < length; ++i) rows[i] = {unsigned(random() % distinct), i};
      if (shape == 2) std::sort(rows.begin(), rows.end());
      if (shape == 3) std::sort(rows.rbegin(), rows.rend());
      auto by_key = [](const auto& a, const auto& b) { return a.first < b.first; };
      auto expected = rows;
      std::stable_sort(expected.begin(), expected.end(), by_key);
      sort_list(rows, by_key);
      CAPTURE(length);
      CAPTURE(shape);
      REQUIRE(rows == expected);
    }
  }
}
