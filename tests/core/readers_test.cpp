// Every reader of stored data and backups (W4, W5): damaged, hostile or
// inconsistent data is refused with a sentence that names the record, and
// changes nothing; what is accepted can always be opened and worked in.
#include "helpers.hpp"
#include "integrity.hpp"
#include "storage.hpp"

using namespace bw;
using namespace bw::test;

namespace {
const LocalSeconds kNow = at("2026-11-20T10:00");

json demo_backup() {
  return json::parse(encode_backup(create_demo_workspace("demo", kNow).workspace, kNow));
}

json& first_of(json& backup, const std::string& kind) {
  for (json& r : backup["records"])
    if (r["kind"] == kind) return r;
  FAIL("no record of kind " << kind);
  throw;
}

std::size_t count_of(const json& backup, const std::string& kind) {
  std::size_t n = 0;
  for (const json& r : backup["records"]) n += r["kind"] == kind;
  return n;
}

Error refused(const json& backup) {
  auto r = decode_backup(backup.dump());
  REQUIRE(std::holds_alternative<Error>(r));
  return std::get<Error>(r);
}

bool mentions(const Error& e, const std::string& part) { return e.message.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("W5: a backup holding one id twice is refused, naming the id (no record lost on reopening)") {
  for (const char* kind : {"employer", "service", "issue", "organisation"}) {
    json b = demo_backup();
    json copy = first_of(b, kind);
    copy["revision"]["number"] = 7;
    b["records"].push_back(copy);
    const Error e = refused(b);
    CHECK(e.code == "corrupt");
    CHECK_MESSAGE(mentions(e, copy["id"].get<std::string>()), e.message);
    CHECK_MESSAGE(mentions(e, "is also the id of another " + std::string(kind) + " record"), e.message);
    CHECK(mentions(e, "Nothing was changed."));
  }
  // The same id on records of two kinds.
  json b = demo_backup();
  json s = first_of(b, "service");
  s["id"] = first_of(b, "employer")["id"];
  b["records"].push_back(s);
  const Error e = refused(b);  // outside the CHECK: a REQUIRE failing inside one stops doctest
  CHECK_MESSAGE(mentions(e, "its id is also the id of an employer record"), e.message);
}

TEST_CASE("W5: stored buckets holding one id twice are refused once all are read, naming the id; ids read once open") {
  const Workspace demo = create_demo_workspace("demo", kNow).workspace;
  const std::string meta = encode_meta(demo);
  const json records = json::parse(encode_backup(demo, kNow))["records"];
  // Every record once, in two buckets; then with one record also in the other bucket, twice or three times.
  auto opened = [&](const std::vector<json>& extra) {
    json a = json::array(), b = json::array();
    for (std::size_t i = 0; i < records.size(); ++i) (i % 2 ? a : b).push_back(records[i]);
    for (const json& r : extra) a.push_back(r);
    Workspace ws = std::get<Workspace>(decode_meta(meta));
    REQUIRE_FALSE(decode_bucket(ws, a.dump()));  // each bucket reads: the repeat is found at the end
    REQUIRE_FALSE(decode_bucket(ws, b.dump()));
    const auto e = check_integrity(ws);
    CHECK(ws.ids_read.empty());  // its memory went back
    return e;
  };
  CHECK_FALSE(opened({}));
  std::map<std::string, int> tried;  // the first three of a few kinds
  for (const json& r : records) {
    if (r["kind"] != "client" && r["kind"] != "audit" && r["kind"] != "hire" || ++tried[r["kind"]] > 3) continue;
    const std::string kind = r["kind"], id = r["id"];
    for (const auto& extra : {std::vector<json>{r}, std::vector<json>{r, r}}) {
      const auto e = opened(extra);
      REQUIRE(e);
      CHECK(e->code == "corrupt");
      CHECK(e->message == "The " + kind + " record " + id + " is damaged: its id is also the id of another " + kind + " record.");
    }
  }
}

TEST_CASE("W5: a restored backup's id sequence moves past every id it holds; a new record never takes one") {
  json b = demo_backup();
  b["meta"]["next_sequence"] = 1;
  auto back = decode_backup(b.dump());
  REQUIRE(std::holds_alternative<Workspace>(back));
  Workspace ws = std::get<Workspace>(std::move(back));
  std::set<RecordId> held;
  ws.for_each_id([&](const RecordId& id) { held.insert(id); });
  for (int i = 0; i < 50; ++i) CHECK(held.insert(ws.new_id()).second);
  // And through a command: the new client keeps its own id after a save and a reload.
  WorkspaceStore store(std::move(ws), false);
  const RecordId admin = std::find_if(store.workspace().staff.begin(), store.workspace().staff.end(), [](auto& kv) {
                           return kv.second.role == Role::Administrator;
                         })->first;
  const auto clients = store.workspace().clients.size();
  const auto orgs = store.workspace().organisations.size();
  Outcome o = store.dispatch(AddOrganisation{"New Provider", OrganisationKind::OneStopProvider}, Context{admin, kNow});
  REQUIRE(o.ok);
  CHECK(store.workspace().organisations.size() == orgs + 1);
  CHECK(store.workspace().clients.size() == clients);
}

TEST_CASE("W4: a backup whose records name missing records is refused, naming the record and the reference") {
  struct Case { const char* kind; const char* field; const char* words; };
  for (const Case& c : {Case{"staff", "organisation", "names the organisation"},
                        Case{"service", "establishment", "names the establishment"},
                        Case{"service", "employer", "names the employer"},
                        Case{"establishment", "employer", "names the employer"},
                        Case{"match", "client", "names the client"},
                        Case{"match", "job", "names the job"},
                        Case{"hire", "match", "names the match"},
                        Case{"client", "provider", "names the provider"},
                        Case{"job", "establishment", "names the establishment"},
                        Case{"comment", "record", "names the record"}}) {
    CAPTURE(c.kind);
    CAPTURE(c.field);
    json b = demo_backup();
    json& r = first_of(b, c.kind);
    r[c.field] = "nowhere-0000000001";
    const Error e = refused(b);
    CHECK(e.code == "broken_reference");
    CHECK_MESSAGE(mentions(e, "The " + std::string(c.kind) + " record " + r["id"].get<std::string>()), e.message);
    CHECK_MESSAGE(mentions(e, std::string(c.words) + " nowhere-0000000001, which is not in this workspace."), e.message);
  }
  // A service whose establishment belongs to another employer.
  json b = demo_backup();
  json& s = first_of(b, "service");
  for (const json& e : b["records"])
    if (e["kind"] == "employer" && e["id"] != s["employer"]) { s["employer"] = e["id"]; break; }
  const Error e = refused(b);
  CHECK(mentions(e, "but its establishment"));
}

TEST_CASE("W4: malformed backups are refused with sentences, never a parser's words") {
  json b = demo_backup();
  std::vector<std::pair<json, std::string>> cases;
  auto with = [&](auto change, std::string words) {
    json x = b;
    change(x);
    cases.emplace_back(x, words);
  };
  with([](json& x) { x.erase("version"); }, "has no layout version");
  with([](json& x) { x["version"] = "1"; }, "has no layout version");
  with([](json& x) { x["version"] = 2; }, "made by a newer version");
  with([](json& x) { x["meta"] = nullptr; }, "\"meta\") are missing or are not a JSON object");
  with([](json& x) { x["records"] = json::object(); }, "\"records\") is missing");
  with([](json& x) { x["meta"]["state_establishments"] = 1.2e22; }, "\"state_establishments\" is not a whole number in range");
  with([](json& x) { x["meta"]["next_sequence"] = -3; }, "\"next_sequence\" is not a whole number in range");
  with([](json& x) { x["meta"]["name"] = 12; }, "\"name\" is not text");
  with([](json& x) { x["records"][0]["revision"] = 5; }, "is damaged: it is not a JSON object");
  with([](json& x) { first_of(x, "client")["enrolled_on"] = "0000-01-01"; }, "\"enrolled_on\" is not a date from 1900 to 2100");
  with([](json& x) { first_of(x, "service")["date"] = "2026-02-30"; }, "\"date\" is not a date from 1900 to 2100");
  with([](json& x) { first_of(x, "job")["openings"] = 1e300; }, "\"openings\" is not a whole number in range");
  with([](json& x) { first_of(x, "client")["programs"] = json::array({"astronaut"}); }, "is not a name this version knows");
  with([](json& x) { first_of(x, "staff")["role"] = "wizard"; }, "\"role\" is \"wizard\", which this version does not know");
  with([](json& x) { x["records"][3]["id"] = ""; }, "its id is empty");
  for (const auto& c : cases) {
    const json& backup = c.first;
    const std::string& words = c.second;
    CAPTURE(words);
    const Error e = refused(backup);
    CHECK_MESSAGE(mentions(e, words), e.message);
    CHECK_MESSAGE(!mentions(e, "json.exception"), e.message);
    CHECK(mentions(e, "This backup cannot be restored: "));
  }
  // A record's fault names the record.
  json x = b;
  first_of(x, "client").erase("last_name");
  const Error e = refused(x);
  CHECK_MESSAGE(mentions(e, "The client record " + first_of(x, "client")["id"].get<std::string>() +
                                " is damaged: \"last_name\" is missing."), e.message);
}

TEST_CASE("W4: a backup is read in any order of its parts, and names the first damaged record") {
  const json b = demo_backup();
  // Records before the settings, as a hand-edited file may have them.
  const std::string reordered = "{\"records\":" + b["records"].dump() + ",\"version\":1,\"meta\":" + b["meta"].dump() +
                                ",\"format\":\"bridgework-backup\"}";
  auto r = decode_backup(reordered);
  REQUIRE_MESSAGE(std::holds_alternative<Workspace>(r), std::get<Error>(r).message);
  std::size_t read = 0;
  std::get<Workspace>(r).for_each_id([&](const RecordId&) { ++read; });
  CHECK(read == b["records"].size());

  // Of two damaged records, the first in the file is named, whatever its kind of damage.
  json x = b;
  first_of(x, "client").erase("last_name");  // records are written organisations and staff first
  REQUIRE(x["records"][2]["kind"] != "client");
  x["records"][2] = 5;
  CHECK_MESSAGE(mentions(refused(x), "A record is damaged: it is not a JSON object."), refused(x).message);
  x["records"][2] = json::array({1});
  CHECK_MESSAGE(mentions(refused(x), "A record is damaged: it is not a JSON object."), refused(x).message);
}

TEST_CASE("W4: a text longer than a stored value may hold is refused, a long one within the limit is kept") {
  json b = demo_backup();
  first_of(b, "employer")["legal_name"] = std::string(10'000'000, 'x');  // a 10 MB employer name
  const Error e = refused(b);
  CHECK_MESSAGE(mentions(e, "\"legal_name\" is 10000000 characters long, more than the 200000 a stored text may hold"), e.message);
  json ok = demo_backup();
  first_of(ok, "employer")["legal_name"] = std::string(kMaxStoredChars, 'x');
  CHECK(std::holds_alternative<Workspace>(decode_backup(ok.dump())));
  // Characters, not bytes: 200,000 two-byte letters are still within the limit.
  std::string accents;
  for (std::size_t i = 0; i < kMaxStoredChars; ++i) accents += "\xC3\xB1";  // ñ
  first_of(ok, "employer")["legal_name"] = accents;
  CHECK(std::holds_alternative<Workspace>(decode_backup(ok.dump())));
}

TEST_CASE("W4: a command's text is limited per field, with a message saying how much fits") {
  json comment = {{"type", "add_comment"}, {"record", "x"}, {"text", std::string(2'000'000, 'a')}};
  auto r = command_from_json(comment);
  REQUIRE(std::holds_alternative<Error>(r));
  CHECK(std::get<Error>(r).code == "too_long");
  CHECK(std::get<Error>(r).message ==
        "text is 2000000 characters long; it can hold at most 20000. Shorten it, or keep the full text in a document "
        "and note where it is.");
  comment["text"] = std::string(kMaxTextChars, 'a');
  CHECK(std::holds_alternative<Command>(command_from_json(comment)));
  // Ids, dates and names of kinds are short.
  json contact = {{"type", "record_contact"}, {"client", std::string(kMaxShortChars + 1, 'c')},
                  {"contact_type", "in_person"}, {"with", "participant"}, {"results", "ok"}};
  CHECK(std::get<Error>(command_from_json(contact)).code == "too_long");
  contact["client"] = "c";
  contact["documents"] = json::array();
  for (std::size_t i = 0; i <= kMaxListItems; ++i) contact["documents"].push_back("grades");
  CHECK(std::get<Error>(command_from_json(contact)).message == "documents has 201 entries; it can hold at most 200.");
  // Whole numbers a record can hold.
  json post = {{"type", "post_job"}, {"establishment", "e"}, {"title", "Welder"}, {"openings", 9007199254740993LL}};
  CHECK(std::get<Error>(command_from_json(post)).code == "invalid_field");
}

TEST_CASE("W4: stored buckets are refused with the record named; meta with a broken number too") {
  Workspace ws;
  CHECK(decode_bucket(ws, R"([{"kind":"comment","id":"a-1","record":"r","by":"b","at":"2026-01-01T00:00:00","text":5,"tags":[],"links":[]}])")
            ->message == "The comment record a-1 is damaged: \"text\" is not text.");
  WorkspaceMeta m;
  m.name = "X";
  m.id_origin = "o";
  json j = to_json(m);
  j["clock_offset"] = 1.2e22;
  CHECK(std::get<Error>(decode_meta(j.dump())).message ==
        "The workspace settings are damaged: \"clock_offset\" is not a whole number in range.");
}
