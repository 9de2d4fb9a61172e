// The stored form of a workspace (W1, W5, W6).
//
// Layout: one "meta" value, plus the records spread over the meta's
// `bucket_count` bucket values by a hash of their id. A change rewrites only
// the buckets of the records it touched, and the count doubles as the
// workspace grows so that a bucket holds 32-64 records: saving costs in
// proportion to the change, whatever the workspace's size, and loading reads
// one value per ~50 records instead of one per record. Every value passes
// through seal/unseal, the one place where encryption at rest (W6) sits.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "commands.hpp"
#include "sign_in.hpp"

namespace bw {

inline constexpr int kMinBucketCount = 1024;     // a new workspace's count
inline constexpr int kMaxBucketCount = 1 << 22;  // what a reader accepts
inline constexpr int kBucketRecords = 64;        // more on average: the count doubles

// The bucket of an id among `count` (a power of two): 32-bit FNV-1a of the
// id's UTF-8 bytes, modulo the count. Doubling the count splits bucket b
// into b and b + the old count.
int bucket_of(std::string_view id, int count);
// The count for `records` records: the least power of two, at least
// kMinBucketCount, that keeps the average at most kBucketRecords.
int bucket_count_for(std::size_t records);

// W6 seam: every value on its way to and from IndexedDB.
std::string seal(std::string plain);
// A value is read where it lies: unseal gives the plain text within `stored`.
std::variant<std::string_view, Error> unseal(std::string_view stored);

// Stored forms (also the records' JSON in queries).
json to_json(const Organisation& o);
json to_json(const Staff& s);
json to_json(const Client& c);
json to_json(const Issue& i);
json to_json(const CaseNote& n);
json to_json(const Contact& c);
json to_json(const Goal& g);
json to_json(const Activity& a);
json to_json(const Employer& e);
json to_json(const Establishment& e);
json to_json(const Communication& c);
json to_json(const Job& j);
json to_json(const Service& s);
json to_json(const Notification& n);
json to_json(const Match& m);
json to_json(const Hire& h);
json to_json(const Comment& c);
json to_json(const AuditEntry& a);
json to_json(const WorkspaceMeta& m);
json to_json(const BusinessCalendar& c);  // the board's closures

// The meta value: the workspace's settings and the board's closures (T2).
std::string encode_meta(const Workspace& ws);
// A workspace with its settings and closures and no records yet. Refuses
// data of a newer schema (nothing is changed) or that is malformed.
std::variant<Workspace, Error> decode_meta(std::string_view stored);
// Reads the records of one stored bucket into `ws.read`: once every bucket
// is read, check_integrity puts them in place.
std::optional<Error> decode_bucket(Workspace& ws, std::string_view stored);

// [SECTION] Backup file: the whole workspace as one JSON document, to keep
// elsewhere or hand to the command-line tool (docs/storage.md, "Backup file").
std::string encode_backup(const Workspace& ws, LocalSeconds exported_at);
// Refuses, changing nothing, what is not a backup, a newer schema, or damaged data.
// Read where it lies, never copied: a backup may be hundreds of megabytes.
std::variant<Workspace, Error> decode_backup(std::string_view text);

// What one IndexedDB transaction writes: the meta value and some buckets.
struct SaveBatch {
  std::uint64_t up_to_change = 0;  // every change numbered up to this is in it
  std::string meta;
  std::vector<std::pair<int, std::string>> buckets;
};

// A workspace with what of it is not yet stored. Changes go through
// `dispatch`; the platform writes `next_batch()` and reports back.
class WorkspaceStore {
 public:
  // `stored`: the workspace came from storage (nothing to write yet) or is new
  // (everything to write).
  WorkspaceStore(Workspace ws, bool stored);
  WorkspaceStore(const WorkspaceStore&) = delete;  // its members point into its own workspace
  WorkspaceStore& operator=(const WorkspaceStore&) = delete;

  const Workspace& workspace() const { return ws_; }
  Outcome dispatch(const Command& cmd, const Context& ctx);
  // P4, M6: a sign-in attempt; what it writes (failures, audit) is saved like a change.
  SignInResult sign_in(const std::string& who, const std::string& pin, LocalSeconds now, SignInPath path);

  std::uint64_t last_change() const { return change_; }
  std::uint64_t saved_change() const { return saved_; }
  bool has_unsaved() const { return saved_ < change_; }
  bool writing() const { return in_flight_.has_value(); }

  // Nothing to write, or a write already under way: nullopt.
  std::optional<SaveBatch> next_batch();
  // The same, handing each bucket's value to `put` as it is made instead of
  // keeping them in the batch: a restored board's first write is the whole
  // workspace, and this keeps one bucket of it in memory at a time.
  std::optional<SaveBatch> next_batch(const std::function<void(int bucket, std::string value)>& put);
  void batch_committed();
  void batch_failed();  // its buckets are written again with the next batch

 private:
  void touch(const RecordId& id);
  void grow_if_needed();


  Workspace ws_;
  // A record of a bucket: its id as its map holds it and the record itself (a
  // record is never removed, and a map's entries stay where they are), and its
  // kind as the map's place in each_kind (storage.cpp), so writing a bucket
  // looks nothing up.
  struct Member {
    const RecordId* id;
    const void* record;
    std::uint8_t kind;
  };
  std::vector<std::vector<Member>> members_;  // bucket -> records
  std::size_t records_ = 0;                     // held in members_
  std::set<int> dirty_;
  bool meta_dirty_ = false;
  std::uint64_t change_ = 0, saved_ = 0;
  struct InFlight { std::uint64_t up_to; std::set<int> buckets; bool meta; };
  std::optional<InFlight> in_flight_;
};

}  // namespace bw
