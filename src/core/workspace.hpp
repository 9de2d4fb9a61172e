// A whole workspace in memory: its settings and every record, with the indexes
// the screens and the storage layout need.
#pragma once
#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "calendar.hpp"
#include "model.hpp"

namespace bw {

// Stored data carries this; data from a newer schema is refused, never rewritten.
// 2 added service plans (goals, activities) and agreement letters; 3 added
// comments, follows and job board access; 4 the ESE report's settings and
// export log; 5 service corrections; 6 sign-in settings and PBKDF2 PINs; 7 a
// bucket count that grows with the workspace. Older data reads as it is.
inline constexpr int kSchemaVersion = 7;

// W4: how much one value may hold, so that no record, bucket or request grows
// past what the reader handles (docs/automation.md, "Limits"). A command's text
// field holds up to kMaxTextChars; texts the app builds from several fields
// (audit summaries, letters) stay under kMaxStoredChars, which readers enforce.
inline constexpr std::size_t kMaxTextChars = 20000;
inline constexpr std::size_t kMaxShortChars = 200;      // ids, dates, names of kinds
inline constexpr std::size_t kMaxListItems = 200;       // entries of a list field
inline constexpr std::size_t kMaxStoredChars = 200000;  // any string of a stored record
inline constexpr std::size_t kMaxRequestBytes = 1 << 20;  // a command's or query's JSON text
// Characters (Unicode code points) of UTF-8 text.
std::size_t utf8_chars(std::string_view text);

// R2: a quarter's ESE report was exported: when and by whom.
struct EseExport {
  int program_year = 0, quarter = 0;
  LocalSeconds at = 0;
  RecordId by;
};

// R4: a target the board set for a quarter, for the board (organisation
// empty) or one organisation. `measure` is a name from performance.hpp.
struct Target {
  int program_year = 0, quarter = 0;
  std::string measure;
  RecordId organisation;
  long long value = 0;
};

// P4, M6: wrong PINs typed in a row for one person, and when the last was.
struct SignInFailures {
  int count = 0;
  LocalSeconds last_at = 0;
};

struct WorkspaceMeta {
  int schema_version = kSchemaVersion;
  std::string name;            // shown in the status bar, e.g. "Valley Workforce Board"
  bool demo = false;           // W3: fictional data; the clock may be moved (T4)
  std::string id_origin;       // W5: unique per workspace, the first part of every id
  std::uint64_t next_sequence = 1;
  LocalSeconds created_at = 0;
  LocalSeconds clock_offset = 0;  // T4: seconds the demo clock runs ahead of real time
  int bucket_count = 1024;        // how many values the records are spread over (storage.hpp)
  std::vector<std::string> focus_sectors;            // B4
  std::vector<SubsidisedProgram> subsidised_programs;  // J4
  std::vector<LocalServiceType> local_service_types;   // R1: local names -> federal categories
  long long state_establishments = 0;  // R2: the state's establishment total, typed in; 0 = not yet
  std::vector<EseExport> ese_exports;  // R2: newest last
  std::vector<Target> targets;         // R4
  // Privacy on a shared computer (schema 6)
  bool kiosk = false;         // M6: only the job board signs in here, until an Administrator's PIN leaves it
  bool require_pins = false;  // P4: every staff member signs in with a PIN
  LocalSeconds last_backup_at = 0;  // W3: the last backup downloaded; 0 = never
  int lock_after_minutes = 15;      // W6: a passphrase-locked workspace locks after this long unused; 0 = never
  std::map<RecordId, SignInFailures> sign_in_failures;
};

// The records `index` lists under `key`, in the index's order.
template <class Record>
std::vector<const Record*> records_in(const std::map<RecordId, Record>& records,
                                      const std::unordered_map<RecordId, std::vector<RecordId>>& index,
                                      const RecordId& key) {
  std::vector<const Record*> out;
  if (auto it = index.find(key); it != index.end())
    for (const RecordId& id : it->second) out.push_back(&records.at(id));
  return out;
}

// A number no workspace state has had before in this process (see Workspace::change).
std::uint64_t next_change();

// An id's 64-bit FNV-1a hash (Workspace::ids_read).
inline std::uint64_t id_hash(std::string_view id) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
  return h;
}

// Records read from store, as they came (buckets arrive in any order), until
// Workspace::place_records_read puts each kind in its map. Kept apart (a
// workspace copied holds none), in deques, so that growing never copies them.
// Organisations and staff, a few dozen, go straight to their maps.
class RecordsRead {
 public:
  using Kinds = std::tuple<std::deque<Client>, std::deque<Issue>, std::deque<CaseNote>, std::deque<Contact>,
                           std::deque<Goal>, std::deque<Activity>, std::deque<Employer>, std::deque<Establishment>,
                           std::deque<Communication>, std::deque<Job>, std::deque<Service>,
                           std::deque<Notification>, std::deque<Match>, std::deque<Hire>, std::deque<Comment>,
                           std::deque<AuditEntry>>;
  RecordsRead() = default;
  RecordsRead(const RecordsRead&) {}
  RecordsRead(RecordsRead&&) = default;
  RecordsRead& operator=(const RecordsRead&) { return *this; }
  RecordsRead& operator=(RecordsRead&&) = default;
  template <class Record>
  void add(Record&& r) {  // moved once, into its place
    if (!kinds_) kinds_ = std::make_unique<Kinds>();
    std::get<std::deque<std::remove_cvref_t<Record>>>(*kinds_).push_back(std::forward<Record>(r));
  }
  Kinds* kinds() { return kinds_.get(); }  // none: nothing read
  void clear() { kinds_.reset(); }

 private:
  std::unique_ptr<Kinds> kinds_;
};

struct Workspace {
  // What the workspace holds now, as a number: new at every applied command
  // and for every workspace made or loaded, so that a read model cached with
  // it is current exactly when the number is the same. Not stored.
  std::uint64_t change = next_change();
  // The `change` at which a client, contact or activity was last written. My
  // Work's caseload, monthly contacts and stale activities read only those
  // (my_work.hpp), so they are made again only when this moves or the day
  // turns: a comment on a caseload of 100,000 does not read the caseload.
  std::uint64_t caseload_change = change;
  WorkspaceMeta meta;
  BusinessCalendar calendar;  // T2: its closures are stored with the meta
  std::map<RecordId, Organisation> organisations;
  std::map<RecordId, Staff> staff;
  std::map<RecordId, Client> clients;
  std::map<RecordId, Issue> issues;
  // Issues about each client or employer, oldest first (E1).
  std::unordered_map<RecordId, std::vector<RecordId>> issues_by_subject;
  std::map<RecordId, CaseNote> case_notes;
  // Case notes on each client's (or employer's) file, oldest first.
  std::unordered_map<RecordId, std::vector<RecordId>> case_notes_by_client;
  std::map<RecordId, Contact> contacts;
  // Contacts of each client, by date (N2 needs "any contact this month").
  std::unordered_map<RecordId, std::vector<RecordId>> contacts_by_client;
  std::map<RecordId, Goal> goals;
  std::map<RecordId, Activity> activities;
  // Goals and activities of each client, oldest first (S1).
  std::unordered_map<RecordId, std::vector<RecordId>> goals_by_client, activities_by_client;
  std::map<RecordId, Employer> employers;
  std::map<RecordId, Establishment> establishments;
  std::map<RecordId, Communication> communications;
  std::map<RecordId, Job> jobs;
  std::map<RecordId, Service> services;
  std::map<RecordId, Notification> notifications;
  std::map<RecordId, Match> matches;
  std::unordered_map<RecordId, std::vector<RecordId>> matches_by_client;  // M1-M4: each client's matches, by id
  // M2, M3: the matches in a stage that waits on staff, each under its job
  // owner and under its case manager, by id (matches_to_act_on).
  std::unordered_map<RecordId, std::set<RecordId>> matches_waiting_on;
  std::set<RecordId> employers_untriaged;  // B4: employers no one has routed yet, by id (triage_queue)
  // W5: while stored records are read, a 64-bit hash of each id read (no
  // copy of the id, and no set: a set of a million took a sixth of a load).
  // Once all are read, check_integrity looks for a hash read twice and empties it.
  std::vector<std::uint64_t> ids_read;
  RecordsRead read;  // emptied by place_records_read
  std::map<RecordId, Hire> hires;
  // Of each employer: establishments, communications, jobs, services, oldest first.
  std::unordered_map<RecordId, std::vector<RecordId>> establishments_by_employer, communications_by_employer,
      jobs_by_employer, services_by_employer;
  std::unordered_map<RecordId, std::vector<RecordId>> jobs_by_owner;  // J2, P3: each staff member's jobs, by id
  // C2: the clients each staff member is the primary contact of (exited ones too), by id
  std::unordered_map<RecordId, std::vector<RecordId>> clients_by_primary_contact;
  // R1, R2: the services of each program-year quarter (T5), by id.
  std::map<std::pair<int, int>, std::vector<RecordId>> services_by_quarter;
  // R1: each staff member's services of each quarter (My Work counts theirs), by id.
  std::map<std::tuple<RecordId, int, int>, std::vector<RecordId>> services_by_staff_quarter;
  // B3: each staff member's communications with employers, by id.
  std::unordered_map<RecordId, std::vector<RecordId>> communications_by_staff;
  std::unordered_map<RecordId, std::vector<RecordId>> notifications_by_staff;
  std::map<RecordId, Comment> comments;
  std::unordered_map<RecordId, std::vector<RecordId>> comments_by_record;  // K1: oldest first
  std::unordered_map<RecordId, std::vector<RecordId>> comments_by_tag;     // K1: the comments tagging each person
  std::map<RecordId, AuditEntry> audit;
  // Audit entries of each record, oldest first. Listed on first use, not on
  // load: a board's hundreds of thousands of entries are read only by a
  // record's history, a service plan's agreement, the Feed and the audit
  // query and standards report, not by My Work.
  const std::unordered_map<RecordId, std::vector<RecordId>>& audit_by_record() const;

  RecordId new_id();  // W5: never reused, since next_sequence only grows
  // The stored kinds of records, in the order kind_of looks.
  static constexpr std::array<const char*, 18> kKinds{
      "organisation", "staff", "client", "issue", "case_note", "contact", "goal", "activity", "employer",
      "establishment", "communication", "job", "service", "notification", "match", "hire", "comment", "audit"};
  // The stored kind ("client", "service", ...) of the record with this id, or nullptr.
  const char* kind_of(const RecordId& id) const;
  // After a change that wrote `touched`: a new `change`, and a new
  // `caseload_change` if it wrote a client, contact or activity.
  void changed(const std::vector<RecordId>& touched);
  // Whether the records of that stored kind hold this id: one map, where kind_of looks through them all.
  bool holds(std::string_view kind, const RecordId& id) const;
  // Calls f(id) for the id of every record of every kind.
  template <class F>
  void for_each_id(F f) const {
    auto each = [&](const auto& records) {
      for (const auto& [id, r] : records) f(id);
    };
    each(organisations), each(staff), each(clients), each(issues), each(case_notes), each(contacts);
    each(goals), each(activities), each(employers), each(establishments), each(communications), each(jobs);
    each(services), each(notifications), each(matches), each(hires), each(comments), each(audit);
  }
  const Staff* find_staff(const RecordId& id) const;
  const Organisation* find_organisation(const RecordId& id) const;
  const Client* find_client(const RecordId& id) const;
  const Issue* find_issue(const RecordId& id) const;
  const Activity* find_activity(const RecordId& id) const;
  void index_audit(const AuditEntry& e);
  void add_case_note(CaseNote&& n);  // stores it and indexes it by client
  void add_issue(Issue&& i);          // stores it and indexes it by client or employer
  // N5: a client's (or an employer's) file, newest first.
  std::vector<const CaseNote*> case_notes_of(const RecordId& client_or_employer) const;
  const Employer* find_employer(const RecordId& id) const;
  const Establishment* find_establishment(const RecordId& id) const;
  const Job* find_job(const RecordId& id) const;
  // Each stores the record and indexes it.
  void add_employer(Employer&& e);
  void set_triage(const RecordId& employer, Triage t);  // B4: keeps employers_untriaged
  void add_establishment(Establishment&& e);
  void add_communication(Communication&& c);
  void add_job(Job&& j);
  void set_job_owner(const RecordId& job, const RecordId& owner);  // keeps jobs_by_owner
  void add_client(Client&& c);                                            // stores it and indexes it by primary contact
  void set_primary_contact(const RecordId& client, const RecordId& staff);  // C3: keeps the index
  void add_service(Service&& s);
  void add_notification(Notification&& n);
  void add_comment(Comment&& c);
  const Match& add_match(Match&& m);  // stores it and indexes it by client
  void set_match_stage(const RecordId& match, MatchStage stage);  // keeps matches_waiting_on
  // M2: a stored match's approvers change only here, which keeps matches_waiting_on.
  void set_match_approvers(const RecordId& match, const RecordId& job_owner, const RecordId& case_manager);
  void add_goal(Goal&& g);          // stores it and indexes it by client
  void add_activity(Activity&& a);  // stores it and indexes it by client
  void add_contact(Contact&& c);  // stores it and keeps contacts_by_client in order of date, then id
  // Lists a record just stored in its kind's lists (above). Contacts and
  // audit entries have their own (add_contact, index_audit, order_indexes).
  void list(const Client& c);
  void list(const Issue& i);
  void list(const CaseNote& n);
  void list(const Contact&) {}
  void list(const Goal& g);
  void list(const Activity& a);
  void list(const Employer& e);
  void list(const Establishment& e);
  void list(const Communication& c);
  void list(const Job& j);
  void list(const Service& s);
  void list(const Notification& n);
  void list(const Match& m);
  void list(const Hire&) {}
  void list(const Comment& c);
  void list(const AuditEntry&) {}
  // Once every stored record is read: each kind's records into its map in
  // id order, each placed at the map's end and listed there. Put in one by
  // one, as they came, each searched a tree of up to a million ids.
  void place_records_read();
  template <class Record>
  void place(std::deque<Record>& came, std::map<RecordId, Record>& records);
  // Makes contacts' lists from their records (readers list none), leaves the
  // audit trails to be listed when first read, and sorts any other list not
  // in id order: placing the records read, and commands adding ids that only
  // grow, leave them in order already.
  void order_indexes();

 private:
  mutable std::unordered_map<RecordId, std::vector<RecordId>> audit_lists_;
  mutable bool audit_listed_ = false;  // audit_lists_ holds every entry of `audit`
};

}  // namespace bw
