// storage: the stored form round-trips, saving writes only what changed (W1),
// newer or damaged data is refused untouched.
#include <limits>
#include <random>

#include "generate.hpp"
#include "helpers.hpp"
#include "storage.hpp"

using namespace bw;
using namespace bw::test;

namespace {
// Loads what a sequence of batches wrote, as IndexedDB would hold it.
struct FakeDatabase {
  std::string meta;
  std::map<int, std::string> buckets;
  void write(const SaveBatch& b) {
    if (!b.meta.empty()) meta = b.meta;
    for (auto& [k, v] : b.buckets) buckets[k] = v;
  }
  Workspace load() const {
    auto m = decode_meta(meta);
    REQUIRE(std::holds_alternative<Workspace>(m));
    Workspace ws = std::get<Workspace>(std::move(m));
    for (auto& [k, v] : buckets) REQUIRE_FALSE(decode_bucket(ws, v));
    ws.place_records_read();
    ws.order_indexes();
    return ws;
  }
};

void save_all(WorkspaceStore& store, FakeDatabase& db) {
  while (auto batch = store.next_batch()) {
    db.write(*batch);
    store.batch_committed();
  }
}
}  // namespace

TEST_CASE("W1: a workspace round-trips through its stored form") {
  Area a;
  a.ok(a.adult(), a.ers);
  a.ok(a.youth(), a.aca);
  a.ok(DeactivateStaff{a.bsr, "Moved away"});
  a.ok(SetStaffPin{a.ers, "2468"}, a.ers);
  a.ok(AddClosure{"2026-11-27", "Day after Thanksgiving"});
  a.ok(ExitClient{a.ok(a.adult(), a.ers), "2026-11-20", "Entered employment"}, a.ers);
  WorkspaceStore store(a.ws, false);
  FakeDatabase db;
  save_all(store, db);
  CHECK_FALSE(store.has_unsaved());
  Workspace loaded = db.load();
  CHECK(to_json(loaded.meta) == to_json(a.ws.meta));
  CHECK(loaded.calendar.closures() == a.ws.calendar.closures());
  CHECK_FALSE(loaded.calendar.is_business_day(*parse_iso_date("2026-11-27")));
  REQUIRE(loaded.clients.size() == 3);
  for (auto& [id, c] : a.ws.clients) CHECK(to_json(loaded.clients.at(id)) == to_json(c));
  for (auto& [id, s] : a.ws.staff) CHECK(to_json(loaded.staff.at(id)) == to_json(s));
  for (auto& [id, o] : a.ws.organisations) CHECK(to_json(loaded.organisations.at(id)) == to_json(o));
  for (auto& [id, e] : a.ws.audit) CHECK(to_json(loaded.audit.at(id)) == to_json(e));
  CHECK(loaded.audit_by_record() == a.ws.audit_by_record());
}

TEST_CASE("W1: saving costs in proportion to the change, not to the workspace") {
  Area a;
  for (int i = 0; i < 3000; ++i) a.ok(a.adult(), a.ers);
  WorkspaceStore store(a.ws, true);
  CHECK_FALSE(store.next_batch());  // loaded from storage: nothing to write

  Outcome o = store.dispatch(a.adult(), Context{a.ers, a.now});
  REQUIRE(o.ok);
  CHECK(store.has_unsaved());
  auto batch = store.next_batch();
  REQUIRE(batch);
  // The new client and its audit entry: at most two buckets, plus meta.
  CHECK(batch->buckets.size() <= 2);
  CHECK_FALSE(batch->meta.empty());
  CHECK(batch->up_to_change == store.last_change());

  SUBCASE("one write at a time; changes made meanwhile go in the next") {
    CHECK_FALSE(store.next_batch());
    REQUIRE(store.dispatch(a.adult(), Context{a.ers, a.now}).ok);
    store.batch_committed();
    CHECK(store.saved_change() == store.last_change() - 1);
    auto second = store.next_batch();
    REQUIRE(second);
    store.batch_committed();
    CHECK_FALSE(store.has_unsaved());
  }
  SUBCASE("a failed write is retried with the next batch, nothing lost") {
    const auto failed = batch->buckets;
    store.batch_failed();
    CHECK(store.has_unsaved());
    auto retry = store.next_batch();
    REQUIRE(retry);
    CHECK(retry->buckets.size() == failed.size());
    CHECK_FALSE(retry->meta.empty());
    store.batch_committed();
    CHECK_FALSE(store.has_unsaved());
  }
  SUBCASE("a refused command marks nothing") {
    store.batch_committed();
    const auto before = store.last_change();
    CHECK_FALSE(store.dispatch(AddOrganisation{"", OrganisationKind::YouthProvider}, Context{a.admin, a.now}).ok);
    CHECK(store.last_change() == before);
    CHECK_FALSE(store.next_batch());
  }
}

TEST_CASE("W1: what is saved across many batches loads back identical") {
  Area a;
  WorkspaceStore store(a.ws, false);
  FakeDatabase db;
  save_all(store, db);
  for (int i = 0; i < 200; ++i) {
    EnrolClient c = a.adult();
    c.first_name = "Client" + std::to_string(i);
    REQUIRE(store.dispatch(c, Context{i % 2 ? a.ers : a.ers2, a.now}).ok);
    if (i % 7 == 0) save_all(store, db);
  }
  save_all(store, db);
  Workspace loaded = db.load();
  CHECK(loaded.clients.size() == 200);
  CHECK(loaded.audit.size() == store.workspace().audit.size());
  CHECK(loaded.meta.next_sequence == store.workspace().meta.next_sequence);
}

TEST_CASE("stored data of a newer schema is refused and left untouched") {
  WorkspaceMeta m;
  m.name = "X";
  m.id_origin = "o";
  json j = to_json(m);
  j["schema_version"] = kSchemaVersion + 1;
  auto r = decode_meta(j.dump());
  REQUIRE(std::holds_alternative<Error>(r));
  CHECK(std::get<Error>(r).code == "newer_schema");
  CHECK(std::get<Error>(r).message ==
        "This workspace was saved by a newer version of Bridgework (data schema " + std::to_string(kSchemaVersion + 1) +
            "; this version reads up to " + std::to_string(kSchemaVersion) +
            "). It was left untouched: open it with the newer version.");
}

TEST_CASE("damaged stored data gives a clear message") {
  CHECK(std::get<Error>(decode_meta("{not json")).code == "corrupt");
  CHECK(std::get<Error>(decode_meta(R"({"schema_version":1})")).code == "corrupt");
  Workspace ws;
  CHECK(decode_bucket(ws, "[{\"kind\":\"client\",\"id\":\"x\"}]")->code == "corrupt");
  CHECK(decode_bucket(ws, "[{\"kind\":\"spaceship\",\"id\":\"x\"}]")->message ==
        "The record x is damaged: its kind \"spaceship\" is not one this version knows.");
  CHECK(decode_bucket(ws, "{}")->code == "corrupt");
  CHECK(decode_bucket(ws, "\x01sealed")->code == "sealed");
}

TEST_CASE("W6 seam: every value passes through seal and unseal") {
  CHECK(std::get<std::string_view>(unseal(seal("{\"a\":1}"))) == "{\"a\":1}");
  CHECK(std::get<std::string_view>(unseal(seal("[]"))) == "[]");
}

TEST_CASE("buckets spread ids evenly and never move") {
  for (int count : {kMinBucketCount, 4 * kMinBucketCount}) {
    CAPTURE(count);
    std::vector<int> counts(count);
    Workspace ws;
    ws.meta.id_origin = "a1b2c3d4";
    for (int i = 0; i < 100 * count; ++i) {
      const RecordId id = ws.new_id();
      const int b = bucket_of(id, count);
      ++counts[b];
      // Doubling splits a bucket in two: a record moves up by the old count or stays.
      const int doubled = bucket_of(id, 2 * count);
      CHECK((doubled == b || doubled == b + count));
    }
    const auto [lo, hi] = std::minmax_element(counts.begin(), counts.end());
    CHECK(*lo > 50);
    CHECK(*hi < 150);
  }
  CHECK(bucket_of("a1b2c3d4-0000000001", 1024) == bucket_of(std::string("a1b2c3d4-0000000001"), 1024));
}

TEST_CASE("the bucket count keeps 32 to 64 records a bucket, at every size") {
  CHECK(bucket_count_for(0) == kMinBucketCount);
  CHECK(bucket_count_for(std::size_t(kMinBucketCount) * kBucketRecords) == kMinBucketCount);
  CHECK(bucket_count_for(std::size_t(kMinBucketCount) * kBucketRecords + 1) == 2 * kMinBucketCount);
  for (std::size_t records = 1; records < 100'000'000; records = records * 3 / 2 + 1) {
    CAPTURE(records);
    const int count = bucket_count_for(records);
    CHECK((count & (count - 1)) == 0);
    CHECK(records <= std::size_t(count) * kBucketRecords);
    if (count > kMinBucketCount) CHECK(records > std::size_t(count) * kBucketRecords / 2);
  }
  CHECK(bucket_count_for(std::numeric_limits<std::size_t>::max()) == kMaxBucketCount);
}

namespace {
// `n` more records, copies of an organisation (the smallest record), put
// straight into the workspace with new ids (W5).
void add_copies(Workspace& ws, int n) {
  const Organisation model = ws.organisations.begin()->second;
  for (int i = 0; i < n; ++i) {
    Organisation o = model;
    o.id = ws.new_id();
    ws.organisations[o.id] = o;
  }
  ws.change = next_change();
}

std::size_t record_count(const Workspace& ws) {
  std::size_t n = 0;
  ws.for_each_id([&](const RecordId&) { ++n; });
  return n;
}
}  // namespace

TEST_CASE("W1: the bucket count doubles as the workspace grows; every record stays in exactly one bucket") {
  Area a;
  add_copies(a.ws, kMinBucketCount * kBucketRecords - 100 - int(record_count(a.ws)));
  WorkspaceStore made(a.ws, false);
  FakeDatabase db;
  save_all(made, db);
  CHECK(made.workspace().meta.bucket_count == kMinBucketCount);

  // Opened from storage (what db holds), then changed until the average passes kBucketRecords.
  WorkspaceStore store(made.workspace(), true);
  CHECK_FALSE(store.next_batch());  // opening alone writes nothing
  std::optional<SaveBatch> grown;
  for (int i = 0; i < 100 && !grown; ++i) {
    REQUIRE(store.dispatch(a.adult(), Context{a.ers, a.now}).ok);
    auto batch = store.next_batch();
    REQUIRE(batch);
    if (batch->buckets.size() > 2) grown = std::move(batch);
    else db.write(*batch), store.batch_committed();
  }
  REQUIRE(grown);
  CHECK(store.workspace().meta.bucket_count == 2 * kMinBucketCount);
  CHECK_FALSE(grown->meta.empty());
  // Every old bucket is written (it lost the records that moved up), with the new ones, in one batch.
  std::set<int> written;
  for (auto& [b, v] : grown->buckets) written.insert(b);
  for (int b = 0; b < kMinBucketCount; ++b) CHECK(written.count(b) == 1);

  SUBCASE("written, it loads back whole, each record in the bucket its id names") {
    db.write(*grown);
    store.batch_committed();
    const Workspace loaded = db.load();  // decode_bucket refuses an id read twice (W5)
    CHECK(loaded.meta.bucket_count == 2 * kMinBucketCount);
    CHECK(record_count(loaded) == record_count(store.workspace()));
    for (auto& [b, v] : db.buckets)
      for (const json& r : json::parse(v)) CHECK(bucket_of(r["id"].get<std::string>(), 2 * kMinBucketCount) == b);
    // And the next change writes a bucket or two of the new count again.
    REQUIRE(store.dispatch(a.adult(), Context{a.ers, a.now}).ok);
    auto next = store.next_batch();
    REQUIRE(next);
    CHECK(next->buckets.size() <= 2);
  }
  SUBCASE("a failed write leaves the old count stored; the retry writes the whole growth") {
    store.batch_failed();
    CHECK(std::get<Workspace>(decode_meta(db.meta)).meta.bucket_count == kMinBucketCount);  // as it was
    auto retry = store.next_batch();
    REQUIRE(retry);
    CHECK(retry->buckets.size() == grown->buckets.size());
    db.write(*retry);
    store.batch_committed();
    CHECK(record_count(db.load()) == record_count(store.workspace()));
  }
}

TEST_CASE("W1: what one change writes does not grow with the workspace") {
  std::vector<std::size_t> written;
  for (int size : {70'000, 280'000}) {
    CAPTURE(size);
    Area a;
    add_copies(a.ws, size - int(record_count(a.ws)));
    a.ws.meta.bucket_count = bucket_count_for(std::size_t(size));  // as the store leaves it
    WorkspaceStore store(std::move(a.ws), true);
    REQUIRE(store.dispatch(a.adult(), Context{a.ers, a.now}).ok);
    auto batch = store.next_batch();
    REQUIRE(batch);
    CHECK(batch->buckets.size() <= 2);  // the client and its audit entry
    std::size_t chars = 0, most = 0;
    for (auto& [b, v] : batch->buckets) chars += v.size(), most = std::max(most, json::parse(v).size());
    CHECK(most <= 2 * kBucketRecords);  // with 1,024 buckets for ever, 280,000 records put ~270 in each
    written.push_back(chars);
  }
  // Four times the records; about the same written (each size averages 34 records a bucket).
  CHECK(written[1] <= 2 * written[0]);
}

TEST_CASE("a bucket count that is not a power of two in range is damage") {
  WorkspaceMeta m;
  m.name = "X";
  m.id_origin = "o";
  json j = to_json(m);
  for (int bad : {0, 512, 1000, 3000, kMaxBucketCount * 2}) {
    j["bucket_count"] = bad;
    auto r = decode_meta(j.dump());
    REQUIRE(std::holds_alternative<Error>(r));
    CHECK(std::get<Error>(r).message == "The workspace settings are damaged: \"bucket_count\" is not a power of two from 1024 to 4194304.");
  }
  j["bucket_count"] = 8192;
  CHECK(std::get<Workspace>(decode_meta(j.dump())).meta.bucket_count == 8192);
}

TEST_CASE("W1: the demo workspace, every kind of record in it, round-trips") {
  NewWorkspace demo = create_demo_workspace("demo", at("2026-11-20T10:00"));
  const Workspace& ws = demo.workspace;
  WorkspaceStore store(ws, false);
  FakeDatabase db;
  save_all(store, db);
  Workspace loaded = db.load();
  auto same = [](const auto& ours, const auto& theirs) {
    REQUIRE(ours.size() == theirs.size());
    for (auto& [id, r] : ours) CHECK(to_json(theirs.at(id)) == to_json(r));
  };
  same(ws.organisations, loaded.organisations), same(ws.staff, loaded.staff), same(ws.clients, loaded.clients);
  same(ws.issues, loaded.issues), same(ws.case_notes, loaded.case_notes), same(ws.contacts, loaded.contacts);
  same(ws.goals, loaded.goals), same(ws.activities, loaded.activities), same(ws.employers, loaded.employers);
  same(ws.establishments, loaded.establishments), same(ws.communications, loaded.communications);
  same(ws.jobs, loaded.jobs), same(ws.services, loaded.services), same(ws.notifications, loaded.notifications);
  same(ws.matches, loaded.matches), same(ws.hires, loaded.hires), same(ws.comments, loaded.comments);
  same(ws.audit, loaded.audit);
  CHECK(loaded.comments_by_record == ws.comments_by_record);
  CHECK_FALSE(ws.comments.empty());  // K1: the demo has a conversation
  CHECK(std::any_of(ws.staff.begin(), ws.staff.end(), [](auto& kv) { return !kv.second.following.empty(); }));
  CHECK(std::any_of(ws.clients.begin(), ws.clients.end(), [](auto& kv) { return !kv.second.portal_pin_hash.empty(); }));
}

TEST_CASE("Workspace::change is new after every applied command and every load, and only then") {
  const LocalSeconds now = bw::test::at("2026-11-20T10:00");
  NewWorkspace made = create_demo_workspace("0a0b0c0d0e0f", now);
  Workspace& ws = made.workspace;
  const Workspace other;
  CHECK(other.change != ws.change);  // two workspaces never share a number
  const std::uint64_t before = ws.change;
  const Outcome refused = apply(ws, SetDemoClock{"not a time"}, Context{made.administrator, now});
  CHECK(!refused.ok);
  CHECK(ws.change == before);  // a refused command changes nothing
  const Outcome ok = apply(ws, SetDemoClock{"2026-11-21T09:00"}, Context{made.administrator, now});
  REQUIRE(ok.ok);
  CHECK(ws.change > before);
  const std::uint64_t after_command = ws.change;
  Workspace copy = ws;
  CHECK(copy.change == after_command);  // the same state, the same number
  REQUIRE(!decode_bucket(copy, "[]"));
  CHECK(copy.change > after_command);
}

TEST_CASE("N2: a client's contacts read in any order list by date, then id, as contacts recorded one by one do") {
  // Dated as a person records them: some the same day, one dated before the last.
  const std::vector<std::pair<RecordId, const char*>> contacts = {
      {"o-0000000001", "2026-03-10"}, {"o-0000000002", "2026-03-02"}, {"o-0000000003", "2026-03-10"},
      {"o-0000000004", "2026-04-01"}, {"o-0000000005", "2026-03-02"}};
  const std::vector<RecordId> by_date = {"o-0000000002", "o-0000000005", "o-0000000001", "o-0000000003", "o-0000000004"};
  auto contact = [](const RecordId& id, const char* date, const RecordId& client) {
    return Contact{id, client, *parse_iso_date(date), ContactType::Telephone, ContactWith::Participant, "", {}, "s", {}, {}};
  };
  Workspace recorded;  // by add_contact, in the order of their ids, as commands record them
  for (const auto& [id, date] : contacts) recorded.add_contact(contact(id, date, "c"));
  CHECK(recorded.contacts_by_client.at("c") == by_date);
  std::vector<std::size_t> order = {0, 1, 2, 3, 4};
  do {
    Workspace ws;  // as a reader stores them, in the order the buckets gave them
    for (std::size_t i : order) ws.contacts[contacts[i].first] = contact(contacts[i].first, contacts[i].second, "c");
    ws.contacts["o-0000000006"] = contact("o-0000000006", "2026-01-05", "other");
    ws.contacts["o-0000000007"] = contact("o-0000000007", "2026-02-01", "two");  // only the first two out of order
    ws.contacts["o-0000000008"] = contact("o-0000000008", "2026-01-20", "two");
    ws.order_indexes();
    CHECK(ws.contacts_by_client.at("c") == by_date);
    CHECK(ws.contacts_by_client.at("other") == std::vector<RecordId>{"o-0000000006"});
    CHECK(ws.contacts_by_client.at("two") == std::vector<RecordId>{"o-0000000008", "o-0000000007"});
    ws.order_indexes();
    CHECK(ws.contacts_by_client.at("c") == by_date);
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("W1: records read in any order are placed in id order, so each list is in id order as it is made") {
  // Placing compares 16 bytes of each id as numbers, past what all the ids
  // begin with, and reads the text only when those are equal. Ids that
  // differ before, at and past those 16 bytes, shorter and longer, with
  // bytes past 0x7F; all beginning alike (a workspace's origin) or not.
  std::mt19937 random(16);
  const std::string alphabet = std::string("ab-09") + char(0x7F) + char(0x80) + char(0xFF);
  auto some_ids = [&](const std::string& origin) {
    std::vector<RecordId> ids;
    for (int i = 0; i < 400; ++i) {
      RecordId id = origin + (i % 2 ? "abcdefghijklmno" : "");  // half share 15 bytes more
      for (std::size_t n = 1 + random() % 4; n > 0; --n) id += alphabet[random() % alphabet.size()];
      ids.push_back(id);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
  };
  auto client = [](const RecordId& id, const std::string& name) {
    Client c;
    c.id = id;
    c.first_name = name;
    c.primary_contact = "ers";
    return c;
  };
  auto service = [](const RecordId& id) {
    Service v;
    v.id = id;
    v.employer = "employer";
    v.staff = "bsr";
    v.date = *parse_iso_date("2026-08-03");
    return v;
  };
  for (int round = 0; round < 20; ++round) {
    const std::vector<RecordId> ids = some_ids(round % 2 ? "0f3a9c21be47-000" : "");
    std::vector<RecordId> came = ids;
    std::shuffle(came.begin(), came.end(), random);
    Workspace ws;
    for (const RecordId& id : came) ws.read.add(client(id, "first")), ws.read.add(service(id));
    ws.read.add(client(came[0], "second"));  // an id read twice (W5, refused later): the later replaces the earlier
    ws.place_records_read();
    CHECK(ws.clients_by_primary_contact.at("ers") == ids);  // as placed, before order_indexes
    CHECK(ws.services_by_employer.at("employer") == ids);
    CHECK(ws.services_by_staff_quarter.begin()->second == ids);
    CHECK(ws.clients.size() == ids.size());
    CHECK(ws.clients.at(came[0]).first_name == "second");
    CHECK(ws.read.kinds() == nullptr);  // their memory went back
  }
}

TEST_CASE("W1: a generated board saved and read again has the same lists of contacts and audit entries") {
  const LocalSeconds now = at("2026-11-20T10:00");
  Workspace ws = generate_workspace(60, 7, "gen", now).workspace;
  WorkspaceStore store(ws, false);
  FakeDatabase db;
  save_all(store, db);
  const Workspace loaded = db.load();
  REQUIRE(loaded.contacts.size() == ws.contacts.size());
  CHECK(loaded.contacts_by_client == store.workspace().contacts_by_client);
  CHECK(loaded.audit_by_record() == store.workspace().audit_by_record());
}

TEST_CASE("a record's audit trail reads oldest first, whatever order its entries were loaded in") {
  // Ids grow with every change, but a computer's clock can go back between
  // changes (another computer after a restore, a corrected clock): time decides,
  // then the id. Every order of loading gives the same trail, and sorting a
  // sorted trail leaves it as it is.
  const std::vector<std::pair<RecordId, LocalSeconds>> entries = {
      {"o-0000000001", 500}, {"o-0000000002", 300}, {"o-0000000003", 300}, {"o-0000000004", 900}, {"o-0000000005", 100}};
  const std::vector<RecordId> oldest_first = {"o-0000000005", "o-0000000002", "o-0000000003", "o-0000000001", "o-0000000004"};
  std::vector<std::size_t> order = {0, 1, 2, 3, 4};
  do {
    Workspace ws;
    for (std::size_t i : order) {
      AuditEntry e{entries[i].first, entries[i].second, "s", "add_case_note", "the-record", "x"};
      ws.index_audit(e);
      ws.audit[e.id] = e;
    }
    AuditEntry lone{"o-0000000006", 50, "s", "add_case_note", "other-record", "y"};
    ws.index_audit(lone);
    ws.audit[lone.id] = lone;
    ws.order_indexes();
    CHECK(ws.audit_by_record().at("the-record") == oldest_first);
    CHECK(ws.audit_by_record().at("other-record") == std::vector<RecordId>{"o-0000000006"});
    ws.order_indexes();
    CHECK(ws.audit_by_record().at("the-record") == oldest_first);
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("a record's audit trail is listed when first read, and holds every entry added before or after that") {
  Workspace ws;
  auto add = [&](int n, const char* record) {
    const std::string digits = std::to_string(n);
    AuditEntry e{"o-" + std::string(10 - digits.size(), '0') + digits, LocalSeconds(100 * n), "s", "add_case_note", record, "x"};
    ws.index_audit(e);  // as a change adds it (change.cpp)
    ws.audit[e.id] = e;
  };
  add(1, "a"), add(2, "b");
  ws.order_indexes();  // as a load leaves it: not listed yet
  add(3, "a");         // before the first read
  CHECK(ws.audit_by_record().at("a") == std::vector<RecordId>{"o-0000000001", "o-0000000003"});
  add(4, "a"), add(5, "c");  // after it
  const auto kept = ws.audit_by_record();
  CHECK(kept.at("a") == std::vector<RecordId>{"o-0000000001", "o-0000000003", "o-0000000004"});
  CHECK(kept.at("c") == std::vector<RecordId>{"o-0000000005"});
  ws.order_indexes();  // listed afresh from the entries themselves
  CHECK(ws.audit_by_record() == kept);
}
