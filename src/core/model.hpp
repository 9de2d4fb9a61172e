// The records of a workspace as plain values (SPEC P1-P4, C1-C2, W5).
// Nothing here knows about ImGui, the browser or storage.
#pragma once
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "civil_time.hpp"

namespace bw {

// W5: globally unique and never reused: "<workspace origin>-<sequence>".
using RecordId = std::string;

// W5: who changed a record last, when, and how many times it has changed.
struct Revision {
  int number = 0;
  RecordId changed_by;
  LocalSeconds changed_at = 0;
};

// [SECTION] Organisations (P1)
enum class OrganisationKind {
  Board, OneStopProvider, IntensiveProvider, YouthProvider, TrainingProvider,
  EconomicDevelopmentPartner, OneStopOperator,
};
inline constexpr std::array kOrganisationKinds = {
    OrganisationKind::Board, OrganisationKind::OneStopProvider,
    OrganisationKind::IntensiveProvider, OrganisationKind::YouthProvider,
    OrganisationKind::TrainingProvider, OrganisationKind::EconomicDevelopmentPartner,
    OrganisationKind::OneStopOperator};

struct Organisation {
  RecordId id;
  std::string name;
  OrganisationKind kind = OrganisationKind::OneStopProvider;
  Revision revision;
};

// [SECTION] Staff (P2, P3)
enum class Role {
  EmploymentReadinessSpecialist, AcademicCareerAdvisor, CaseManager, CareerAgent,
  BusinessServicesRepresentative, Hybrid, SpecialProjects, Manager, BoardProgramManager,
  BoardAssistantDirector, TrainingProviderStaff, Administrator,
};
inline constexpr std::array kRoles = {
    Role::EmploymentReadinessSpecialist, Role::AcademicCareerAdvisor, Role::CaseManager,
    Role::CareerAgent, Role::BusinessServicesRepresentative, Role::Hybrid,
    Role::SpecialProjects, Role::Manager, Role::BoardProgramManager,
    Role::BoardAssistantDirector, Role::TrainingProviderStaff, Role::Administrator};

struct Staff {
  RecordId id;
  std::string name;
  std::string email;
  RecordId organisation;
  Role role = Role::CaseManager;
  bool active = true;  // P3: licensed (active) or deactivated
  std::string deactivation_reason;
  std::optional<LocalSeconds> deactivated_at;
  std::string pin_hash;  // P4: optional; empty = no PIN
  std::vector<RecordId> following;  // K1: records and people whose updates reach their feed
  Revision revision;
};

// [SECTION] Clients (C1, C2)
enum class Program { WioaAdult, WioaDislocatedWorker, WioaYouth, DirectServices };
inline constexpr std::array kPrograms = {Program::WioaAdult, Program::WioaDislocatedWorker,
                                         Program::WioaYouth, Program::DirectServices};

struct Client {
  RecordId id;
  std::string first_name;
  std::string last_name;
  std::chrono::year_month_day date_of_birth{};
  std::string email;
  std::string phone;
  std::vector<Program> programs;  // C1: one or more
  RecordId provider;              // the organisation that enrolled the client
  RecordId primary_contact;       // C2: ERS (adult) or ACA (youth)
  std::chrono::year_month_day enrolled_on{};
  // C4: exit from the program, with its date and reason; none while active.
  std::optional<std::chrono::year_month_day> exited_on;
  std::string exit_reason;
  // S1: when and how the customer agreed to their service strategy; none yet.
  std::optional<std::chrono::year_month_day> plan_agreed_on;
  std::string plan_agreed_how;
  std::string portal_pin_hash;  // M6: signs in to the job board with this PIN; empty = no access
  Revision revision;
};

// [SECTION] Individual Service Strategy (S1)
struct Goal {
  RecordId id;
  RecordId client;
  std::string text;  // e.g. "Earn a CNA certificate and work in long-term care"
  std::optional<std::chrono::year_month_day> achieved_on;
  Revision revision;
};

// How an activity ended: completed, or the client exited from it (C4).
enum class ActivityEnd { Completed, Exited };
inline constexpr std::array kActivityEnds = {ActivityEnd::Completed, ActivityEnd::Exited};

struct Activity {
  RecordId id;
  RecordId client;
  RecordId goal;               // the goal it serves, if any
  std::string name;            // e.g. "Certified Nursing Assistant course"
  RecordId training_provider;  // C5: set when it is training at a training provider
  std::chrono::year_month_day start{}, planned_end{};
  std::optional<std::chrono::year_month_day> actual_end;
  std::optional<ActivityEnd> end;
  std::string end_reason;
  Revision revision;
};

// [SECTION] Issues (E1-E5) and case notes (N5)
// Who brought the problem (E1).
enum class IssueSource { Client, TrainingProvider, Employer, BusinessAccountSpecialist, Staff };
inline constexpr std::array kIssueSources = {IssueSource::Client, IssueSource::TrainingProvider,
                                             IssueSource::Employer, IssueSource::BusinessAccountSpecialist,
                                             IssueSource::Staff};
// E5: how an issue ends.
enum class IssueOutcome { Resolved, CorrectiveActionPlan, ExitFromActivity, ExitFromProgram };
inline constexpr std::array kIssueOutcomes = {IssueOutcome::Resolved, IssueOutcome::CorrectiveActionPlan,
                                              IssueOutcome::ExitFromActivity, IssueOutcome::ExitFromProgram};

struct Issue {
  RecordId id;
  RecordId client;                 // a client issue, or
  RecordId employer;               // an employer issue (E1); exactly one is set
  std::string concern;             // the problem, concern or complaint, in words
  IssueSource source = IssueSource::Client;
  RecordId owner;                  // E2: the client's primary contact when raised
  LocalSeconds raised_at = 0;
  std::optional<LocalSeconds> owner_escalated_to_2, owner_escalated_to_3;  // E4: early
  std::optional<LocalSeconds> closed_at;
  std::optional<IssueOutcome> outcome;
  Revision revision;
};

// N5: every issue step, action and status on the client's file.
struct CaseNote {
  RecordId id;
  RecordId client;
  LocalSeconds at = 0;
  RecordId by;
  std::string text;
  RecordId issue;  // the issue it belongs to, if any
  // N5: set when the note is an agreement letter; `text` is the agreement.
  std::vector<std::string> letter_to;
  RecordId employer;  // a note on an employer's file (B5, employer issues) has no client
  RecordId corrects;  // N5: the note or contact this one corrects (neither is ever changed)
};

// [SECTION] Contacts (N1-N4)
enum class ContactType { InPerson, Telephone, Email, Letter };
inline constexpr std::array kContactTypes = {ContactType::InPerson, ContactType::Telephone, ContactType::Email,
                                             ContactType::Letter};
enum class ContactWith { Participant, Parent, School, Employer, Other };
inline constexpr std::array kContactWith = {ContactWith::Participant, ContactWith::Parent, ContactWith::School,
                                            ContactWith::Employer, ContactWith::Other};

// N3: at a contact, each current activity continues or ends.
enum class ActivityDecision { Continues, Completed, Exited };
inline constexpr std::array kActivityDecisions = {ActivityDecision::Continues, ActivityDecision::Completed,
                                                  ActivityDecision::Exited};

struct Contact {
  RecordId id;
  RecordId client;
  std::chrono::year_month_day date{};
  ContactType type = ContactType::InPerson;
  ContactWith with = ContactWith::Participant;
  std::string results;
  std::vector<std::string> documents;  // supporting documents listed (N1)
  RecordId by;                         // the staff member who made the contact
  // N3: each current activity reviewed at the contact, and what was decided.
  std::vector<std::pair<RecordId, ActivityDecision>> reviewed;
  Revision revision;
};

// [SECTION] Employers and accounts (B1-B5)
enum class EmployerKind { DirectEmployer, RecruitmentAgency, ThirdParty };
inline constexpr std::array kEmployerKinds = {EmployerKind::DirectEmployer, EmployerKind::RecruitmentAgency,
                                              EmployerKind::ThirdParty};

struct AccountOwner {  // B3
  RecordId staff;
  LocalSeconds since = 0;  // when they entered the account or joined it
};

// B4: where triage sent the business.
enum class TriageRoute { BoardBusinessTeam, Center };
inline constexpr std::array kTriageRoutes = {TriageRoute::BoardBusinessTeam, TriageRoute::Center};
struct Triage {
  TriageRoute route{};
  RecordId by;
  LocalSeconds at = 0;
  std::string note;
};

// B5: why staff-assisted service is refused, and the board's say.
struct Refusal {
  std::string concern;          // written down first
  std::string board_consulted;  // who at the board
  std::chrono::year_month_day consulted_on{};
  std::string board_outcome;
  RecordId by;
  LocalSeconds at = 0;
};

struct Employer {
  RecordId id;
  std::string legal_name;
  std::string fein;        // "12-3456789"
  std::string ui_account;  // the state unemployment-insurance account number, optional
  EmployerKind kind = EmployerKind::DirectEmployer;
  std::vector<AccountOwner> owners;
  std::optional<Triage> triage;
  std::optional<Refusal> refusal;  // while set, no staff-assisted service
  Revision revision;
};

// B1: one physical location with predominantly one economic activity.
struct Establishment {
  RecordId id;
  RecordId employer;
  std::string name;     // e.g. "Fresno warehouse"
  std::string address;  // street, city, state, ZIP
  std::string naics;    // six digits
  Revision revision;
};

enum class Channel { InPerson, Telephone, Email, Letter, Visit };
inline constexpr std::array kChannels = {Channel::InPerson, Channel::Telephone, Channel::Email, Channel::Letter,
                                         Channel::Visit};
enum class Direction { Outbound, Inbound };

// B2: the communications log of an account.
struct Communication {
  RecordId id;
  RecordId employer;
  std::chrono::year_month_day date{};
  Channel channel = Channel::Telephone;
  Direction direction = Direction::Outbound;
  bool reciprocated = false;  // the business answered, returned the call, or visited
  std::string summary;
  RecordId by;
  Revision revision;
};

// [SECTION] Job postings (J1-J4)
struct Job {
  RecordId id;
  RecordId employer, establishment;
  std::string title, description;
  int openings = 1;
  std::chrono::year_month_day received_on{};  // J1: when the business gave the job order
  LocalSeconds posted_at = 0;
  RecordId posted_by;
  RecordId owner;              // J1, J4: the job owner
  RecordId owner_organisation;
  std::chrono::year_month_day deadline{};      // J2: applications close at the end of this day
  int reserved_days = 0;       // J3: 3, 5 or 7 days for the owner's organisation; 0 = none
  std::string subsidised_program;  // J3, J4: e.g. "On-the-Job Training"; reserved for WIOA clients without end
  int times_posted = 1;        // J2: reposting after confirming the job is still open
  std::optional<LocalSeconds> closed_at;
  std::string close_reason;
  Revision revision;
};

// J4: a subsidised program and the organisation that owns its jobs.
struct SubsidisedProgram {
  std::string name;
  RecordId priority_organisation;
};

// [SECTION] Services to employers (R1)
enum class ServiceCategory {
  EmployerInformation, WorkforceRecruitment, StrategicPlanning, UntappedLaborPools, Training,
  IncumbentWorkerTraining, RapidResponse, PlanningLayoffResponse,
};
inline constexpr std::array kServiceCategories = {
    ServiceCategory::EmployerInformation, ServiceCategory::WorkforceRecruitment, ServiceCategory::StrategicPlanning,
    ServiceCategory::UntappedLaborPools, ServiceCategory::Training, ServiceCategory::IncumbentWorkerTraining,
    ServiceCategory::RapidResponse, ServiceCategory::PlanningLayoffResponse};

// R1: a local name for a service and the federal category it counts in.
struct LocalServiceType {
  std::string name;
  ServiceCategory category{};
};

struct Service {
  RecordId id;
  RecordId establishment, employer;
  std::chrono::year_month_day date{};
  ServiceCategory category{};
  std::string local_type;
  RecordId staff;         // who delivered it
  Program program{};
  std::string gained;     // what the employer gained
  LocalSeconds entered_at = 0;
  Revision revision;
  RecordId entered_by;    // empty before schema 5
  // P4, R1: a service entered by mistake is voided, never deleted: it leaves
  // the ESE files and the standards and stays visible, struck through.
  std::optional<LocalSeconds> voided_at;
  RecordId voided_by;
  std::string void_reason;
};
inline bool is_voided(const Service& s) { return s.voided_at.has_value(); }

// [SECTION] Matches and hires (M1-M5)
enum class MatchOrigin { SelfSelect, PartnerReferral };
// A self-select match starts Interested: the case manager explains the fit
// and submits it, which brings it to the job owner (M1, M3).
enum class MatchStage { Interested, AwaitingApproval, SentBack, WaitingToHearResults, Hired, NotHired, Withdrawn };
inline constexpr std::array kMatchStages = {MatchStage::Interested, MatchStage::AwaitingApproval, MatchStage::SentBack,
                                            MatchStage::WaitingToHearResults, MatchStage::Hired,
                                            MatchStage::NotHired, MatchStage::Withdrawn};
enum class MatchAction { Approve, SendBack, RecordInterview, RecordHired, RecordNotHired, Withdraw };
inline constexpr std::array kMatchActions = {MatchAction::Approve, MatchAction::SendBack,
                                             MatchAction::RecordInterview, MatchAction::RecordHired,
                                             MatchAction::RecordNotHired, MatchAction::Withdraw};

// M1: a job seeker and a job that may fit, and why.
struct MatchFit {
  std::string skills;        // skills and experience against the job's needs
  std::string readiness;     // job readiness
  std::string availability;  // when and how much they can work
  std::string barriers;      // barriers and how they are addressed
};

struct Match {
  RecordId id;
  RecordId client, job;
  MatchOrigin origin = MatchOrigin::PartnerReferral;
  MatchFit fit;
  RecordId referred_by;   // the staff member who referred (partner referral)
  RecordId job_owner;     // M2: the approvers
  RecordId case_manager;
  MatchStage stage = MatchStage::AwaitingApproval;
  std::optional<LocalSeconds> owner_approved_at, case_manager_approved_at;
  LocalSeconds ready_at = 0;                 // M3: when it last came to the job owner
  std::optional<LocalSeconds> owner_acted_at;  // the owner's first action since then
  std::string sent_back_reason;
  std::optional<LocalSeconds> interview_granted_at;
  std::optional<LocalSeconds> closed_at;
  std::string close_note;
  Revision revision;
};

// M4, M5: made by "hired"; each approver completes it.
struct Hire {
  RecordId id;
  RecordId match, client, job, establishment;
  std::chrono::year_month_day learned_of{};  // when staff learned of the hire
  LocalSeconds recorded_at = 0;
  std::optional<std::chrono::year_month_day> start_date;
  std::optional<int> wage_cents;        // hourly
  std::optional<double> hours_per_week;
  Revision revision;
  RecordId recorded_by;  // who recorded "hired" (R4: M5 timeliness is theirs)
};

// [SECTION] Notifications: what someone is told (B3, J1, E2)
struct Notification {
  RecordId id;
  RecordId to;
  LocalSeconds at = 0;
  std::string text;
  RecordId record;  // what it is about
  bool read = false;
  RecordId from;    // whose action sent it; empty for an alert the clock raised (K2)
};

// [SECTION] Conversation (K1)
// A comment on a client, employer, job, match, hire or issue. `tags` are the
// staff it names with @Name; `links` the records it names with #id.
struct Comment {
  RecordId id;
  RecordId record;
  RecordId by;
  LocalSeconds at = 0;
  std::string text;
  std::vector<RecordId> tags, links;
  RecordId corrects;  // N5: the comment this one corrects (a comment is never changed)
};

// [SECTION] Audit trail (P4): one entry per applied command.
struct AuditEntry {
  RecordId id;
  LocalSeconds at = 0;
  RecordId by;           // the staff member who made the change
  std::string command;   // the command's type, e.g. "enrol_client"
  RecordId record;       // the record the change is about
  std::string summary;   // what changed, in words
};

// [SECTION] Names as staff read them, and as stored
std::string_view kind_name(OrganisationKind k);   // stored: "one_stop_provider"
std::string_view kind_label(OrganisationKind k);  // shown: "One-stop provider"
std::optional<OrganisationKind> organisation_kind_from(std::string_view name);
std::string_view role_name(Role r);
std::string_view role_label(Role r);
std::optional<Role> role_from(std::string_view name);
std::string_view program_name(Program p);
std::string_view program_label(Program p);
std::optional<Program> program_from(std::string_view name);
std::string_view contact_type_name(ContactType t);
std::string_view contact_type_label(ContactType t);
std::optional<ContactType> contact_type_from(std::string_view name);
std::string_view contact_with_name(ContactWith w);
std::string_view contact_with_label(ContactWith w);
std::optional<ContactWith> contact_with_from(std::string_view name);
std::string_view source_name(IssueSource s);
std::string_view source_label(IssueSource s);
std::optional<IssueSource> issue_source_from(std::string_view name);
std::string_view outcome_name(IssueOutcome o);
std::string_view outcome_label(IssueOutcome o);
std::optional<IssueOutcome> issue_outcome_from(std::string_view name);
std::string_view activity_end_name(ActivityEnd e);
std::string_view activity_end_label(ActivityEnd e);
std::optional<ActivityEnd> activity_end_from(std::string_view name);
std::string_view employer_kind_name(EmployerKind k);
std::string_view employer_kind_label(EmployerKind k);
std::optional<EmployerKind> employer_kind_from(std::string_view name);
std::string_view channel_name(Channel c);
std::string_view channel_label(Channel c);
std::optional<Channel> channel_from(std::string_view name);
std::string_view route_name(TriageRoute r);
std::string_view route_label(TriageRoute r);
std::optional<TriageRoute> route_from(std::string_view name);
std::string_view category_name(ServiceCategory c);
std::string_view category_label(ServiceCategory c);  // the exact federal wording (R1)
std::optional<ServiceCategory> category_from(std::string_view name);
std::string_view match_stage_name(MatchStage s);
std::string_view match_stage_label(MatchStage s);  // "Waiting to Hear Results"
std::string_view match_action_name(MatchAction a);
std::string_view match_action_label(MatchAction a);
std::optional<MatchAction> match_action_from(std::string_view name);
std::optional<MatchStage> match_stage_from(std::string_view name);
std::string_view decision_name(ActivityDecision d);
std::string_view decision_label(ActivityDecision d);
std::optional<ActivityDecision> activity_decision_from(std::string_view name);

// C1: enrolled in both a WIOA program and the board's direct services.
bool is_dual_enrolled(const Client& c);
// C2: a client enrolled in WIOA Youth is served as a youth (an ACA); others as adults.
bool is_youth(const std::vector<Program>& programs);
inline bool is_active(const Client& c) { return !c.exited_on.has_value(); }
inline bool is_youth(const Client& c) { return is_youth(c.programs); }
// C1: WIOA Youth serves ages 14 to 24. A warning in words when the birth date
// puts the person outside them on `on` (a mistyped year, or the wrong program).
std::optional<std::string> youth_age_warning(const std::vector<Program>& programs, std::chrono::year_month_day birth,
                                             std::chrono::year_month_day on);
std::string full_name(const Client& c);
// Matching text people typed: ASCII case is ignored.
std::string lowercase(std::string_view text);
bool same_ignoring_case(std::string_view a, std::string_view b);
// Searching: case and accents are ignored, so "nunez" finds "Núñez" and
// "o'brien" finds "O’Brien". Every search compares folded(needle) with
// folded(text).
std::string folded(std::string_view text);
// folded(text), added to the end of `out`.
void append_folded(std::string& out, std::string_view text);
// A long list's sort keys, made once a row, one after another in one buffer:
// making 100,000 keys appends to it, where strings would be 100,000
// allocations to make and to free.
class SortKeys {
 public:
  void reserve(std::size_t rows) {
    ends_.reserve(rows);
    text_.reserve(rows * 24);
  }
  // The next row's key is what is appended here before end_row().
  std::string& text() { return text_; }
  void end_row() { ends_.push_back(std::uint32_t(text_.size())); }
  // A date, as 4 bytes that sort as the dates do (100,000 dates written out
  // as text took longer than the sort).
  void append(std::chrono::year_month_day date) {
    const auto days = std::uint32_t(std::chrono::sys_days(date).time_since_epoch().count()) + 0x80000000u;
    for (int shift = 24; shift >= 0; shift -= 8) text_ += char(days >> shift & 0xff);
  }
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t row) const {
    const std::uint32_t begin = row ? ends_[row - 1] : 0;
    return std::string_view(text_).substr(begin, ends_[row] - begin);
  }

 private:
  std::string text_;
  std::vector<std::uint32_t> ends_;
};
// The order (indexes into `keys`) that sorts them, equal keys as they came.
// Built at the speed of the core, not the size-built screens
// (cmake/web.cmake): a fifth of the time for 100,000 keys.
std::vector<std::uint32_t> sorted_order(const SortKeys& keys, bool ascending);
// Lists sort with sort_list: one merge sort of row numbers for all of them,
// equal rows kept in the order they came. A std::sort or std::stable_sort of
// its own for each comparison added 2-6 KB of wasm each, 150 KB in all. A
// comparison through a pointer takes twice the time, so lists as long as a
// board (a caseload, the ESE export, the indexes sorted on opening) keep
// std::sort.
struct RowLess {
  const void* list;
  bool (*less)(const void* list, std::uint32_t a, std::uint32_t b);
};
std::vector<std::uint32_t> stable_order(std::size_t rows, RowLess less);
template <class T, class Less>
void sort_list(std::vector<T>& list, Less less) {
  if (list.size() < 2) return;
  struct Context {
    const std::vector<T>& list;
    Less& less;
  } context{list, less};
  auto rows_less = [](const void* c, std::uint32_t a, std::uint32_t b) {
    const Context& x = *static_cast<const Context*>(c);
    return bool(x.less(x.list[a], x.list[b]));
  };
  const std::vector<std::uint32_t> order = stable_order(list.size(), {&context, rows_less});
  std::vector<T> sorted;
  sorted.reserve(list.size());
  for (std::uint32_t row : order) sorted.push_back(std::move(list[row]));
  list = std::move(sorted);
}
// Typing into a list's search box, one character at a time. The rows' folded
// texts are made on the list's first search and kept until the list changes
// (reset), and a needle that contains the last one looks only among the rows
// the last one found, so a keystroke reads texts, not records, and Backspace
// reads nothing.
class SearchIndex {
 public:
  void reset(std::size_t rows);
  // The rows, in order, whose text(i) contains `needle` as a search does
  // (folded); every row when the needle is empty. With a budget, the texts
  // are made for at most about that many milliseconds a call: until all are
  // made it answers null, and the caller asks again in its next frame.
  template <class Text>
  const std::vector<std::uint32_t>* find(std::string_view needle, Text text, double budget_ms = 0) {
    if (!needle.empty() && ends_.size() != rows_) {
      ends_.reserve(rows_);
      const auto start = std::chrono::steady_clock::now();
      for (std::size_t i = ends_.size(); i < rows_; ++i) {
        append_folded(texts_, text(i));
        ends_.push_back(std::uint32_t(texts_.size()));
        texts_ += '\0';
        if (budget_ms > 0 && i % 256 == 255 && i + 1 < rows_ &&
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() > budget_ms)
          return nullptr;
      }
    }
    return &find(folded(needle));
  }
  // The share of the texts made, 0 to 1.
  double made() const { return rows_ ? double(ends_.size()) / double(rows_) : 1.0; }

 private:
  const std::vector<std::uint32_t>& find(std::string needle);
  std::size_t rows_ = 0;
  // The rows' folded texts, made on the first search, one after another,
  // each ended by a '\0' (a needle typed has none): a search of every row is
  // one search of this text.
  std::string texts_;
  std::vector<std::uint32_t> ends_;  // where each row's text ends
  // The searches typed, each containing the one before it, so that Backspace
  // goes back to an answer already found.
  struct Found {
    std::string needle;
    std::vector<std::uint32_t> hits;
  };
  std::vector<Found> found_;
};

}  // namespace bw
