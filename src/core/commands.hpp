// Every change to a workspace is a command value, applied by `apply`. The UI
// and the JavaScript interface build the same values (from JSON for the
// latter) and go through this one path. A refused command changes nothing.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "workspace.hpp"

namespace bw {

using json = nlohmann::json;

// A JSON object made a field at a time: Fields()("id", c.id)("name", c.name).
// The same object as an initializer list of {"key", value} pairs took about
// 600 bytes of wasm a field; here a field is one call (docs/development.md).
// One overload per integer type, so that no call is ambiguous on either
// platform; the object is handed over once, as the chain ends.
class Fields {
 public:
  Fields& operator()(const char* key, json&& value);
  Fields& operator()(const char* key, const json& value);
  Fields& operator()(const char* key, std::string_view value);
  Fields& operator()(const char* key, const std::string& value);
  Fields& operator()(const char* key, const char* value);
  Fields& operator()(const char* key, const std::vector<std::string>& value);
  Fields& operator()(const char* key, std::nullptr_t);
  Fields& operator()(const char* key, bool value);
  Fields& operator()(const char* key, int value);
  Fields& operator()(const char* key, long value);
  Fields& operator()(const char* key, long long value);
  Fields& operator()(const char* key, unsigned value);
  Fields& operator()(const char* key, unsigned long value);
  Fields& operator()(const char* key, unsigned long long value);
  Fields& operator()(const char* key, double value);
  operator json() { return std::move(object_); }

 private:
  json object_ = json::object();
};

// JSON text parsed as json::parse(text, nullptr, false) does, a discarded
// value when it is not JSON. Every text read with nlohmann-json goes through
// it (stored buckets and backups are read by JsonDocument): each kind of
// input and callback given to json::parse compiles its parser again.
json parse_json(std::string_view text);

// [SECTION] Commands
struct AddOrganisation { std::string name; OrganisationKind kind{}; };
struct RenameOrganisation { RecordId organisation; std::string name; };
struct AddStaff {
  std::string name, email;
  RecordId organisation;
  Role role{};
  std::string pin;  // optional
};
struct UpdateStaff { RecordId staff; std::string name, email; Role role{}; };
struct SetStaffPin { RecordId staff; std::string pin; };  // empty pin removes it
struct DeactivateStaff { RecordId staff; std::string reason; };
struct ReactivateStaff { RecordId staff; };
struct EnrolClient {
  std::string first_name, last_name;
  std::string date_of_birth;  // "YYYY-MM-DD", checked by apply
  std::string email, phone;
  std::vector<Program> programs;
  RecordId provider, primary_contact;
  std::string enrolled_on;    // "YYYY-MM-DD"; empty = today
};
struct UpdateClient {
  RecordId client;
  std::string first_name, last_name, date_of_birth, email, phone;
};
struct TransferPrimaryContact { RecordId client, primary_contact; std::string reason; };  // C3
struct ExitClient { RecordId client; std::string exited_on, reason; };                     // C4
// N3: what was decided about one current activity at a contact.
struct ActivityReview {
  RecordId activity;
  ActivityDecision decision{};
  std::string reason;  // required when the client exits the activity (C4)
};
struct RecordContact {  // N1, N3
  RecordId client;
  std::string date;  // "YYYY-MM-DD"; empty = today
  ContactType type{};
  ContactWith with{};
  std::string results;
  std::vector<std::string> documents;
  std::vector<ActivityReview> activities;  // every current activity of the client
};
// E1, E2: about a client or an employer (exactly one).
struct RaiseIssue { RecordId client; std::string concern; IssueSource source{}; RecordId employer; };
struct EscalateIssue { RecordId issue; };                                           // E4, by the owner
struct CloseIssue { RecordId issue; IssueOutcome outcome{}; std::string note; };   // E5
struct SetDemoClock { std::string at; };  // T4, demo workspaces only
struct SetKioskMode { bool on = false; };         // M6: this computer signs in job seekers only
struct RequireStaffPins { bool required = false; };  // P4
struct RecordBackup { bool encrypted = false; };   // P4, W3: a backup was downloaded
struct SetLockAfter { int minutes = 0; };          // W6: 0 = never
struct AddClosure { std::string date, name; };  // T2
struct RemoveClosure { std::string date; };
// S1: the Individual Service Strategy.
struct AddGoal { RecordId client; std::string text; };
struct AchieveGoal { RecordId goal; std::string achieved_on; };
struct AddActivity {
  RecordId client;
  std::string name;
  RecordId goal, training_provider;  // optional
  std::string start, planned_end;    // "YYYY-MM-DD"
};
struct RescheduleActivity { RecordId activity; std::string planned_end, reason; };
struct EndActivity { RecordId activity; ActivityEnd how{}; std::string ended_on, reason; };  // C4
struct RecordPlanAgreement { RecordId client; std::string agreed_on, how; };
// N5: a letter to the parties documenting what they agreed.
struct WriteAgreementLetter {
  RecordId client;
  std::vector<std::string> to;
  std::string agreement;
  RecordId issue;  // optional: the issue the agreement settles
};

// [SECTION] Business services (B1-B5, J1-J4, R1)
struct AddEmployer {  // with its first establishment (B1)
  std::string legal_name, fein, ui_account;
  EmployerKind kind{};
  std::string establishment, address, naics;
};
struct UpdateEmployer { RecordId employer; std::string legal_name, fein, ui_account; EmployerKind kind{}; };
struct AddEstablishment { RecordId employer; std::string name, address, naics; };
struct LogCommunication {  // B2
  RecordId employer;
  std::string date;  // "YYYY-MM-DD"; empty = today
  Channel channel{};
  bool inbound = false;
  bool reciprocated = false;
  std::string summary;
};
struct JoinAccount { RecordId employer; };                                  // B3
struct TriageEmployer { RecordId employer; TriageRoute route{}; std::string note; };  // B4
struct SetFocusSectors { std::vector<std::string> sectors; };               // B4
struct RefuseService {                                                      // B5
  RecordId employer;
  std::string concern, board_consulted, consulted_on, board_outcome;
};
struct RestoreService { RecordId employer; std::string note; };
struct PostJob {  // J1-J4
  RecordId establishment;
  std::string title, description;
  int openings = 1;
  std::string received_on;  // "YYYY-MM-DD"; empty = today
  std::string deadline;     // empty = 14 days after posting
  int reserved_days = 0;    // 0, 3, 5 or 7
  std::string subsidised_program;
};
// P4: a correction of an open job order; empty deadline = unchanged.
struct EditJob {
  RecordId job;
  std::string title, description;
  int openings = 1;
  std::string deadline;
  int reserved_days = 0;
};
struct RepostJob { RecordId job; std::string deadline; };  // J2: confirmed still open
struct CloseJob { RecordId job; std::string reason; };
struct ReassignJob { RecordId job, owner; };  // P3: a departed owner's open jobs
struct SetSubsidisedProgram { std::string name; RecordId priority_organisation; };  // J4
struct RemoveSubsidisedProgram { std::string name; };
struct LogService {  // R1
  RecordId establishment;
  std::string date;  // empty = today
  std::string local_type;
  RecordId staff;    // empty = the person entering it
  Program program{};
  std::string gained;
  bool confirmed = false;  // R1: the person confirmed it is a real service though it reads like paperwork
};
struct VoidService { RecordId service; std::string reason; };  // P4, R1: entered by mistake
struct SetLocalServiceType { std::string name; ServiceCategory category{}; };  // R1
struct RemoveLocalServiceType { std::string name; };
struct MarkRead { RecordId notification; };  // empty: all of mine
// [SECTION] Matches and hires (M1-M5)
struct ReferMatch { RecordId client, job; MatchFit fit; };          // M1: partner referral
struct ResubmitMatch { RecordId match; MatchFit fit; };             // M3: after a send-back
struct ActOnMatch {                                                 // M3, M4
  RecordId match;
  MatchAction action{};
  std::string note;        // the reason, for send_back; optional otherwise
  std::string learned_of;  // for record_hired: when staff learned of it; empty = today
};
struct CompleteHire {                                               // M4
  RecordId hire;
  std::string start_date;
  std::optional<double> hourly_wage, hours_per_week;
};
// [SECTION] The job board (M6)
struct SetPortalAccess { RecordId client; std::string pin; };  // empty pin ends access
struct MarkInterest { RecordId job; };  // by the signed-in job seeker: a self-select match (M1)
struct WithdrawInterest { RecordId match; };  // M6: the job seeker is no longer interested
// [SECTION] Conversation (K1)
struct AddComment { RecordId record; std::string text; };
// N5: a case note, contact or comment is never changed: the correction is a new one that refers to it.
struct CorrectNote { RecordId note; std::string text; };
struct Follow { RecordId target; };    // a record or a person
struct Unfollow { RecordId target; };
// [SECTION] Reports (R2)
struct SetStateEstablishments { long long count = 0; };
struct RecordEseExport { int program_year = 0, quarter = 0; };  // the files were downloaded
struct SetTarget { int program_year = 0, quarter = 0; std::string measure; RecordId organisation; long long value = 0; };  // R4

using Command = std::variant<AddOrganisation, RenameOrganisation, AddStaff, UpdateStaff,
                             SetStaffPin, DeactivateStaff, ReactivateStaff, EnrolClient,
                             UpdateClient, TransferPrimaryContact, ExitClient, RecordContact, RaiseIssue,
                             EscalateIssue, CloseIssue, SetDemoClock, SetKioskMode, RequireStaffPins, RecordBackup, SetLockAfter, AddClosure, RemoveClosure, AddGoal,
                             AchieveGoal, AddActivity, RescheduleActivity, EndActivity, RecordPlanAgreement,
                             WriteAgreementLetter, AddEmployer, UpdateEmployer, AddEstablishment,
                             LogCommunication, JoinAccount, TriageEmployer, SetFocusSectors, RefuseService,
                             RestoreService, PostJob, EditJob, RepostJob, CloseJob, ReassignJob, SetSubsidisedProgram,
                             RemoveSubsidisedProgram, LogService, VoidService, SetLocalServiceType,
                             RemoveLocalServiceType, MarkRead, ReferMatch, ResubmitMatch, ActOnMatch, CompleteHire,
                             SetPortalAccess, MarkInterest, WithdrawInterest, AddComment, CorrectNote, Follow, Unfollow,
                             SetStateEstablishments, RecordEseExport, SetTarget>;

// [SECTION] Outcomes
struct Error {
  std::string code;     // stable, for scripts: "missing_field", "not_allowed", ...
  std::string message;  // for people
};

struct Outcome {
  bool ok = false;
  RecordId id;                    // the record created or changed
  Error error;
  std::string notice;             // what the person should know, e.g. whom to coordinate with (J1)
  std::vector<RecordId> touched;  // every record written, for saving
  static Outcome refuse(std::string code, std::string message) {
    return {false, {}, {std::move(code), std::move(message)}, {}, {}};
  }
};

struct Context {
  RecordId actor;       // the signed-in staff member (P4), or a job seeker on the job board (M6)
  LocalSeconds now = 0; // from the workspace clock (T4)
};

Outcome apply(Workspace& ws, const Command& cmd, const Context& ctx);

// [SECTION] JSON form: {"type": "enrol_client", "first_name": ...}
std::variant<Command, Error> command_from_json(const json& j);
std::string_view command_type(const Command& cmd);
// The command types with their fields, for `window.bridgework.commands()`.
json command_catalogue();

}  // namespace bw
