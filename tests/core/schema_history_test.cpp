// W4, W6: a workspace saved by every schema version released opens in this
// one and reads as it was saved. The fixtures are the demo as each version
// stored it in IndexedDB (tests/core/schema_history/make.sh made them).
#ifdef BRIDGEWORK_SOURCE_DIR  // the native run reads the fixtures from the source tree
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "helpers.hpp"
#include "integrity.hpp"
#include "model.hpp"
#include "pin.hpp"
#include "sign_in.hpp"
#include "storage.hpp"

using namespace bw;

namespace {
json fixture(int schema) {
  std::ifstream in(std::string(BRIDGEWORK_SOURCE_DIR) + "/tests/core/schema_history/schema-" + std::to_string(schema) + ".json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

// The records of a fixture, as that version wrote them.
std::map<std::string, json> stored_records(const json& f) {
  std::map<std::string, json> out;
  for (auto& [bucket, value] : f["buckets"].items())
    for (const json& r : json::parse(value.get<std::string>())) out[r["id"]] = r;
  return out;
}

Workspace open(const json& f) {
  auto made = decode_meta(f["meta"].get<std::string>());
  REQUIRE_MESSAGE(std::holds_alternative<Workspace>(made), std::get<Error>(made).message);
  Workspace ws = std::get<Workspace>(std::move(made));
  for (auto& [bucket, value] : f["buckets"].items()) {
    auto e = decode_bucket(ws, value.get<std::string>());
    REQUIRE_MESSAGE(!e, e->message);
  }
  auto e = check_integrity(ws);
  REQUIRE_MESSAGE(!e, e->message);
  return ws;
}
}  // namespace

TEST_CASE("W4: the demo saved by each schema version 1-6 opens in this version with every record as it was, and is written again as schema 6 wrote it") {
  for (int schema = 1; schema < kSchemaVersion; ++schema) {
    CAPTURE(schema);
    const json f = fixture(schema);
    REQUIRE(f["schema"] == schema);
    const Workspace ws = open(f);
    const auto records = stored_records(f);
    CHECK(ws.meta.name == "Cedar Valley Workforce Board");
    CHECK(ws.meta.demo);
    CHECK(ws.meta.schema_version == kSchemaVersion);  // written back as the current schema
    CHECK_FALSE(ws.meta.focus_sectors.empty());       // schema 1 had none: the defaults
    CHECK_FALSE(ws.meta.kiosk);                       // schema 6 settings start off
    CHECK_FALSE(ws.meta.require_pins);

    std::size_t read = 0;
    ws.for_each_id([&](const RecordId&) { ++read; });
    CHECK(read == records.size());  // nothing dropped, nothing invented
    std::map<std::string, int> kinds;
    for (auto& [id, r] : records) {
      const char* kind = ws.kind_of(id);
      REQUIRE_MESSAGE(kind, id);
      CHECK(r["kind"] == kind);
      ++kinds[kind];
    }
    CHECK(kinds["client"] >= 30);
    CHECK(kinds["staff"] > 10);
    CHECK(kinds["case_note"] > 0);
    for (auto& [id, r] : records) {
      const std::string kind = r["kind"];
      if (kind == "client") {
        const Client& c = ws.clients.at(id);
        CHECK(c.first_name == r["first_name"]);
        CHECK(c.last_name == r["last_name"]);
        CHECK(format_iso_date(c.date_of_birth) == r["date_of_birth"]);
        CHECK(c.email == r["email"]);
        CHECK(c.primary_contact == r["primary_contact"]);
      } else if (kind == "staff") {
        const Staff& s = ws.staff.at(id);
        CHECK(s.name == r["name"]);
        CHECK(role_name(s.role) == r["role"]);
        CHECK(s.active == r["active"]);
      } else if (kind == "case_note") {
        CHECK(ws.case_notes.at(id).text == r["text"]);
      } else if (kind == "issue") {
        CHECK(ws.issues.at(id).concern == r["concern"]);
      } else if (kind == "audit") {
        CHECK(ws.audit.at(id).summary == r["summary"]);
      }
    }
    if (schema >= 3) {  // M6: the job seeker's PIN (FNV-1a up to schema 5, PBKDF2 since 6) still signs in
      Workspace copy = ws;
      const Client* seeker = nullptr;
      for (auto& [id, c] : copy.clients)
        if (!c.portal_pin_hash.empty()) seeker = &c;
      REQUIRE(seeker);
      CHECK(pin_hash_is_current(seeker->portal_pin_hash) == (schema >= 6));
      CHECK(sign_in(copy, seeker->id, "1111", test::at("2026-11-21T10:00")).error->code == "wrong_pin");
      CHECK(sign_in(copy, seeker->email, kDemoJobSeekerPin, test::at("2026-11-21T10:01")).signed_in == seeker->id);
      CHECK(pin_hash_is_current(copy.clients.at(seeker->id).portal_pin_hash));
    }

    // Saved again by this version, it reads back the same.
    WorkspaceStore store(ws, false);
    auto batch = store.next_batch();
    json again = {{"meta", batch->meta}, {"buckets", json::object()}};
    for (auto& [bucket, value] : batch->buckets) again["buckets"][std::to_string(bucket)] = value;
    const Workspace reread = open(again);
    std::size_t reread_count = 0;
    reread.for_each_id([&](const RecordId&) { ++reread_count; });
    CHECK(reread_count == read);
    // W1: the records' stored form (also the backup's) is a contract: every
    // kind of record the last schema wrote is written again as it was.
    if (schema == kSchemaVersion - 1) {
      const auto rewritten = stored_records(again);
      std::set<std::string> kinds_compared;
      for (auto& [id, r] : records) {
        CHECK_MESSAGE(rewritten.at(id).dump() == r.dump(), id);
        kinds_compared.insert(r["kind"].get<std::string>());
      }
      CHECK(kinds_compared.size() == 18);
    }
  }
}
#endif
