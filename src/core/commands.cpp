#include "commands.hpp"

#include <algorithm>
#include <cstdio>

#include "access.hpp"
#include "business.hpp"
#include "conversation.hpp"
#include "escalation.hpp"
#include "matches.hpp"
#include "plan.hpp"
#include "performance.hpp"
#include "report.hpp"

namespace bw {

// [SECTION] Catalogue: one description per command drives validation and docs
namespace {

enum class FieldType { Text, Id, Date, DateTime, OrganisationKind, Role, Programs, IssueSource, IssueOutcome,
                       ContactType, ContactWith, TextList, ActivityEnd, ActivityReviews, Bool, Int, EmployerKind,
                       Channel, TriageRoute, ServiceCategory, Program, MatchAction, Number };

struct Field {
  const char* name;
  FieldType type;
  bool required;
  const char* what;
};

struct CommandSpec {
  const char* type;
  const char* what;
  std::vector<Field> fields;
};

const std::vector<CommandSpec>& catalogue() {
  using T = FieldType;
  static const std::vector<CommandSpec> specs = {
      {"add_organisation", "Add an organisation of the workforce area (P1). Administrators.",
       {{"name", T::Text, true, "the organisation's name"},
        {"kind", T::OrganisationKind, true, "what the organisation is"}}},
      {"rename_organisation", "Rename an organisation. Administrators.",
       {{"organisation", T::Id, true, "the organisation"},
        {"name", T::Text, true, "the new name"}}},
      {"add_staff", "License a staff member (P2). Administrators.",
       {{"name", T::Text, true, "full name"},
        {"email", T::Text, false, "work email"},
        {"organisation", T::Id, true, "the organisation they work for"},
        {"role", T::Role, true, "their role"},
        {"pin", T::Text, false, "optional sign-in PIN, 4 to 8 digits (P4)"}}},
      {"update_staff", "Change a staff member's name, email or role. Administrators.",
       {{"staff", T::Id, true, "the staff member"},
        {"name", T::Text, true, "full name"},
        {"email", T::Text, false, "work email"},
        {"role", T::Role, true, "their role"}}},
      {"set_staff_pin", "Set or remove a staff member's sign-in PIN. Administrators, or "
                        "the staff member for themselves.",
       {{"staff", T::Id, true, "the staff member"},
        {"pin", T::Text, false, "4 to 8 digits; empty removes the PIN"}}},
      {"deactivate_staff", "Deactivate a staff member on separation (P3). Administrators.",
       {{"staff", T::Id, true, "the staff member"},
        {"reason", T::Text, true, "why, e.g. \"left the agency\""}}},
      {"reactivate_staff", "License a deactivated staff member again. Administrators.",
       {{"staff", T::Id, true, "the staff member"}}},
      {"enrol_client", "Enrol a job seeker or youth and give them their primary contact "
                       "(C1, C2).",
       {{"first_name", T::Text, true, "first name"},
        {"last_name", T::Text, true, "last name"},
        {"date_of_birth", T::Date, true, "YYYY-MM-DD"},
        {"email", T::Text, false, "email"},
        {"phone", T::Text, false, "phone"},
        {"programs", T::Programs, true, "one or more programs"},
        {"provider", T::Id, true, "the enrolling provider organisation"},
        {"primary_contact", T::Id, true,
         "an active ERS of the provider for an adult, an ACA for a youth"},
        {"enrolled_on", T::Date, false, "YYYY-MM-DD; today when left out"}}},
      {"update_client", "Correct a client's name, date of birth or contact details.",
       {{"client", T::Id, true, "the client"},
        {"first_name", T::Text, true, "first name"},
        {"last_name", T::Text, true, "last name"},
        {"date_of_birth", T::Date, true, "YYYY-MM-DD"},
        {"email", T::Text, false, "email"},
        {"phone", T::Text, false, "phone"}}},
      {"transfer_primary_contact", "Give a client another primary contact, as a last resort (C3). "
                                   "A Manager of the client's provider.",
       {{"client", T::Id, true, "the client"},
        {"primary_contact", T::Id, true, "the new primary contact, eligible as on enrolment (C2)"},
        {"reason", T::Text, true, "why, e.g. \"irreconcilable differences after management review\""}}},
      {"exit_client", "Exit a client from the program (C4). The primary contact, a Manager of the "
                      "provider, or an Administrator.",
       {{"client", T::Id, true, "the client"},
        {"exited_on", T::Date, false, "YYYY-MM-DD; today when left out"},
        {"reason", T::Text, true, "why, e.g. \"entered employment\""}}},
      {"record_contact", "Record a contact with or about a client (N1). Case staff.",
       {{"client", T::Id, true, "the client"},
        {"date", T::Date, false, "YYYY-MM-DD; today when left out"},
        {"contact_type", T::ContactType, true, "in_person, telephone, email or letter"},
        {"with", T::ContactWith, true, "participant, parent, school, employer or other"},
        {"results", T::Text, true, "what came of it"},
        {"documents", T::TextList, false, "supporting documents, e.g. [\"attendance sheet\"]"},
        {"activities", T::ActivityReviews, false,
         "N3: every current activity of the client, reviewed: [{activity, decision: continues, completed or "
         "exited, reason}]; a reason is required for exited"}}},
      {"raise_issue", "Raise a problem, concern or complaint about a client or an employer (E1). Its owner is "
                      "the client's primary contact, or for an employer the account's BAS (E2), who has until 17:00 "
                      "of the next business day (E3).",
       {{"client", T::Id, false, "the client (or give employer)"},
        {"employer", T::Id, false, "the employer (or give client)"},
        {"concern", T::Text, true, "the problem, in words"},
        {"source", T::IssueSource, true, "who brought it"}}},
      {"escalate_issue", "Escalate an open issue to the next level before its deadline (E4). Its owner.",
       {{"issue", T::Id, true, "the issue"}}},
      {"close_issue", "Close an issue with its outcome (E5). The owner, a Manager of the client's "
                      "provider, or at level 3 the board's Program Manager and Assistant Director.",
       {{"issue", T::Id, true, "the issue"},
        {"outcome", T::IssueOutcome, true, "how it ended"},
        {"note", T::Text, true, "what was done and agreed"}}},
      {"set_demo_clock", "Move the demo workspace's clock forward (T4). Demo workspaces only.",
       {{"at", T::DateTime, true, "YYYY-MM-DDTHH:MM local time, not before the real time"}}},
      {"add_closure", "Close the offices on a day: it is no business day (T2). Administrators.",
       {{"date", T::Date, true, "YYYY-MM-DD"},
        {"name", T::Text, true, "e.g. \"Day after Thanksgiving\""}}},
      {"remove_closure", "Remove a closure the board added (T2). Administrators.",
       {{"date", T::Date, true, "YYYY-MM-DD"}}},
      {"add_goal", "Add a goal to a client's Individual Service Strategy (S1). Case staff.",
       {{"client", T::Id, true, "the client"},
        {"text", T::Text, true, "the goal, in the customer's words where possible"}}},
      {"achieve_goal", "Mark a goal achieved (S1). Case staff.",
       {{"goal", T::Id, true, "the goal"},
        {"achieved_on", T::Date, false, "YYYY-MM-DD; today when left out"}}},
      {"add_activity", "Add an activity to a client's service strategy (S1); training at a training "
                       "provider makes the client its student (C5). Case staff.",
       {{"client", T::Id, true, "the client"},
        {"name", T::Text, true, "e.g. \"Certified Nursing Assistant course\""},
        {"goal", T::Id, false, "the goal it serves"},
        {"training_provider", T::Id, false, "the training provider, for training"},
        {"start", T::Date, true, "YYYY-MM-DD"},
        {"planned_end", T::Date, true, "YYYY-MM-DD, not before the start"}}},
      {"reschedule_activity", "Move an activity's planned end (S1, N3). Case staff.",
       {{"activity", T::Id, true, "the activity"},
        {"planned_end", T::Date, true, "YYYY-MM-DD, not before the start"},
        {"reason", T::Text, true, "why the plan changed"}}},
      {"end_activity", "End an activity: completed, or the client exits it (C4). Case staff.",
       {{"activity", T::Id, true, "the activity"},
        {"how", T::ActivityEnd, true, "completed or exited"},
        {"ended_on", T::Date, false, "YYYY-MM-DD; today when left out"},
        {"reason", T::Text, false, "required for exited"}}},
      {"record_plan_agreement", "Record when and how the customer agreed to their service strategy (S1). "
                                "Case staff.",
       {{"client", T::Id, true, "the client"},
        {"agreed_on", T::Date, false, "YYYY-MM-DD; today when left out"},
        {"how", T::Text, true, "e.g. \"signed the ISS in person\""}}},
      {"write_agreement_letter", "Write the letter that documents an agreement between parties (N5); it is "
                                 "kept as a case note and can be printed. Case staff.",
       {{"client", T::Id, true, "the client"},
        {"to", T::TextList, true, "the parties, e.g. [\"Aaliyah Garcia\", \"Summit Technical Institute\"]"},
        {"agreement", T::Text, true, "what was agreed"},
        {"issue", T::Id, false, "the issue the agreement settles"}}},
      {"add_employer", "Enter an employer with its first establishment (B1). Business staff; a BSR who enters it "
                       "owns the account (B3).",
       {{"legal_name", T::Text, true, "the employer's legal name"},
        {"fein", T::Text, true, "Federal Employer Identification Number, 12-3456789"},
        {"ui_account", T::Text, false, "state unemployment-insurance account number"},
        {"kind", T::EmployerKind, true, "direct_employer, recruitment_agency or third_party"},
        {"establishment", T::Text, true, "the establishment's name, e.g. \"Fresno warehouse\""},
        {"address", T::Text, true, "street, city, state, ZIP"},
        {"naics", T::Text, true, "six-digit NAICS code of its main activity"}}},
      {"update_employer", "Correct an employer's name, FEIN, UI account or kind. Business staff.",
       {{"employer", T::Id, true, "the employer"},
        {"legal_name", T::Text, true, "legal name"},
        {"fein", T::Text, true, "12-3456789"},
        {"ui_account", T::Text, false, "state UI account number"},
        {"kind", T::EmployerKind, true, "direct_employer, recruitment_agency or third_party"}}},
      {"add_establishment", "Add an establishment: one location, one main activity (B1). Business staff.",
       {{"employer", T::Id, true, "the employer"},
        {"name", T::Text, true, "e.g. \"Clovis clinic\""},
        {"address", T::Text, true, "street, city, state, ZIP"},
        {"naics", T::Text, true, "six-digit NAICS code"}}},
      {"log_communication", "Log a communication with an employer (B2). Business staff.",
       {{"employer", T::Id, true, "the employer"},
        {"date", T::Date, false, "YYYY-MM-DD; today when left out"},
        {"channel", T::Channel, true, "in_person, telephone, email, letter or visit"},
        {"inbound", T::Bool, false, "true when the business got in touch"},
        {"reciprocated", T::Bool, false, "true when the business answered our outreach"},
        {"summary", T::Text, true, "what was said"}}},
      {"join_account", "Add yourself as an owner of an employer account (B3); its owners are told. BSRs.",
       {{"employer", T::Id, true, "the employer"}}},
      {"triage_employer", "Route a business: focus sectors to the board's business team, others to the center "
                          "(B4). Business staff.",
       {{"employer", T::Id, true, "the employer"},
        {"route", T::TriageRoute, true, "board_business_team or center"},
        {"note", T::Text, false, "required when the route differs from the focus-sector rule"}}},
      {"set_focus_sectors", "Set the board's focus sectors (B4). Administrators.",
       {{"sectors", T::TextList, true, "sector names, as the \"sectors\" query lists them"}}},
      {"refuse_service", "Refuse staff-assisted service to an employer after consulting the board (B5). Business "
                         "staff.",
       {{"employer", T::Id, true, "the employer"},
        {"concern", T::Text, true, "the concern, e.g. safety protocols not followed"},
        {"board_consulted", T::Text, true, "who at the board was consulted"},
        {"consulted_on", T::Date, true, "YYYY-MM-DD"},
        {"board_outcome", T::Text, true, "what the board said"}}},
      {"restore_service", "Lift a refusal of service (B5). Business staff.",
       {{"employer", T::Id, true, "the employer"},
        {"note", T::Text, true, "why service resumes"}}},
      {"post_job", "Post a job order (J1-J4). Business staff; the poster owns it unless a subsidised "
                   "program's organisation takes priority.",
       {{"establishment", T::Id, true, "where the job is"},
        {"title", T::Text, true, "job title"},
        {"description", T::Text, false, "duties, hours, pay"},
        {"openings", T::Int, false, "number of openings; 1 when left out"},
        {"received_on", T::Date, false, "when the business gave the job order; today when left out"},
        {"deadline", T::Date, false, "application deadline; 14 days after posting when left out"},
        {"reserved_days", T::Int, false, "3, 5 or 7: only your organisation and its job seekers see it"},
        {"subsidised_program", T::Text, false, "e.g. \"On-the-Job Training\": only WIOA clients see it"}}},
      {"repost_job", "Repost a job after confirming with the business it is still open (J2). Its owner.",
       {{"job", T::Id, true, "the job"},
        {"deadline", T::Date, false, "new deadline; 14 days from today when left out"}}},
      {"close_job", "Close a job that is no longer open (J2). Its owner or a Manager.",
       {{"job", T::Id, true, "the job"},
        {"reason", T::Text, true, "e.g. \"filled\""}}},
      {"reassign_job", "Give a job another owner, e.g. when its owner left (P3). A Manager of the owner's "
                       "organisation, or an Administrator.",
       {{"job", T::Id, true, "the job"},
        {"owner", T::Id, true, "an active BSR, Hybrid or Manager of the same organisation"}}},
      {"set_subsidised_program", "Add or change a subsidised program and the organisation that owns its jobs "
                                 "(J4). Administrators.",
       {{"name", T::Text, true, "e.g. \"On-the-Job Training\""},
        {"priority_organisation", T::Id, true, "the organisation that owns its jobs"}}},
      {"remove_subsidised_program", "Remove a subsidised program (J4). Administrators.",
       {{"name", T::Text, true, "the program"}}},
      {"log_service", "Log a service to an establishment (R1). Business staff.",
       {{"establishment", T::Id, true, "the establishment served"},
        {"date", T::Date, false, "YYYY-MM-DD; today when left out"},
        {"local_type", T::Text, true, "a local service type from Settings; it sets the federal category"},
        {"staff", T::Id, false, "who delivered it; you when left out"},
        {"program", T::Program, true, "the program it was delivered under"},
        {"gained", T::Text, true, "what the employer gained"}}},
      {"set_local_service_type", "Add or change a local service type and its federal category (R1). "
                                 "Administrators.",
       {{"name", T::Text, true, "the local name"},
        {"category", T::ServiceCategory, true, "one of the eight federal categories"}}},
      {"remove_local_service_type", "Remove a local service type (R1). Administrators.",
       {{"name", T::Text, true, "the local name"}}},
      {"mark_read", "Mark a notification read, or all of yours.",
       {{"notification", T::Id, false, "the notification; all of yours when left out"}}},
      {"refer_match", "Refer a client to a job: a match record that explains the fit (M1). Case and business staff; "
                      "the job owner and the client's case manager approve it (M2).",
       {{"client", T::Id, true, "the client"},
        {"job", T::Id, true, "an open job on the client's job board"},
        {"skills", T::Text, true, "skills and experience against the job's needs"},
        {"readiness", T::Text, true, "job readiness"},
        {"availability", T::Text, true, "when and how much the client can work"},
        {"barriers", T::Text, true, "barriers and how they are addressed, or \"none\""}}},
      {"resubmit_match", "Edit a match sent back by the job owner and resubmit it (M3). The case manager.",
       {{"match", T::Id, true, "the match"},
        {"skills", T::Text, true, "skills and experience against the job's needs"},
        {"readiness", T::Text, true, "job readiness"},
        {"availability", T::Text, true, "availability"},
        {"barriers", T::Text, true, "barriers and how they are addressed"}}},
      {"act_on_match", "Approve, send back, record an interview, a hire or no hire, or withdraw (M3, M4). The job "
                       "owner or the case manager; \"hired\" creates the hire record.",
       {{"match", T::Id, true, "the match"},
        {"action", T::MatchAction, true, "approve, send_back, record_interview, record_hired, record_not_hired or withdraw"},
        {"note", T::Text, false, "required for send_back: what to change"},
        {"learned_of", T::Date, false, "record_hired: when you learned of the hire; today when left out"}}},
      {"complete_hire", "Complete a hire record: start date, hourly wage, hours a week (M4). Either approver.",
       {{"hire", T::Id, true, "the hire record"},
        {"start_date", T::Date, false, "YYYY-MM-DD"},
        {"hourly_wage", T::Number, false, "dollars an hour, e.g. 18.5"},
        {"hours_per_week", T::Number, false, "e.g. 40"}}},
      {"set_portal_access", "Give a client job board access with a PIN, or end it with an empty PIN (M6). Case staff.",
       {{"client", T::Id, true, "the client"},
        {"pin", T::Text, false, "4 to 8 digits the job seeker signs in with; empty or left out ends access"}}},
      {"mark_interest", "The signed-in job seeker says they are interested in a job on their job board: a self-select "
                        "match that their case manager explains and submits (M1, M6). Job seekers only.",
       {{"job", T::Id, true, "a job on the job seeker's board"}}},
      {"add_comment", "Comment on a client, employer, job, match, hire or issue (K1). @Full Name tags a person, who is "
                      "notified; #id links a record. Staff other than training-provider staff.",
       {{"record", T::Id, true, "the record commented on"},
        {"text", T::Text, true, "the comment"}}},
      {"follow", "Follow a record or a person: their comments and updates reach your feed (K1).",
       {{"target", T::Id, true, "a client, employer, job, match, hire, issue or staff member"}}},
      {"unfollow", "Stop following a record or a person (K1).",
       {{"target", T::Id, true, "what you follow"}}},
      {"set_state_establishments", "Enter the state's establishment total, the base of the employer penetration rate (R2). Administrators.",
       {{"count", T::Int, true, "establishments in the state, 1 or more"}}},
      {"record_ese_export", "Note that a quarter's ESE files were exported, by whom and when (R2). Those who may export.",
       {{"program_year", T::Int, true, "N for PY N (July 1 of N to June 30 of N+1)"},
        {"quarter", T::Int, true, "1 to 4"}}},
      {"set_target", "Set the board's target for a quarter, for the board or one organisation; 0 removes it (R4). The board's roles and Administrators.",
       {{"program_year", T::Int, true, "N for PY N"},
        {"quarter", T::Int, true, "1 to 4"},
        {"measure", T::Text, true, "establishments_served, placements, active_accounts or services"},
        {"organisation", T::Id, false, "the organisation; the board as a whole when left out"},
        {"value", T::Int, true, "the target, 0 to remove it"}}},
  };
  return specs;
}

const char* type_name(FieldType t) {
  switch (t) {
    case FieldType::Text: return "string";
    case FieldType::Id: return "record id";
    case FieldType::Date: return "date";
    case FieldType::DateTime: return "date-time";
    case FieldType::OrganisationKind: return "organisation kind";
    case FieldType::Role: return "role";
    case FieldType::Programs: return "program list";
    case FieldType::IssueSource: return "issue source";
    case FieldType::IssueOutcome: return "issue outcome";
    case FieldType::ContactType: return "contact type";
    case FieldType::ContactWith: return "contact party";
    case FieldType::TextList: return "list of strings";
    case FieldType::ActivityEnd: return "activity end";
    case FieldType::ActivityReviews: return "list of activity reviews";
    case FieldType::Bool: return "boolean";
    case FieldType::Int: return "whole number";
    case FieldType::EmployerKind: return "employer kind";
    case FieldType::Channel: return "channel";
    case FieldType::TriageRoute: return "triage route";
    case FieldType::ServiceCategory: return "service category";
    case FieldType::Program: return "program";
    case FieldType::MatchAction: return "match action";
    case FieldType::Number: return "number";
  }
  return "?";
}

std::string trimmed(std::string s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

constexpr double kMaxWhole = 1e9;

// W4: one text field holds at most kMaxTextChars; an id, a date or the name of
// a kind at most kMaxShortChars (docs/automation.md, "Limits").
std::optional<Error> check_length(const Field& f, const std::string& s) {
  const bool text = f.type == FieldType::Text || f.type == FieldType::TextList || f.type == FieldType::ActivityReviews;
  const std::size_t limit = text ? kMaxTextChars : kMaxShortChars;
  const std::size_t chars = utf8_chars(s);
  if (chars <= limit) return std::nullopt;
  return Error{"too_long", std::string(f.name) + " is " + std::to_string(chars) + " characters long; it can hold at most " +
                               std::to_string(limit) + ". Shorten it, or keep the full text in a document and note where it is."};
}

std::optional<Error> check_list(const Field& f, const json& v) {
  if (v.size() <= kMaxListItems) return std::nullopt;
  return Error{"too_long", std::string(f.name) + " has " + std::to_string(v.size()) + " entries; it can hold at most " +
                               std::to_string(kMaxListItems) + "."};
}

// Checks a command's JSON against its spec: presence, JSON types and sizes.
std::optional<Error> check_fields(const CommandSpec& spec, const json& j) {
  for (auto& item : j.items()) {
    const std::string& key = item.key();
    if (key == "type") continue;
    const bool known = std::any_of(spec.fields.begin(), spec.fields.end(),
                                   [&](const Field& f) { return key == f.name; });
    if (!known)
      return Error{"unknown_field", std::string(spec.type) + " has no field \"" + key + "\"."};
  }
  for (const Field& f : spec.fields) {
    if (!j.contains(f.name) || j[f.name].is_null()) {
      if (f.required) return Error{"missing_field", std::string(f.name) + " is required."};
      continue;
    }
    const json& v = j[f.name];
    if (f.type == FieldType::Programs) {
      bool ok = v.is_array() && std::all_of(v.begin(), v.end(), [](const json& e) {
        return e.is_string() && program_from(e.get<std::string>());
      });
      if (!ok) return Error{"invalid_field", "programs must be a list of program names."};
      continue;
    }
    if (f.type == FieldType::ActivityReviews) {
      const bool ok = v.is_array() && std::all_of(v.begin(), v.end(), [](const json& e) {
        return e.is_object() && e.contains("activity") && e["activity"].is_string() && e.contains("decision") &&
               e["decision"].is_string() && activity_decision_from(e["decision"].get<std::string>()) &&
               (!e.contains("reason") || e["reason"].is_string());
      });
      if (!ok)
        return Error{"invalid_field", "activities must be a list of {activity, decision, reason}; decision is "
                                      "continues, completed or exited."};
      if (auto e = check_list(f, v)) return e;
      for (const json& e : v)
        if (auto too_long = check_length(f, e.value("reason", ""))) return too_long;
      continue;
    }
    if (f.type == FieldType::Bool) {
      if (!v.is_boolean()) return Error{"invalid_field", std::string(f.name) + " must be true or false."};
      continue;
    }
    if (f.type == FieldType::Number) {
      if (!v.is_number()) return Error{"invalid_field", std::string(f.name) + " must be a number."};
      continue;
    }
    if (f.type == FieldType::Int) {
      // W4: whole numbers a person could mean; larger ones would not fit the records' fields.
      if (!v.is_number_integer() || v.get<double>() < -kMaxWhole || v.get<double>() > kMaxWhole)
        return Error{"invalid_field", std::string(f.name) + " must be a whole number from -1,000,000,000 to 1,000,000,000."};
      continue;
    }
    if (f.type == FieldType::TextList) {
      const bool ok = v.is_array() && std::all_of(v.begin(), v.end(), [](const json& e) { return e.is_string(); });
      if (!ok) return Error{"invalid_field", std::string(f.name) + " must be a list of strings."};
      if (auto e = check_list(f, v)) return e;
      for (const json& e : v)
        if (auto too_long = check_length(f, e.get<std::string>())) return too_long;
      continue;
    }
    if (!v.is_string())
      return Error{"invalid_field", std::string(f.name) + " must be a " + type_name(f.type) + "."};
    const std::string s = v.get<std::string>();
    if (auto e = check_length(f, s)) return e;
    if (f.type == FieldType::OrganisationKind && !organisation_kind_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not an organisation kind."};
    if (f.type == FieldType::Role && !role_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a role."};
    if (f.type == FieldType::ContactType && !contact_type_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a contact type."};
    if (f.type == FieldType::ContactWith && !contact_with_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a contact party."};
    if (f.type == FieldType::IssueSource && !issue_source_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not an issue source."};
    if (f.type == FieldType::IssueOutcome && !issue_outcome_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not an issue outcome."};
    if (f.type == FieldType::EmployerKind && !employer_kind_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not an employer kind."};
    if (f.type == FieldType::Channel && !channel_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a channel."};
    if (f.type == FieldType::TriageRoute && !route_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a triage route."};
    if (f.type == FieldType::ServiceCategory && !category_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a service category."};
    if (f.type == FieldType::MatchAction && !match_action_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a match action."};
    if (f.type == FieldType::Program && !program_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not a program."};
    if (f.type == FieldType::ActivityEnd && !activity_end_from(s))
      return Error{"invalid_field", "\"" + s + "\" is not how an activity ends (completed or exited)."};
  }
  return std::nullopt;
}

std::string text(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? trimmed(j[key].get<std::string>()) : "";
}

std::vector<std::string> texts(const json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key) && j[key].is_array())
    for (auto& e : j[key]) out.push_back(trimmed(e.get<std::string>()));
  return out;
}

std::vector<Program> programs(const json& j) {
  std::vector<Program> out;
  for (auto& e : j.at("programs"))
    if (auto p = program_from(e.get<std::string>());
        p && std::find(out.begin(), out.end(), *p) == out.end())
      out.push_back(*p);
  return out;
}

}  // namespace

std::variant<Command, Error> command_from_json(const json& j) {
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
    return Error{"invalid_command", "A command is an object with a \"type\"."};
  const std::string type = j["type"].get<std::string>();
  auto spec = std::find_if(catalogue().begin(), catalogue().end(),
                           [&](const CommandSpec& s) { return type == s.type; });
  if (spec == catalogue().end())
    return Error{"unknown_command", "There is no command \"" + type + "\"."};
  if (auto e = check_fields(*spec, j)) return *e;

  if (type == "add_organisation")
    return AddOrganisation{text(j, "name"), *organisation_kind_from(text(j, "kind"))};
  if (type == "rename_organisation")
    return RenameOrganisation{text(j, "organisation"), text(j, "name")};
  if (type == "add_staff")
    return AddStaff{text(j, "name"), text(j, "email"), text(j, "organisation"),
                    *role_from(text(j, "role")), text(j, "pin")};
  if (type == "update_staff")
    return UpdateStaff{text(j, "staff"), text(j, "name"), text(j, "email"),
                       *role_from(text(j, "role"))};
  if (type == "set_staff_pin") return SetStaffPin{text(j, "staff"), text(j, "pin")};
  if (type == "deactivate_staff") return DeactivateStaff{text(j, "staff"), text(j, "reason")};
  if (type == "reactivate_staff") return ReactivateStaff{text(j, "staff")};
  if (type == "enrol_client")
    return EnrolClient{text(j, "first_name"), text(j, "last_name"), text(j, "date_of_birth"),
                       text(j, "email"), text(j, "phone"), programs(j),
                       text(j, "provider"), text(j, "primary_contact"), text(j, "enrolled_on")};
  if (type == "update_client")
    return UpdateClient{text(j, "client"), text(j, "first_name"), text(j, "last_name"),
                        text(j, "date_of_birth"), text(j, "email"), text(j, "phone")};
  if (type == "transfer_primary_contact")
    return TransferPrimaryContact{text(j, "client"), text(j, "primary_contact"), text(j, "reason")};
  if (type == "exit_client") return ExitClient{text(j, "client"), text(j, "exited_on"), text(j, "reason")};
  if (type == "record_contact") {
    std::vector<ActivityReview> reviews;
    if (j.contains("activities") && j["activities"].is_array())
      for (auto& r : j["activities"])
        reviews.push_back({text(r, "activity"), *activity_decision_from(text(r, "decision")), text(r, "reason")});
    return RecordContact{text(j, "client"), text(j, "date"), *contact_type_from(text(j, "contact_type")),
                         *contact_with_from(text(j, "with")), text(j, "results"), texts(j, "documents"), reviews};
  }
  if (type == "raise_issue")
    return RaiseIssue{text(j, "client"), text(j, "concern"), *issue_source_from(text(j, "source")), text(j, "employer")};
  if (type == "escalate_issue") return EscalateIssue{text(j, "issue")};
  if (type == "close_issue")
    return CloseIssue{text(j, "issue"), *issue_outcome_from(text(j, "outcome")), text(j, "note")};
  if (type == "set_demo_clock") return SetDemoClock{text(j, "at")};
  if (type == "add_closure") return AddClosure{text(j, "date"), text(j, "name")};
  if (type == "remove_closure") return RemoveClosure{text(j, "date")};
  if (type == "add_goal") return AddGoal{text(j, "client"), text(j, "text")};
  if (type == "achieve_goal") return AchieveGoal{text(j, "goal"), text(j, "achieved_on")};
  if (type == "add_activity")
    return AddActivity{text(j, "client"), text(j, "name"), text(j, "goal"), text(j, "training_provider"),
                       text(j, "start"), text(j, "planned_end")};
  if (type == "reschedule_activity")
    return RescheduleActivity{text(j, "activity"), text(j, "planned_end"), text(j, "reason")};
  if (type == "end_activity")
    return EndActivity{text(j, "activity"), *activity_end_from(text(j, "how")), text(j, "ended_on"), text(j, "reason")};
  if (type == "record_plan_agreement")
    return RecordPlanAgreement{text(j, "client"), text(j, "agreed_on"), text(j, "how")};
  if (type == "write_agreement_letter")
    return WriteAgreementLetter{text(j, "client"), texts(j, "to"), text(j, "agreement"), text(j, "issue")};
  auto flag = [&](const char* key) { return j.contains(key) && j[key].is_boolean() && j[key].get<bool>(); };
  auto number = [&](const char* key, int otherwise) {
    return j.contains(key) && j[key].is_number_integer() ? j[key].get<int>() : otherwise;
  };
  if (type == "add_employer")
    return AddEmployer{text(j, "legal_name"), text(j, "fein"), text(j, "ui_account"), *employer_kind_from(text(j, "kind")),
                       text(j, "establishment"), text(j, "address"), text(j, "naics")};
  if (type == "update_employer")
    return UpdateEmployer{text(j, "employer"), text(j, "legal_name"), text(j, "fein"), text(j, "ui_account"),
                          *employer_kind_from(text(j, "kind"))};
  if (type == "add_establishment")
    return AddEstablishment{text(j, "employer"), text(j, "name"), text(j, "address"), text(j, "naics")};
  if (type == "log_communication")
    return LogCommunication{text(j, "employer"), text(j, "date"), *channel_from(text(j, "channel")), flag("inbound"),
                            flag("reciprocated"), text(j, "summary")};
  if (type == "join_account") return JoinAccount{text(j, "employer")};
  if (type == "triage_employer")
    return TriageEmployer{text(j, "employer"), *route_from(text(j, "route")), text(j, "note")};
  if (type == "set_focus_sectors") return SetFocusSectors{texts(j, "sectors")};
  if (type == "refuse_service")
    return RefuseService{text(j, "employer"), text(j, "concern"), text(j, "board_consulted"), text(j, "consulted_on"),
                         text(j, "board_outcome")};
  if (type == "restore_service") return RestoreService{text(j, "employer"), text(j, "note")};
  if (type == "post_job")
    return PostJob{text(j, "establishment"), text(j, "title"), text(j, "description"), number("openings", 1),
                   text(j, "received_on"), text(j, "deadline"), number("reserved_days", 0), text(j, "subsidised_program")};
  if (type == "repost_job") return RepostJob{text(j, "job"), text(j, "deadline")};
  if (type == "close_job") return CloseJob{text(j, "job"), text(j, "reason")};
  if (type == "reassign_job") return ReassignJob{text(j, "job"), text(j, "owner")};
  if (type == "set_subsidised_program")
    return SetSubsidisedProgram{text(j, "name"), text(j, "priority_organisation")};
  if (type == "remove_subsidised_program") return RemoveSubsidisedProgram{text(j, "name")};
  if (type == "log_service")
    return LogService{text(j, "establishment"), text(j, "date"), text(j, "local_type"), text(j, "staff"),
                      *program_from(text(j, "program")), text(j, "gained")};
  if (type == "set_local_service_type")
    return SetLocalServiceType{text(j, "name"), *category_from(text(j, "category"))};
  if (type == "remove_local_service_type") return RemoveLocalServiceType{text(j, "name")};
  if (type == "mark_read") return MarkRead{text(j, "notification")};
  const MatchFit fit{text(j, "skills"), text(j, "readiness"), text(j, "availability"), text(j, "barriers")};
  if (type == "refer_match") return ReferMatch{text(j, "client"), text(j, "job"), fit};
  if (type == "resubmit_match") return ResubmitMatch{text(j, "match"), fit};
  if (type == "act_on_match")
    return ActOnMatch{text(j, "match"), *match_action_from(text(j, "action")), text(j, "note"), text(j, "learned_of")};
  auto decimal = [&](const char* key) {
    return j.contains(key) && j[key].is_number() ? std::optional(j[key].get<double>()) : std::nullopt;
  };
  if (type == "complete_hire")
    return CompleteHire{text(j, "hire"), text(j, "start_date"), decimal("hourly_wage"), decimal("hours_per_week")};
  if (type == "set_portal_access") return SetPortalAccess{text(j, "client"), text(j, "pin")};
  if (type == "mark_interest") return MarkInterest{text(j, "job")};
  if (type == "add_comment") return AddComment{text(j, "record"), text(j, "text")};
  if (type == "follow") return Follow{text(j, "target")};
  if (type == "unfollow") return Unfollow{text(j, "target")};
  if (type == "set_state_establishments") return SetStateEstablishments{j["count"].get<long long>()};
  if (type == "record_ese_export") return RecordEseExport{number("program_year", 0), number("quarter", 0)};
  return SetTarget{number("program_year", 0), number("quarter", 0), text(j, "measure"), text(j, "organisation"),
                   j["value"].get<long long>()};
}

std::string_view command_type(const Command& cmd) {
  return catalogue()[cmd.index()].type;  // catalogue order = variant order
}

json command_catalogue() {
  json out = json::array();
  for (const CommandSpec& s : catalogue()) {
    json fields = json::array();
    for (const Field& f : s.fields)
      fields.push_back({{"name", f.name}, {"type", type_name(f.type)},
                        {"required", f.required}, {"description", f.what}});
    out.push_back({{"type", s.type}, {"description", s.what}, {"fields", fields}});
  }
  return out;
}

std::string pin_hash(const RecordId& staff, std::string_view pin) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over "id:pin"
  for (char c : staff + ":" + std::string(pin)) h = (h ^ std::uint8_t(c)) * 1099511628211ULL;
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// [SECTION] Apply
namespace {

using namespace std::chrono;

struct Applier {
  Workspace& ws;
  const Context& ctx;
  const Staff* actor = nullptr;
  std::string_view command;  // the type of the command being applied
  const Client* seeker = nullptr;  // M6: set (and `actor` null) when a job seeker acts

  Outcome refuse(std::string code, std::string message) const {
    return Outcome::refuse(std::move(code), std::move(message));
  }

  void stamp(Revision& r) const {
    r.number += 1;
    r.changed_by = ctx.actor;
    r.changed_at = ctx.now;
  }

  // P4: every change is recorded with who and when.
  Outcome done(const RecordId& record, std::string summary) {
    AuditEntry e{ws.new_id(), ctx.now, ctx.actor, std::string(command), record,
                 std::move(summary)};
    ws.index_audit(e);
    Outcome o{true, record, {}, {}, {record, e.id}};
    ws.audit.emplace(e.id, std::move(e));
    return o;
  }

  std::optional<Outcome> need_people_manager() const {
    if (!can_manage_people(*actor))
      return refuse("not_allowed", "Only an Administrator can change organisations and staff.");
    return std::nullopt;
  }

  static std::optional<std::string> pin_problem(const std::string& pin) {
    if (pin.empty()) return std::nullopt;
    const bool digits = std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || pin.size() < 4 || pin.size() > 8) return "A PIN is 4 to 8 digits.";
    return std::nullopt;
  }

  Outcome operator()(const AddOrganisation& c) {
    if (auto r = need_people_manager()) return *r;
    if (c.name.empty()) return refuse("missing_field", "The organisation needs a name.");
    for (auto& [id, o] : ws.organisations)
      if (o.name == c.name) return refuse("duplicate", "There is already an organisation \"" + c.name + "\".");
    if (c.kind == OrganisationKind::Board)
      for (auto& [id, o] : ws.organisations)
        if (o.kind == OrganisationKind::Board)
          return refuse("duplicate", "The workspace already has its board, " + o.name + ".");
    Organisation o{ws.new_id(), c.name, c.kind, {}};
    stamp(o.revision);
    const RecordId id = o.id;
    ws.organisations.emplace(id, std::move(o));
    return done(id, "Added " + std::string(kind_label(c.kind)) + " " + c.name);
  }

  Outcome operator()(const RenameOrganisation& c) {
    if (auto r = need_people_manager()) return *r;
    auto it = ws.organisations.find(c.organisation);
    if (it == ws.organisations.end()) return refuse("not_found", "No such organisation.");
    if (c.name.empty()) return refuse("missing_field", "The organisation needs a name.");
    const std::string old = it->second.name;
    it->second.name = c.name;
    stamp(it->second.revision);
    return done(c.organisation, "Renamed " + old + " to " + c.name);
  }

  std::optional<Outcome> check_staff_fields(const std::string& name, Role role,
                                            const RecordId& organisation) const {
    if (name.empty()) return refuse("missing_field", "The staff member needs a name.");
    const Organisation* org = ws.find_organisation(organisation);
    if (!org) return refuse("not_found", "Choose the organisation they work for.");
    if (auto why = role_refusal(role, org->kind)) return refuse("not_allowed", *why);
    return std::nullopt;
  }

  Outcome operator()(const AddStaff& c) {
    if (auto r = need_people_manager()) return *r;
    if (auto r = check_staff_fields(c.name, c.role, c.organisation)) return *r;
    if (auto why = pin_problem(c.pin)) return refuse("invalid_field", *why);
    Staff s;
    s.id = ws.new_id();
    s.name = c.name;
    s.email = c.email;
    s.organisation = c.organisation;
    s.role = c.role;
    if (!c.pin.empty()) s.pin_hash = pin_hash(s.id, c.pin);
    stamp(s.revision);
    const RecordId id = s.id;
    ws.staff.emplace(id, std::move(s));
    return done(id, "Licensed " + c.name + " as " + std::string(role_label(c.role)));
  }

  Outcome operator()(const UpdateStaff& c) {
    if (auto r = need_people_manager()) return *r;
    auto it = ws.staff.find(c.staff);
    if (it == ws.staff.end()) return refuse("not_found", "No such staff member.");
    Staff& s = it->second;
    if (auto r = check_staff_fields(c.name, c.role, s.organisation)) return *r;
    if (c.role != s.role) {
      // C2: a primary contact keeps the role that made them eligible.
      const auto caseload = std::count_if(ws.clients.begin(), ws.clients.end(),
                                          [&](auto& kv) { return kv.second.primary_contact == s.id; });
      if (caseload > 0)
        return refuse("not_allowed", s.name + " is the primary contact of " + std::to_string(caseload) +
                                         " clients: their role stays " + std::string(role_label(s.role)) +
                                         " until those clients are transferred (C2).");
    }
    s.name = c.name;
    s.email = c.email;
    s.role = c.role;
    stamp(s.revision);
    return done(s.id, "Updated " + s.name + " (" + std::string(role_label(s.role)) + ")");
  }

  Outcome operator()(const SetStaffPin& c) {
    auto it = ws.staff.find(c.staff);
    if (it == ws.staff.end()) return refuse("not_found", "No such staff member.");
    if (c.staff != ctx.actor && !can_manage_people(*actor))
      return refuse("not_allowed", "Only an Administrator can set another person's PIN.");
    if (auto why = pin_problem(c.pin)) return refuse("invalid_field", *why);
    Staff& s = it->second;
    s.pin_hash = c.pin.empty() ? "" : pin_hash(s.id, c.pin);
    stamp(s.revision);
    return done(s.id, c.pin.empty() ? "Removed the PIN of " + s.name : "Set the PIN of " + s.name);
  }

  Outcome operator()(const DeactivateStaff& c) {
    if (auto r = need_people_manager()) return *r;
    auto it = ws.staff.find(c.staff);
    if (it == ws.staff.end()) return refuse("not_found", "No such staff member.");
    Staff& s = it->second;
    if (!s.active) return refuse("not_allowed", s.name + " is already deactivated.");
    if (s.id == ctx.actor) return refuse("not_allowed", "You cannot deactivate yourself.");
    if (c.reason.empty()) return refuse("missing_field", "Give the reason for deactivation.");
    s.active = false;
    s.deactivation_reason = c.reason;
    s.deactivated_at = ctx.now;
    stamp(s.revision);
    return done(s.id, "Deactivated " + s.name + ": " + c.reason);
  }

  Outcome operator()(const ReactivateStaff& c) {
    if (auto r = need_people_manager()) return *r;
    auto it = ws.staff.find(c.staff);
    if (it == ws.staff.end()) return refuse("not_found", "No such staff member.");
    Staff& s = it->second;
    if (s.active) return refuse("not_allowed", s.name + " is already active.");
    s.active = true;
    s.deactivation_reason.clear();
    s.deactivated_at.reset();
    stamp(s.revision);
    return done(s.id, "Reactivated " + s.name);
  }

  std::optional<Outcome> check_person(const std::string& first, const std::string& last,
                                      const std::string& dob, year_month_day& birth) const {
    if (first.empty()) return refuse("missing_field", "First name is required.");
    if (last.empty()) return refuse("missing_field", "Last name is required.");
    auto parsed = parse_iso_date(dob);
    if (!parsed) return refuse("invalid_field", "Date of birth must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (*parsed > date_of(ctx.now)) return refuse("invalid_field", "Date of birth is in the future.");
    if (age_on(*parsed, date_of(ctx.now)) > 120) return refuse("invalid_field", "Date of birth is more than 120 years ago.");
    birth = *parsed;
    return std::nullopt;
  }

  // C2, P3: an active ERS (adult) or ACA (youth) of the client's provider.
  std::optional<Outcome> check_primary_contact(const RecordId& id, bool youth, const Organisation& provider) const {
    const Staff* contact = ws.find_staff(id);
    const std::string wanted(role_label(primary_contact_role(youth)));
    if (!contact) return refuse("missing_field", "Choose the primary contact: an " + wanted + " (C2).");
    if (!contact->active) return refuse("not_allowed", contact->name + " is deactivated and cannot be assigned (P3).");
    if (contact->role != primary_contact_role(youth))
      return refuse("not_allowed", std::string(youth ? "A youth's" : "An adult's") + " primary contact is an " + wanted +
                                       "; " + contact->name + " is " + std::string(role_label(contact->role)) + " (C2).");
    if (contact->organisation != provider.id)
      return refuse("not_allowed", contact->name + " does not work for " + provider.name + ".");
    return std::nullopt;
  }

  Outcome operator()(const EnrolClient& c) {
    if (!can_enrol_clients(*actor))
      return refuse("not_allowed", std::string(role_label(actor->role)) + " staff cannot enrol clients.");
    Client client;
    if (auto r = check_person(c.first_name, c.last_name, c.date_of_birth, client.date_of_birth)) return *r;
    if (c.programs.empty()) return refuse("missing_field", "Choose at least one program (C1).");
    const Organisation* provider = ws.find_organisation(c.provider);
    if (!provider) return refuse("not_found", "Choose the enrolling provider.");
    if (provider->kind == OrganisationKind::TrainingProvider)
      return refuse("not_allowed", "A training provider does not enrol clients (C5).");
    client.enrolled_on = date_of(ctx.now);
    if (!c.enrolled_on.empty()) {
      auto d = parse_iso_date(c.enrolled_on);
      if (!d) return refuse("invalid_field", "Enrolment date must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
      if (*d > date_of(ctx.now)) return refuse("invalid_field", "Enrolment date is in the future.");
      client.enrolled_on = *d;
    }
    client.programs = c.programs;
    if (auto r = check_primary_contact(c.primary_contact, is_youth(client), *provider)) return *r;
    const Staff* contact = ws.find_staff(c.primary_contact);
    client.id = ws.new_id();
    client.first_name = c.first_name;
    client.last_name = c.last_name;
    client.email = c.email;
    client.phone = c.phone;
    client.provider = c.provider;
    client.primary_contact = c.primary_contact;
    stamp(client.revision);
    const RecordId id = client.id;
    const std::string summary = "Enrolled " + full_name(client) + " with " + provider->name +
                                "; primary contact " + contact->name;
    ws.clients.emplace(id, std::move(client));
    return done(id, summary);
  }

  Outcome operator()(const UpdateClient& c) {
    auto it = ws.clients.find(c.client);
    if (it == ws.clients.end()) return refuse("not_found", "No such client.");
    if (!can_enrol_clients(*actor))
      return refuse("not_allowed", std::string(role_label(actor->role)) + " staff cannot change client records.");
    year_month_day birth;
    if (auto r = check_person(c.first_name, c.last_name, c.date_of_birth, birth)) return *r;
    Client& client = it->second;
    client.first_name = c.first_name;
    client.last_name = c.last_name;
    client.date_of_birth = birth;
    client.email = c.email;
    client.phone = c.phone;
    stamp(client.revision);
    return done(client.id, "Updated the details of " + full_name(client));
  }

  Outcome operator()(const TransferPrimaryContact& c) {
    auto it = ws.clients.find(c.client);
    if (it == ws.clients.end()) return refuse("not_found", "No such client.");
    Client& client = it->second;
    if (auto why = transfer_refusal(*actor, client)) return refuse("not_allowed", *why);
    if (!is_active(client)) return refuse("not_allowed", full_name(client) + " has exited the program.");
    if (c.reason.empty()) return refuse("missing_field", "Record the reason for the transfer (C3).");
    if (c.primary_contact == client.primary_contact)
      return refuse("not_allowed", "That is already the client's primary contact.");
    if (auto r = check_primary_contact(c.primary_contact, is_youth(client), ws.organisations.at(client.provider))) return *r;
    const std::string from = ws.staff.at(client.primary_contact).name;
    client.primary_contact = c.primary_contact;
    stamp(client.revision);
    Outcome o = done(client.id, "Transferred " + full_name(client) + " from " + from + " to " +
                                    ws.staff.at(c.primary_contact).name + ": " + c.reason);
    // E2: the client's open issues follow their primary contact.
    for (auto& [id, issue] : ws.issues)
      if (issue.client == client.id && is_open(issue)) {
        issue.owner = c.primary_contact;
        stamp(issue.revision);
        o.touched.push_back(id);
      }
    return o;
  }

  Outcome operator()(const ExitClient& c) {
    auto it = ws.clients.find(c.client);
    if (it == ws.clients.end()) return refuse("not_found", "No such client.");
    Client& client = it->second;
    if (!can_exit_client(*actor, client))
      return refuse("not_allowed", "Only the primary contact, a Manager of the provider or an Administrator can exit a client (C4).");
    if (!is_active(client)) return refuse("not_allowed", full_name(client) + " has already exited the program.");
    if (c.reason.empty()) return refuse("missing_field", "Record the reason for the exit (C4).");
    auto on = c.exited_on.empty() ? std::optional(date_of(ctx.now)) : parse_iso_date(c.exited_on);
    if (!on) return refuse("invalid_field", "Exit date must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (*on > date_of(ctx.now)) return refuse("invalid_field", "Exit date is in the future.");
    if (*on < client.enrolled_on) return refuse("invalid_field", "Exit date is before the enrolment date.");
    client.exited_on = *on;
    client.exit_reason = c.reason;
    stamp(client.revision);
    return done(client.id, "Exited " + full_name(client) + " from the program on " + display_date(*on) + ": " + c.reason);
  }

  // N5: every action and status is also a case note on the client's file.
  void add_note(Outcome& o, const RecordId& client, std::string text, const RecordId& issue = {},
                const RecordId& employer = {}) {
    CaseNote n{ws.new_id(), client, ctx.now, ctx.actor, std::move(text), issue, {}, employer};
    o.touched.push_back(n.id);
    ws.add_case_note(std::move(n));
  }

  // An employer issue's notes go on the employer's file.
  Outcome done_with_case_note(const Issue& issue, std::string summary, std::string note) {
    Outcome o = done(issue.id, std::move(summary));
    add_note(o, issue.client, std::move(note), issue.id, issue.employer);
    return o;
  }

  // B3, J1, E2: someone is told (their inbox).
  void notify(Outcome& o, const RecordId& to, std::string text, const RecordId& record, bool even_the_actor = false) {
    if (to.empty() || (to == ctx.actor && !even_the_actor)) return;
    Notification n{ws.new_id(), to, ctx.now, std::move(text), record, false, ctx.actor};
    o.touched.push_back(n.id);
    ws.add_notification(std::move(n));
  }

  std::optional<Outcome> need_case_staff() const {
    if (!can_enrol_clients(*actor))
      return refuse("not_allowed", std::string(role_label(actor->role)) + " staff do not keep client records.");
    return std::nullopt;
  }

  // A date field: today when empty; never in the future.
  std::variant<year_month_day, Outcome> day_of(const std::string& value, const char* what) const {
    auto d = value.empty() ? std::optional(date_of(ctx.now)) : parse_iso_date(value);
    if (!d) return refuse("invalid_field", std::string(what) + " must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (*d > date_of(ctx.now)) return refuse("invalid_field", std::string(what) + " is in the future.");
    return *d;
  }

  // C4, N5: ends an activity and notes it on the client's file.
  void end_activity(Outcome& o, Activity& a, ActivityEnd how, year_month_day on, const std::string& reason) {
    a.actual_end = on;
    a.end = how;
    a.end_reason = reason;
    stamp(a.revision);
    o.touched.push_back(a.id);
    add_note(o, a.client,
             (how == ActivityEnd::Completed ? "Completed the activity " : "Exited from the activity ") + a.name +
                 " on " + display_date(on) + (reason.empty() ? "." : ": " + reason) + " (C4)");
  }

  Outcome operator()(const RecordContact& c) {
    const Client* client = ws.find_client(c.client);
    if (!client) return refuse("not_found", "No such client.");
    if (!can_enrol_clients(*actor))
      return refuse("not_allowed", std::string(role_label(actor->role)) + " staff do not record client contacts.");
    auto on_or = day_of(c.date, "Contact date");
    if (auto* r = std::get_if<Outcome>(&on_or)) return *r;
    const year_month_day on = std::get<year_month_day>(on_or);
    if (on < client->enrolled_on) return refuse("invalid_field", "Contact date is before the enrolment date.");
    if (c.results.empty()) return refuse("missing_field", "Write the results of the contact (N1).");
    // N3: every current activity is reviewed, once.
    const auto current = current_activities(ws, c.client);
    for (size_t i = 0; i < c.activities.size(); ++i) {
      const ActivityReview& r = c.activities[i];
      const Activity* a = ws.find_activity(r.activity);
      if (!a || a->client != c.client) return refuse("not_found", "The review names an activity that is not this client's.");
      if (!is_current(*a)) return refuse("not_allowed", "The activity " + a->name + " has already ended.");
      for (size_t j = 0; j < i; ++j)
        if (c.activities[j].activity == r.activity) return refuse("duplicate", "The activity " + a->name + " is reviewed twice.");
      if (r.decision == ActivityDecision::Exited && r.reason.empty())
        return refuse("missing_field", "Give the reason the client no longer attends " + a->name + " (C4).");
      if (r.decision == ActivityDecision::Completed && on < a->start)
        return refuse("invalid_field", a->name + " cannot be completed before it starts.");
    }
    for (const Activity* a : current) {
      const bool reviewed = std::any_of(c.activities.begin(), c.activities.end(),
                                        [&](const ActivityReview& r) { return r.activity == a->id; });
      if (!reviewed)
        return refuse("missing_field", "Review each current activity at the contact (N3): is " + a->name +
                                           " still right?");
    }
    std::vector<std::string> documents;
    for (const std::string& d : c.documents)
      if (auto t = trimmed(d); !t.empty()) documents.push_back(std::move(t));
    Contact k{ws.new_id(), c.client, on, c.type, c.with, c.results, std::move(documents), ctx.actor, {}, {}};
    for (const ActivityReview& r : c.activities) k.reviewed.emplace_back(r.activity, r.decision);
    stamp(k.revision);
    const RecordId id = k.id;
    ws.add_contact(std::move(k));
    Outcome o = done(id, std::string(contact_type_label(c.type)) + " contact with " +
                             std::string(contact_with_label(c.with)) + " about " + full_name(*client) + " on " +
                             display_date(on) + ": " + c.results);
    for (const ActivityReview& r : c.activities)
      if (r.decision != ActivityDecision::Continues)
        end_activity(o, ws.activities.at(r.activity),
                     r.decision == ActivityDecision::Completed ? ActivityEnd::Completed : ActivityEnd::Exited, on,
                     r.reason);
    return o;
  }

  // [SECTION] The Individual Service Strategy (S1)
  Outcome operator()(const AddGoal& c) {
    const Client* client = ws.find_client(c.client);
    if (!client) return refuse("not_found", "No such client.");
    if (auto r = need_case_staff()) return *r;
    if (!is_active(*client)) return refuse("not_allowed", full_name(*client) + " has exited the program.");
    if (c.text.empty()) return refuse("missing_field", "Write the goal (S1).");
    Goal g{ws.new_id(), c.client, c.text, std::nullopt, {}};
    stamp(g.revision);
    const RecordId id = g.id;
    ws.add_goal(std::move(g));
    Outcome o = done(id, "Added the goal \"" + c.text + "\" for " + full_name(*client));
    add_note(o, c.client, "Goal added to the service strategy: " + c.text + " (S1)");
    return o;
  }

  Outcome operator()(const AchieveGoal& c) {
    auto it = ws.goals.find(c.goal);
    if (it == ws.goals.end()) return refuse("not_found", "No such goal.");
    if (auto r = need_case_staff()) return *r;
    Goal& g = it->second;
    if (g.achieved_on) return refuse("not_allowed", "This goal was already achieved on " + display_date(*g.achieved_on) + ".");
    auto on = day_of(c.achieved_on, "The date achieved");
    if (auto* r = std::get_if<Outcome>(&on)) return *r;
    g.achieved_on = std::get<year_month_day>(on);
    stamp(g.revision);
    Outcome o = done(g.id, "Goal achieved: " + g.text);
    add_note(o, g.client, "Goal achieved on " + display_date(*g.achieved_on) + ": " + g.text + " (S1)");
    return o;
  }

  std::optional<Outcome> check_dates(const std::string& start, const std::string& planned_end, year_month_day& s,
                                     year_month_day& e) const {
    auto a = parse_iso_date(start), b = parse_iso_date(planned_end);
    if (!a) return refuse("invalid_field", "The start must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (!b) return refuse("invalid_field", "The planned end must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (*b < *a) return refuse("invalid_field", "The planned end is before the start.");
    s = *a;
    e = *b;
    return std::nullopt;
  }

  Outcome operator()(const AddActivity& c) {
    const Client* client = ws.find_client(c.client);
    if (!client) return refuse("not_found", "No such client.");
    if (auto r = need_case_staff()) return *r;
    if (!is_active(*client)) return refuse("not_allowed", full_name(*client) + " has exited the program.");
    if (c.name.empty()) return refuse("missing_field", "Name the activity (S1).");
    Activity a;
    if (auto r = check_dates(c.start, c.planned_end, a.start, a.planned_end)) return *r;
    if (!c.goal.empty()) {
      auto g = ws.goals.find(c.goal);
      if (g == ws.goals.end() || g->second.client != c.client) return refuse("not_found", "That goal is not this client's.");
    }
    std::string where;
    if (!c.training_provider.empty()) {
      const Organisation* tp = ws.find_organisation(c.training_provider);
      if (!tp || tp->kind != OrganisationKind::TrainingProvider)
        return refuse("not_allowed", "Training is given by an organisation of the kind Training provider (C5).");
      where = " at " + tp->name;
    }
    a.id = ws.new_id();
    a.client = c.client;
    a.goal = c.goal;
    a.name = c.name;
    a.training_provider = c.training_provider;
    stamp(a.revision);
    const RecordId id = a.id;
    const std::string dates = display_date(a.start) + " to " + display_date(a.planned_end);
    ws.add_activity(std::move(a));
    Outcome o = done(id, "Added the activity " + c.name + where + " for " + full_name(*client) + ", " + dates);
    add_note(o, c.client, "Activity added to the service strategy: " + c.name + where + ", planned " + dates + " (S1)");
    return o;
  }

  Outcome operator()(const RescheduleActivity& c) {
    auto it = ws.activities.find(c.activity);
    if (it == ws.activities.end()) return refuse("not_found", "No such activity.");
    if (auto r = need_case_staff()) return *r;
    Activity& a = it->second;
    if (!is_current(a)) return refuse("not_allowed", "The activity " + a.name + " has already ended.");
    auto end = parse_iso_date(c.planned_end);
    if (!end) return refuse("invalid_field", "The planned end must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (*end < a.start) return refuse("invalid_field", "The planned end is before the start.");
    if (c.reason.empty()) return refuse("missing_field", "Say why the plan changed (N3).");
    const std::string from = display_date(a.planned_end);
    a.planned_end = *end;
    stamp(a.revision);
    Outcome o = done(a.id, "Moved the planned end of " + a.name + " from " + from + " to " + display_date(*end));
    add_note(o, a.client, "Planned end of " + a.name + " moved from " + from + " to " + display_date(*end) + ": " + c.reason);
    return o;
  }

  Outcome operator()(const EndActivity& c) {
    auto it = ws.activities.find(c.activity);
    if (it == ws.activities.end()) return refuse("not_found", "No such activity.");
    if (auto r = need_case_staff()) return *r;
    Activity& a = it->second;
    if (!is_current(a)) return refuse("not_allowed", "The activity " + a.name + " has already ended.");
    auto on = day_of(c.ended_on, "The end date");
    if (auto* r = std::get_if<Outcome>(&on)) return *r;
    const year_month_day day = std::get<year_month_day>(on);
    if (c.how == ActivityEnd::Completed && day < a.start)
      return refuse("invalid_field", a.name + " cannot be completed before it starts.");
    if (c.how == ActivityEnd::Exited && c.reason.empty())
      return refuse("missing_field", "Give the reason for the exit from the activity (C4).");
    Outcome o = done(a.id, std::string(activity_end_label(c.how)) + ": " + a.name);
    end_activity(o, a, c.how, day, c.reason);
    return o;
  }

  Outcome operator()(const RecordPlanAgreement& c) {
    auto it = ws.clients.find(c.client);
    if (it == ws.clients.end()) return refuse("not_found", "No such client.");
    if (auto r = need_case_staff()) return *r;
    Client& client = it->second;
    if (goals_of(ws, client.id).empty() && activities_of(ws, client.id).empty())
      return refuse("not_allowed", "Add the goals and activities the customer agrees to first (S1).");
    if (c.how.empty()) return refuse("missing_field", "Say how the customer agreed, e.g. \"signed the ISS in person\" (S1).");
    auto on = day_of(c.agreed_on, "The agreement date");
    if (auto* r = std::get_if<Outcome>(&on)) return *r;
    client.plan_agreed_on = std::get<year_month_day>(on);
    client.plan_agreed_how = c.how;
    stamp(client.revision);
    Outcome o = done(client.id, full_name(client) + " agreed to the service strategy on " +
                                    display_date(*client.plan_agreed_on) + ": " + c.how);
    add_note(o, client.id, "The customer agreed to the service strategy on " + display_date(*client.plan_agreed_on) +
                               " (" + c.how + ") (S1)");
    return o;
  }

  Outcome operator()(const WriteAgreementLetter& c) {
    const Client* client = ws.find_client(c.client);
    if (!client) return refuse("not_found", "No such client.");
    if (auto r = need_case_staff()) return *r;
    std::vector<std::string> to;
    for (const std::string& p : c.to)
      if (!p.empty()) to.push_back(p);
    if (to.empty()) return refuse("missing_field", "Name the parties the letter goes to (N5).");
    if (c.agreement.empty()) return refuse("missing_field", "Write what the parties agreed (N5).");
    if (!c.issue.empty()) {
      const Issue* i = ws.find_issue(c.issue);
      if (!i || i->client != c.client) return refuse("not_found", "That issue is not about this client.");
    }
    CaseNote n{ws.new_id(), c.client, ctx.now, ctx.actor, c.agreement, c.issue, to, {}};
    const RecordId id = n.id;
    std::string parties;
    for (const std::string& p : to) parties += (parties.empty() ? "" : ", ") + p;
    ws.add_case_note(std::move(n));
    Outcome o = done(id, "Wrote an agreement letter about " + full_name(*client) + " to " + parties);
    return o;
  }

  Outcome operator()(const RaiseIssue& c) {
    if (c.client.empty() == c.employer.empty())
      return refuse("missing_field", "Say whom the issue is about: a client or an employer (E1).");
    Issue i;
    std::string about;
    if (!c.client.empty()) {
      const Client* client = ws.find_client(c.client);
      if (!client) return refuse("not_found", "No such client.");
      if (!is_active(*client)) return refuse("not_allowed", full_name(*client) + " has exited the program.");
      if (auto why = raise_issue_refusal(ws, *actor, *client)) return refuse("not_allowed", *why);
      if (actor->role == Role::TrainingProviderStaff && c.source != IssueSource::TrainingProvider)
        return refuse("not_allowed", "Training-provider staff raise issues as the training provider (E1, C5).");
      i.owner = client->primary_contact;  // E2
      about = full_name(*client);
    } else {
      const Employer* employer = ws.find_employer(c.employer);
      if (!employer) return refuse("not_found", "No such employer.");
      if (!can_serve_employers(*actor)) return refuse("not_allowed", "Business staff raise issues about employers (E1).");
      if (employer->owners.empty())
        return refuse("not_allowed", employer->legal_name + " has no account owner to own the issue (E2): a BSR joins "
                                     "the account first.");
      // E2: the BAS: the one raising it if they own the account, else its first owner.
      i.owner = is_owner(*employer, actor->id) ? actor->id : employer->owners.front().staff;
      about = employer->legal_name;
    }
    if (c.concern.empty()) return refuse("missing_field", "Describe the problem, concern or complaint (E1).");
    i.id = ws.new_id();
    i.client = c.client;
    i.employer = c.employer;
    i.concern = c.concern;
    i.source = c.source;
    i.raised_at = ctx.now;
    stamp(i.revision);
    const std::string owner = ws.staff.at(i.owner).name;
    const Issue& issue = ws.issues.emplace(i.id, std::move(i)).first->second;
    const std::string due = display_datetime(ws.calendar.within_one_business_day(ctx.now));
    Outcome o = done_with_case_note(issue, "Raised an issue about " + about + ": " + c.concern,
                                    "Issue raised (" + std::string(source_label(c.source)) + "): " + c.concern +
                                        ". Owner " + owner + ", to resolve by " + due + " (E3).");
    // E2: the owner hears at once when someone else raised it.
    notify(o, issue.owner, "New issue about " + about + ", yours to resolve by " + due + ": " + c.concern, issue.id);
    return o;
  }

  // [SECTION] Business services (B1-B5, J1-J4, R1)
  std::optional<Outcome> need_business_staff() const {
    if (!can_serve_employers(*actor))
      return refuse("not_allowed", std::string(role_label(actor->role)) + " staff do not keep employer accounts.");
    return std::nullopt;
  }

  std::optional<Outcome> check_establishment(const std::string& name, const std::string& address,
                                             const std::string& naics) const {
    if (name.empty()) return refuse("missing_field", "Name the establishment, e.g. its town or site (B1).");
    if (address.empty()) return refuse("missing_field", "Give the establishment's address (B1).");
    if (auto why = naics_problem(naics)) return refuse("invalid_field", *why);
    return std::nullopt;
  }

  std::optional<Outcome> check_employer(const std::string& legal_name, const std::string& fein,
                                        const RecordId& except) const {
    if (legal_name.empty()) return refuse("missing_field", "Give the employer's legal name.");
    if (auto why = fein_problem(fein)) return refuse("invalid_field", *why);
    for (auto& [id, e] : ws.employers)
      if (id != except && e.fein == normalised_fein(fein))
        return refuse("duplicate", e.legal_name + " already has FEIN " + e.fein + ".");
    return std::nullopt;
  }

  Outcome operator()(const AddEmployer& c) {
    if (auto r = need_business_staff()) return *r;
    if (auto r = check_employer(c.legal_name, c.fein, {})) return *r;
    if (auto r = check_establishment(c.establishment, c.address, c.naics)) return *r;
    Employer e;
    e.id = ws.new_id();
    e.legal_name = c.legal_name;
    e.fein = normalised_fein(c.fein);
    e.ui_account = c.ui_account;
    e.kind = c.kind;
    if (is_business_role(actor->role)) e.owners.push_back({actor->id, ctx.now});  // B3: who enters it owns it
    stamp(e.revision);
    Establishment site{ws.new_id(), e.id, c.establishment, c.address, c.naics, {}};
    stamp(site.revision);
    const RecordId id = e.id, site_id = site.id;
    ws.employers.emplace(id, std::move(e));
    ws.add_establishment(std::move(site));
    Outcome o = done(id, "Entered " + c.legal_name + " with its establishment " + c.establishment);
    o.touched.push_back(site_id);
    return o;
  }

  Outcome operator()(const UpdateEmployer& c) {
    auto it = ws.employers.find(c.employer);
    if (it == ws.employers.end()) return refuse("not_found", "No such employer.");
    if (auto r = need_business_staff()) return *r;
    if (auto r = check_employer(c.legal_name, c.fein, c.employer)) return *r;
    Employer& e = it->second;
    e.legal_name = c.legal_name;
    e.fein = normalised_fein(c.fein);
    e.ui_account = c.ui_account;
    e.kind = c.kind;
    stamp(e.revision);
    return done(e.id, "Updated the details of " + e.legal_name);
  }

  Outcome operator()(const AddEstablishment& c) {
    const Employer* e = ws.find_employer(c.employer);
    if (!e) return refuse("not_found", "No such employer.");
    if (auto r = need_business_staff()) return *r;
    if (auto r = check_establishment(c.name, c.address, c.naics)) return *r;
    for (const Establishment* other : establishments_of(ws, c.employer))
      if (other->name == c.name) return refuse("duplicate", e->legal_name + " already has an establishment \"" + c.name + "\".");
    Establishment site{ws.new_id(), c.employer, c.name, c.address, c.naics, {}};
    stamp(site.revision);
    const RecordId id = site.id;
    ws.add_establishment(std::move(site));
    return done(id, "Added the establishment " + c.name + " to " + e->legal_name);
  }

  Outcome operator()(const LogCommunication& c) {
    const Employer* e = ws.find_employer(c.employer);
    if (!e) return refuse("not_found", "No such employer.");
    if (auto r = need_business_staff()) return *r;
    auto on = day_of(c.date, "The date");
    if (auto* r = std::get_if<Outcome>(&on)) return *r;
    if (c.summary.empty()) return refuse("missing_field", "Say what was communicated (B2).");
    if (c.inbound && c.reciprocated)
      return refuse("invalid_field", "An inbound communication is the business's own; \"reciprocated\" is for our outreach that got an answer.");
    const AccountStanding before = account_standing(ws, *e, date_of(ctx.now));
    Communication k{ws.new_id(), c.employer, std::get<year_month_day>(on), c.channel,
                    c.inbound ? Direction::Inbound : Direction::Outbound, c.reciprocated, c.summary, ctx.actor, {}};
    stamp(k.revision);
    const RecordId id = k.id;
    ws.add_communication(std::move(k));
    Outcome o = done(id, std::string(channel_label(c.channel)) + (c.inbound ? " from " : " to ") + e->legal_name + ": " + c.summary);
    const AccountStanding after = account_standing(ws, *e, date_of(ctx.now));
    if (after.active && !before.active && !is_owner(*e, actor->id) && is_business_role(actor->role))
      o.notice = "The account is active now: join it as an owner by " +
                 display_datetime(ws.calendar.within_one_business_day(start_of(*relationship_established(ws, e->id)))) +
                 " (B3).";
    return o;
  }

  Outcome operator()(const JoinAccount& c) {
    auto it = ws.employers.find(c.employer);
    if (it == ws.employers.end()) return refuse("not_found", "No such employer.");
    if (!is_business_role(actor->role))
      return refuse("not_allowed", "Account owners are Business Services Representatives (B3).");
    Employer& e = it->second;
    if (is_owner(e, actor->id)) return refuse("duplicate", "You already own the account of " + e.legal_name + ".");
    const std::vector<AccountOwner> before = e.owners;
    e.owners.push_back({actor->id, ctx.now});
    stamp(e.revision);
    Outcome o = done(e.id, actor->name + " joined the account of " + e.legal_name);
    for (const AccountOwner& owner : before)  // B3: the owners are told, to coordinate
      notify(o, owner.staff, actor->name + " joined the account of " + e.legal_name + ": coordinate with them (B3).", e.id);
    return o;
  }

  Outcome operator()(const TriageEmployer& c) {
    auto it = ws.employers.find(c.employer);
    if (it == ws.employers.end()) return refuse("not_found", "No such employer.");
    if (auto r = need_business_staff()) return *r;
    Employer& e = it->second;
    const TriageRoute rule = suggested_route(ws, e.id);
    if (c.route != rule && c.note.empty())
      return refuse("missing_field", std::string("The focus-sector rule sends this business to ") +
                                         std::string(route_label(rule)) + ": say why it goes elsewhere (B4).");
    e.triage = Triage{c.route, actor->id, ctx.now, c.note};
    stamp(e.revision);
    return done(e.id, "Routed " + e.legal_name + " to " + std::string(route_label(c.route)) +
                          (c.note.empty() ? "" : ": " + c.note));
  }

  Outcome operator()(const SetFocusSectors& c) {
    if (auto r = need_people_manager()) return *r;
    const auto known = all_sectors();
    std::vector<std::string> sectors;
    for (const std::string& name : c.sectors) {
      if (std::find(known.begin(), known.end(), name) == known.end())
        return refuse("invalid_field", "\"" + name + "\" is not a sector.");
      if (std::find(sectors.begin(), sectors.end(), name) == sectors.end()) sectors.push_back(name);
    }
    ws.meta.focus_sectors = sectors;
    std::string list;
    for (const std::string& name : sectors) list += (list.empty() ? "" : ", ") + name;
    return done(RecordId{}, "Set the focus sectors: " + (list.empty() ? "none" : list));
  }

  Outcome operator()(const RefuseService& c) {
    auto it = ws.employers.find(c.employer);
    if (it == ws.employers.end()) return refuse("not_found", "No such employer.");
    if (auto r = need_business_staff()) return *r;
    Employer& e = it->second;
    if (e.refusal) return refuse("duplicate", "Service to " + e.legal_name + " is already refused.");
    if (c.concern.empty()) return refuse("missing_field", "Write down the concern first (B5).");
    if (c.board_consulted.empty() || c.board_outcome.empty())
      return refuse("missing_field", "Consult the board before refusing service: who was consulted and what they said (B5).");
    auto on = day_of(c.consulted_on, "The consultation date");
    if (auto* r = std::get_if<Outcome>(&on)) return *r;
    if (c.consulted_on.empty()) return refuse("missing_field", "Give the date the board was consulted (B5).");
    e.refusal = Refusal{c.concern, c.board_consulted, std::get<year_month_day>(on), c.board_outcome, actor->id, ctx.now};
    stamp(e.revision);
    Outcome o = done(e.id, "Refused staff-assisted service to " + e.legal_name + ": " + c.concern);
    add_note(o, {}, "Service refused (B5). Concern: " + c.concern + ". Board consulted: " + c.board_consulted + " on " +
                        display_date(e.refusal->consulted_on) + ": " + c.board_outcome,
             {}, e.id);
    return o;
  }

  Outcome operator()(const RestoreService& c) {
    auto it = ws.employers.find(c.employer);
    if (it == ws.employers.end()) return refuse("not_found", "No such employer.");
    if (auto r = need_business_staff()) return *r;
    Employer& e = it->second;
    if (!e.refusal) return refuse("not_allowed", "Service to " + e.legal_name + " is not refused.");
    if (c.note.empty()) return refuse("missing_field", "Say why service resumes.");
    e.refusal.reset();
    stamp(e.revision);
    Outcome o = done(e.id, "Resumed service to " + e.legal_name + ": " + c.note);
    add_note(o, {}, "Service resumed: " + c.note, {}, e.id);
    return o;
  }

  std::optional<Outcome> check_not_refused(const Employer& e) const {
    if (e.refusal)
      return refuse("not_allowed", "Staff-assisted service to " + e.legal_name + " was refused on " +
                                       display_date(date_of(e.refusal->at)) + " (B5): " + e.refusal->concern);
    return std::nullopt;
  }

  Outcome operator()(const PostJob& c) {
    const Establishment* site = ws.find_establishment(c.establishment);
    if (!site) return refuse("not_found", "Choose the establishment where the job is.");
    if (auto r = need_business_staff()) return *r;
    const Employer& e = ws.employers.at(site->employer);
    if (auto r = check_not_refused(e)) return *r;
    if (c.title.empty()) return refuse("missing_field", "Give the job title.");
    if (c.openings < 1) return refuse("invalid_field", "A job has at least one opening.");
    if (c.reserved_days != 0 && c.reserved_days != 3 && c.reserved_days != 5 && c.reserved_days != 7)
      return refuse("invalid_field", "A job is reserved for 3, 5 or 7 days (J3).");
    auto received = day_of(c.received_on, "The date the job order came in");
    if (auto* r = std::get_if<Outcome>(&received)) return *r;
    Job j;
    j.deadline = sys_days{date_of(ctx.now)} + days{14};  // J2
    if (!c.deadline.empty()) {
      auto d = parse_iso_date(c.deadline);
      if (!d) return refuse("invalid_field", "The application deadline must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
      if (*d < date_of(ctx.now)) return refuse("invalid_field", "The application deadline has already passed.");
      j.deadline = *d;
    }
    RecordId owner;
    if (auto why = job_owner_for(ws, *actor, c.subsidised_program, owner)) return refuse("not_allowed", *why);
    j.id = ws.new_id();
    j.employer = e.id;
    j.establishment = site->id;
    j.title = c.title;
    j.description = c.description;
    j.openings = c.openings;
    j.received_on = std::get<year_month_day>(received);
    j.posted_at = ctx.now;
    j.posted_by = actor->id;
    j.owner = owner;
    j.owner_organisation = ws.staff.at(owner).organisation;
    j.reserved_days = c.reserved_days;
    j.subsidised_program = c.subsidised_program;
    stamp(j.revision);
    const auto others = open_jobs_of(ws, e.id, ctx.now);
    const RecordId id = j.id;
    ws.add_job(std::move(j));
    const Job& job = ws.jobs.at(id);
    Outcome o = done(job.id, "Posted " + c.title + " at " + e.legal_name + ", " + site->name + "; applications close " +
                                 display_date(job.deadline));
    if (owner != actor->id) {  // J4: the program's organisation owns the job
      notify(o, owner, "A " + c.subsidised_program + " job was posted for you to own: " + c.title + " at " + e.legal_name +
                           " (J4).", job.id);
      o.notice = "Owned by " + ws.staff.at(owner).name + ": " + c.subsidised_program + " jobs belong to their organisation (J4).";
    }
    // J1: the account already has open jobs: their owners are told, to coordinate.
    std::vector<RecordId> told;
    for (const Job* other : others)
      if (other->owner != owner && std::find(told.begin(), told.end(), other->owner) == told.end()) {
        told.push_back(other->owner);
        notify(o, other->owner, actor->name + " posted " + c.title + " at " + e.legal_name + ", where you own " +
                                    other->title + ": coordinate (J1).", job.id);
        o.notice += (o.notice.empty() ? "" : " ") + std::string("Coordinate with ") + ws.staff.at(other->owner).name +
                    ", who owns " + other->title + " at this employer (J1).";
      }
    return o;
  }

  bool may_manage_job(const Job& j) const {
    return actor->id == j.owner || (actor->role == Role::Manager && actor->organisation == j.owner_organisation) ||
           actor->role == Role::Administrator;
  }

  Outcome operator()(const RepostJob& c) {
    auto it = ws.jobs.find(c.job);
    if (it == ws.jobs.end()) return refuse("not_found", "No such job.");
    Job& j = it->second;
    if (!may_manage_job(j)) return refuse("not_allowed", "Only the job's owner (or a Manager of their organisation) reposts it (J2).");
    if (j.closed_at) return refuse("not_allowed", "This job is closed.");
    if (job_status(j, ctx.now) != JobStatus::Expired)
      return refuse("not_allowed", "The job is still open until " + display_date(j.deadline) + ".");
    if (auto r = check_not_refused(ws.employers.at(j.employer))) return *r;
    year_month_day deadline = sys_days{date_of(ctx.now)} + days{14};
    if (!c.deadline.empty()) {
      auto d = parse_iso_date(c.deadline);
      if (!d) return refuse("invalid_field", "The application deadline must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
      if (*d < date_of(ctx.now)) return refuse("invalid_field", "The application deadline has already passed.");
      deadline = *d;
    }
    j.deadline = deadline;
    j.posted_at = ctx.now;  // a reservation runs again from the new posting
    j.times_posted += 1;
    stamp(j.revision);
    return done(j.id, "Confirmed with the business and reposted " + j.title + "; applications close " + display_date(deadline));
  }

  Outcome operator()(const CloseJob& c) {
    auto it = ws.jobs.find(c.job);
    if (it == ws.jobs.end()) return refuse("not_found", "No such job.");
    Job& j = it->second;
    if (!may_manage_job(j)) return refuse("not_allowed", "Only the job's owner (or a Manager of their organisation) closes it (J2).");
    if (j.closed_at) return refuse("not_allowed", "This job is already closed.");
    if (c.reason.empty()) return refuse("missing_field", "Say why the job is closed, e.g. filled.");
    j.closed_at = ctx.now;
    j.close_reason = c.reason;
    stamp(j.revision);
    return done(j.id, "Closed " + j.title + ": " + c.reason);
  }

  Outcome operator()(const ReassignJob& c) {
    auto it = ws.jobs.find(c.job);
    if (it == ws.jobs.end()) return refuse("not_found", "No such job.");
    Job& j = it->second;
    const bool manager = actor->role == Role::Manager && actor->organisation == j.owner_organisation;
    if (!manager && actor->role != Role::Administrator)
      return refuse("not_allowed", "A Manager of the job owner's organisation reassigns its jobs (P3).");
    const Staff* to = ws.find_staff(c.owner);
    if (!to || !to->active) return refuse("not_allowed", "Choose an active colleague as the new owner (P3).");
    if (to->organisation != j.owner_organisation ||
        !(is_business_role(to->role) || to->role == Role::Manager))
      return refuse("not_allowed", to->name + " is not a BSR, Hybrid or Manager of the job's organisation.");
    if (to->id == j.owner) return refuse("not_allowed", to->name + " already owns this job.");
    const std::string from = ws.staff.at(j.owner).name;
    j.owner = to->id;
    stamp(j.revision);
    Outcome o = done(j.id, "Reassigned " + j.title + " from " + from + " to " + to->name);
    notify(o, to->id, "You now own the job " + j.title + " at " + ws.employers.at(j.employer).legal_name + " (was " + from + ").", j.id);
    return o;
  }

  Outcome operator()(const SetSubsidisedProgram& c) {
    if (auto r = need_people_manager()) return *r;
    if (c.name.empty()) return refuse("missing_field", "Name the program, e.g. On-the-Job Training.");
    const Organisation* org = ws.find_organisation(c.priority_organisation);
    if (!org) return refuse("not_found", "Choose the organisation that owns the program's jobs (J4).");
    auto& programs = ws.meta.subsidised_programs;
    auto p = std::find_if(programs.begin(), programs.end(), [&](auto& s) { return s.name == c.name; });
    if (p == programs.end()) programs.push_back({c.name, c.priority_organisation});
    else p->priority_organisation = c.priority_organisation;
    return done(RecordId{}, c.name + " jobs are owned by " + org->name + " (J4)");
  }

  Outcome operator()(const RemoveSubsidisedProgram& c) {
    if (auto r = need_people_manager()) return *r;
    auto& programs = ws.meta.subsidised_programs;
    auto p = std::find_if(programs.begin(), programs.end(), [&](auto& s) { return s.name == c.name; });
    if (p == programs.end()) return refuse("not_found", "There is no subsidised program \"" + c.name + "\".");
    programs.erase(p);
    return done(RecordId{}, "Removed the subsidised program " + c.name);
  }

  Outcome operator()(const LogService& c) {
    const Establishment* site = ws.find_establishment(c.establishment);
    if (!site) return refuse("not_found", "Choose the establishment served: services are tracked by establishment (B1).");
    if (auto r = need_business_staff()) return *r;
    const Employer& e = ws.employers.at(site->employer);
    if (auto r = check_not_refused(e)) return *r;
    const LocalServiceType* type = local_service_type(ws, c.local_type);
    if (!type) return refuse("invalid_field", "Choose a service type from the list in Settings (R1).");
    auto on = day_of(c.date, "The service date");
    if (auto* r = std::get_if<Outcome>(&on)) return *r;
    const RecordId by = c.staff.empty() ? actor->id : c.staff;
    const Staff* staff = ws.find_staff(by);
    if (!staff) return refuse("not_found", "No such staff member.");
    if (c.gained.empty()) return refuse("missing_field", "Say what the employer gained from the service (R1).");
    Service sv{ws.new_id(), site->id, e.id, std::get<year_month_day>(on), type->category, type->name, by, c.program,
               c.gained, ctx.now, {}};
    stamp(sv.revision);
    const RecordId id = sv.id;
    ws.add_service(std::move(sv));
    Outcome o = done(id, std::string(type->name) + " for " + e.legal_name + ", " + site->name + ": " + c.gained);
    if (auto warning = paperwork_warning(c.gained)) o.notice = *warning;
    return o;
  }

  Outcome operator()(const SetLocalServiceType& c) {
    if (auto r = need_people_manager()) return *r;
    if (c.name.empty()) return refuse("missing_field", "Name the local service type.");
    auto& types = ws.meta.local_service_types;
    auto t = std::find_if(types.begin(), types.end(), [&](auto& x) { return x.name == c.name; });
    if (t == types.end()) types.push_back({c.name, c.category});
    else t->category = c.category;
    return done(RecordId{}, c.name + " counts as " + std::string(category_label(c.category)) + " (R1)");
  }

  Outcome operator()(const RemoveLocalServiceType& c) {
    if (auto r = need_people_manager()) return *r;
    auto& types = ws.meta.local_service_types;
    auto t = std::find_if(types.begin(), types.end(), [&](auto& x) { return x.name == c.name; });
    if (t == types.end()) return refuse("not_found", "There is no service type \"" + c.name + "\".");
    types.erase(t);  // services already logged keep their type and category
    return done(RecordId{}, "Removed the service type " + c.name);
  }

  // [SECTION] Matches and hires (M1-M5)
  Outcome operator()(const ReferMatch& c) {
    const Client* client = ws.find_client(c.client);
    if (!client) return refuse("not_found", "No such client.");
    const Job* job = ws.find_job(c.job);
    if (!job || !visible_to_staff(*job, *actor, ctx.now)) return refuse("not_found", "No such job.");
    if (!can_enrol_clients(*actor) && !can_serve_employers(*actor))
      return refuse("not_allowed", std::string(role_label(actor->role)) + " staff do not refer clients to jobs.");
    if (!on_board_for(*job, *client, ctx.now))
      return refuse("not_allowed", job->title + " is not on " + full_name(*client) +
                                       "'s job board: it is closed, expired, reserved for another organisation, or "
                                       "subsidised for WIOA clients (J2, J3).");
    if (auto why = missing_fit(c.fit)) return refuse("missing_field", *why);
    if (open_match(ws, c.client, c.job))
      return refuse("duplicate", full_name(*client) + " already has an open match for " + job->title + ".");
    Match m;
    m.id = ws.new_id();
    m.client = c.client;
    m.job = c.job;
    m.fit = c.fit;
    m.referred_by = actor->id;
    m.job_owner = job->owner;
    m.case_manager = case_manager_for(ws, *client);
    m.ready_at = ctx.now;
    stamp(m.revision);
    const Match& match = ws.matches.emplace(m.id, std::move(m)).first->second;
    Outcome o = done(match.id, "Referred " + full_name(*client) + " to " + job->title);
    const std::string what = full_name(*client) + " was referred to " + job->title + ": approve or send back";
    notify(o, match.job_owner, what + " by " + display_datetime(owner_action_due(ws, match)) + " (M3).", match.id);
    notify(o, match.case_manager, what + " (M2).", match.id);
    return o;
  }

  Outcome operator()(const ResubmitMatch& c) {
    auto it = ws.matches.find(c.match);
    if (it == ws.matches.end()) return refuse("not_found", "No such match.");
    Match& m = it->second;
    if (!actor_of(m, actor->id).case_manager) return refuse("not_allowed", "The client's case manager edits and resubmits the match (M3).");
    const bool interest = m.stage == MatchStage::Interested;
    if (m.stage != MatchStage::SentBack && !interest)
      return refuse("not_allowed", "Only a match sent back for edits, or a job seeker's interest, is submitted here.");
    if (auto why = missing_fit(c.fit)) return refuse("missing_field", *why);
    m.fit = c.fit;
    m.stage = MatchStage::AwaitingApproval;
    m.owner_approved_at.reset();
    m.case_manager_approved_at = ctx.now;  // resubmitting is the case manager's approval
    m.ready_at = ctx.now;
    m.owner_acted_at.reset();
    stamp(m.revision);
    const std::string about = full_name(ws.clients.at(m.client)) + " for " + ws.jobs.at(m.job).title;
    Outcome o = done(m.id, interest ? "Explained the fit and submitted the job seeker's interest" : "Resubmitted the match after edits");
    notify(o, m.job_owner,
           about + (interest ? ": the case manager explained the fit and submitted the match" : ": the match was edited and resubmitted") +
               ". Approve or send back by " + display_datetime(owner_action_due(ws, m)) + " (M3).",
           m.id);
    return o;
  }

  Outcome operator()(const ActOnMatch& c) {
    auto it = ws.matches.find(c.match);
    if (it == ws.matches.end()) return refuse("not_found", "No such match.");
    Match& m = it->second;
    const MatchActor who = actor_of(m, actor->id);
    if (auto why = match_action_refusal(m, c.action, who)) return refuse("not_allowed", *why);
    if (c.action == MatchAction::SendBack && c.note.empty())
      return refuse("missing_field", "Say what the case manager should change (M3).");
    std::optional<year_month_day> learned;
    if (c.action == MatchAction::RecordHired) {
      auto d = day_of(c.learned_of, "The date you learned of the hire");
      if (auto* r = std::get_if<Outcome>(&d)) return *r;
      learned = std::get<year_month_day>(d);
    }
    const MatchStage next = stage_after(m, c.action, who);
    if (who.job_owner && !m.owner_acted_at && (c.action == MatchAction::Approve || c.action == MatchAction::SendBack))
      m.owner_acted_at = ctx.now;  // M3
    switch (c.action) {
      case MatchAction::Approve:
        if (who.job_owner && !m.owner_approved_at) m.owner_approved_at = ctx.now;
        if (who.case_manager && !m.case_manager_approved_at) m.case_manager_approved_at = ctx.now;
        break;
      case MatchAction::SendBack:
        m.sent_back_reason = c.note;
        m.owner_approved_at.reset(), m.case_manager_approved_at.reset();
        break;
      case MatchAction::RecordInterview: m.interview_granted_at = ctx.now; break;
      default: m.closed_at = ctx.now, m.close_note = c.note; break;
    }
    m.stage = next;
    stamp(m.revision);
    const Client& client = ws.clients.at(m.client);
    const Job& job = ws.jobs.at(m.job);
    Outcome o = done(m.id, std::string(match_action_label(c.action)) + ": " + full_name(client) + " for " + job.title +
                               (c.note.empty() ? "" : " (" + c.note + ")") + "; now " + std::string(match_stage_label(next)));
    const std::string about = full_name(client) + " for " + job.title + ": ";
    std::string told = about + std::string(match_action_label(c.action)) + " by " + actor->name +
                       (c.note.empty() ? "" : ": " + c.note) + ".";
    if (next == MatchStage::WaitingToHearResults && c.action == MatchAction::Approve)
      told = about + "both approved; Waiting to Hear Results (M3).";
    if (c.action == MatchAction::RecordHired) {  // M4: the hire record, made here
      Hire h{ws.new_id(), m.id, m.client, m.job, job.establishment, *learned, ctx.now, {}, {}, {}, {}, {}};
      h.recorded_by = actor->id;
      stamp(h.revision);
      o.touched.push_back(h.id);
      told = about + "hired. Complete the hire record: start date, wage, hours (M4).";
      ws.hires.emplace(h.id, std::move(h));
    }
    // M4: a hire is a task for both approvers, the one who recorded it too.
    const bool hired = c.action == MatchAction::RecordHired;
    for (const RecordId& to : {m.job_owner, m.case_manager}) notify(o, to, told, m.id, hired);
    return o;
  }

  Outcome operator()(const CompleteHire& c) {
    auto it = ws.hires.find(c.hire);
    if (it == ws.hires.end()) return refuse("not_found", "No such hire record.");
    Hire& h = it->second;
    const Match& m = ws.matches.at(h.match);
    const MatchActor who = actor_of(m, actor->id);
    if (!who.job_owner && !who.case_manager) return refuse("not_allowed", "The job owner or the case manager completes the hire record (M4).");
    // Everything is checked before anything changes.
    const auto start = c.start_date.empty() ? std::nullopt : parse_iso_date(c.start_date);
    if (!c.start_date.empty() && !start) return refuse("invalid_field", "The start date must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (c.hourly_wage && (*c.hourly_wage <= 0 || *c.hourly_wage > 1000))
      return refuse("invalid_field", "The hourly wage is in dollars, e.g. 18.50.");
    if (c.hours_per_week && (*c.hours_per_week <= 0 || *c.hours_per_week > 80))
      return refuse("invalid_field", "Hours a week are between 1 and 80.");
    if (start) h.start_date = *start;
    if (c.hourly_wage) h.wage_cents = int(*c.hourly_wage * 100 + 0.5);
    if (c.hours_per_week) h.hours_per_week = *c.hours_per_week;
    stamp(h.revision);
    return done(h.id, std::string(hire_complete(h) ? "Completed" : "Updated") + " the hire record of " +
                          full_name(ws.clients.at(h.client)));
  }

  // [SECTION] The job board (M6)
  Outcome operator()(const SetPortalAccess& c) {
    if (auto r = need_case_staff()) return *r;
    auto it = ws.clients.find(c.client);
    if (it == ws.clients.end()) return refuse("not_found", "No such client.");
    Client& client = it->second;
    if (!c.pin.empty() && !is_active(client))
      return refuse("not_allowed", full_name(client) + " has exited the program (C4): no job board access.");
    if (c.pin.empty() && client.portal_pin_hash.empty())
      return refuse("not_allowed", full_name(client) + " has no job board access to end.");
    if (c.pin.empty()) {
      client.portal_pin_hash.clear();
    } else {
      if (auto why = pin_problem(c.pin)) return refuse("invalid_field", *why);
      client.portal_pin_hash = pin_hash(client.id, c.pin);
    }
    stamp(client.revision);
    return done(client.id, (c.pin.empty() ? "Ended the job board access of " : "Gave job board access to ") + full_name(client));
  }

  Outcome operator()(const MarkInterest& c) {
    if (!seeker)
      return refuse("not_allowed", "Job seekers mark interest on their job board; staff refer a client instead (M1).");
    const Job* job = ws.find_job(c.job);
    if (!job || !on_board_for(*job, *seeker, ctx.now)) return refuse("not_found", "That job is not on your job board.");
    if (open_match(ws, seeker->id, c.job))
      return refuse("duplicate", "You already said you are interested in " + job->title + ".");
    Match m;
    m.id = ws.new_id();
    m.client = seeker->id;
    m.job = c.job;
    m.origin = MatchOrigin::SelfSelect;
    m.stage = MatchStage::Interested;
    m.job_owner = job->owner;
    m.case_manager = case_manager_for(ws, *seeker);
    m.ready_at = ctx.now;
    stamp(m.revision);
    const Match& match = ws.matches.emplace(m.id, std::move(m)).first->second;
    Outcome o = done(match.id, full_name(*seeker) + " marked interest in " + job->title + " on the job board");
    const std::string who = full_name(*seeker) + " is interested in " + job->title + " (job board)";
    notify(o, match.case_manager, who + ": explain the fit and submit the match (M1).", match.id);
    notify(o, match.job_owner, who + ". Their case manager explains the fit and submits it to you (M1).", match.id);
    return o;
  }

  // [SECTION] Conversation (K1)
  Outcome operator()(const AddComment& c) {
    if (!can_see_comments(*actor))
      return refuse("not_allowed", "Training-provider staff do not see or write the case staff's comments (C5).");
    if (!commentable_kind(ws, c.record))
      return refuse("not_found", "Comments go on a client, employer, job, match, hire or issue.");
    if (trimmed(c.text).empty()) return refuse("missing_field", "Write the comment.");
    auto parsed = parse_mentions(ws, c.text);
    if (auto* why = std::get_if<std::string>(&parsed)) return refuse("invalid_field", *why);
    Mentions& named = std::get<Mentions>(parsed);
    Comment k{ws.new_id(), c.record, actor->id, ctx.now, c.text, std::move(named.tags), std::move(named.links)};
    const std::string title = record_title(ws, c.record);
    Outcome o = done(c.record, "Commented on " + title);
    o.id = k.id;
    o.touched.push_back(k.id);
    const std::string said = readable_comment(ws, c.text, k.links);
    for (const RecordId& tagged : k.tags) notify(o, tagged, actor->name + " mentioned you on " + title + ": " + said, c.record);
    ws.add_comment(std::move(k));
    return o;
  }

  // Following is the person's own preference: it leaves no audit entry.
  Outcome operator()(const Follow& c) {
    if (!can_see_comments(*actor)) return refuse("not_allowed", "Training-provider staff have no feed (C5).");
    if (!commentable_kind(ws, c.target) && !ws.find_staff(c.target))
      return refuse("not_found", "Follow a client, employer, job, match, hire, issue or staff member.");
    if (c.target == actor->id) return refuse("invalid_field", "Your own updates are already yours.");
    Staff& me = ws.staff.at(actor->id);
    if (std::find(me.following.begin(), me.following.end(), c.target) != me.following.end())
      return refuse("duplicate", "You already follow " + record_title(ws, c.target) + ".");
    me.following.push_back(c.target);
    stamp(me.revision);
    return Outcome{true, c.target, {}, {}, {me.id}};
  }

  Outcome operator()(const Unfollow& c) {
    Staff& me = ws.staff.at(actor->id);
    auto it = std::find(me.following.begin(), me.following.end(), c.target);
    if (it == me.following.end()) return refuse("not_found", "You do not follow that.");
    me.following.erase(it);
    stamp(me.revision);
    return Outcome{true, c.target, {}, {}, {me.id}};
  }

  // [SECTION] Reports (R2)
  Outcome operator()(const SetStateEstablishments& c) {
    if (actor->role != Role::Administrator)
      return refuse("not_allowed", "Only an Administrator enters the state's establishment total.");
    if (c.count < 1 || c.count > 100000000)
      return refuse("invalid_field", "Enter the number of establishments in the state, e.g. 1250000.");
    ws.meta.state_establishments = c.count;
    return done(RecordId{}, "Set the state's establishment total to " + std::to_string(c.count));
  }

  Outcome operator()(const RecordEseExport& c) {
    if (!can_export_ese(*actor)) return refuse("not_allowed", "Business staff, Managers, the board and Administrators export the ESE report.");
    if (c.quarter < 1 || c.quarter > 4 || c.program_year < 2000 || c.program_year > 2100)
      return refuse("invalid_field", "A program year (e.g. 2026) and a quarter from 1 to 4.");
    ws.meta.ese_exports.push_back({c.program_year, c.quarter, ctx.now, actor->id});
    return done(RecordId{}, "Exported the ESE report for " + quarter_label({c.program_year, c.quarter}));
  }

  Outcome operator()(const SetTarget& c) {
    if (!can_set_targets(*actor)) return refuse("not_allowed", "The board's Program Manager, Assistant Director and Administrators set targets (R4).");
    if (c.quarter < 1 || c.quarter > 4 || c.program_year < 2000 || c.program_year > 2100)
      return refuse("invalid_field", "A program year (e.g. 2026) and a quarter from 1 to 4.");
    const auto measure = measure_from(c.measure);
    if (!measure) return refuse("invalid_field", "\"" + c.measure + "\" is not a measure: establishments_served, placements, active_accounts or services.");
    if (!c.organisation.empty() && !ws.find_organisation(c.organisation)) return refuse("not_found", "No such organisation.");
    if (c.value < 0 || c.value > 100000000) return refuse("invalid_field", "A target is a whole number, 0 to remove it.");
    auto& targets = ws.meta.targets;
    auto same = [&](const Target& t) {
      return t.program_year == c.program_year && t.quarter == c.quarter && t.measure == c.measure && t.organisation == c.organisation;
    };
    std::erase_if(targets, same);
    if (c.value > 0) targets.push_back({c.program_year, c.quarter, c.measure, c.organisation, c.value});
    const std::string whom = c.organisation.empty() ? std::string("the board") : ws.find_organisation(c.organisation)->name;
    return done(RecordId{}, (c.value > 0 ? "Set the target of " + std::to_string(c.value) + " " : std::string("Removed the target of ")) +
                                std::string(measure_label(*measure)) + " for " + whom + ", " + quarter_label({c.program_year, c.quarter}));
  }

  Outcome operator()(const MarkRead& c) {
    Outcome o{true, c.notification, {}, {}, {}};
    // K2: an alert the clock raised is stored once read, so it is not raised again.
    std::vector<Notification> alerts = alerts_for(ws, *actor, ctx.now);
    if (!c.notification.empty()) {
      auto it = ws.notifications.find(c.notification);
      const bool alert = std::any_of(alerts.begin(), alerts.end(), [&](auto& a) { return a.id == c.notification; });
      if (!alert && (it == ws.notifications.end() || it->second.to != actor->id))
        return refuse("not_found", "No such notification of yours.");
    }
    for (Notification& a : alerts)
      if (c.notification.empty() || a.id == c.notification) {
        a.read = true;
        o.touched.push_back(a.id);
        ws.add_notification(std::move(a));
      }
    if (auto it = ws.notifications_by_staff.find(actor->id); it != ws.notifications_by_staff.end())
      for (const RecordId& id : it->second) {
        Notification& n = ws.notifications.at(id);
        if (!n.read && (c.notification.empty() || id == c.notification)) {
          n.read = true;
          o.touched.push_back(id);
        }
      }
    return o;  // reading leaves no audit entry: it changes nothing of the case
  }

  Outcome operator()(const EscalateIssue& c) {
    auto it = ws.issues.find(c.issue);
    if (it == ws.issues.end()) return refuse("not_found", "No such issue.");
    Issue& i = it->second;
    if (!is_open(i)) return refuse("not_allowed", "This issue is already closed.");
    if (i.owner != ctx.actor) return refuse("not_allowed", "Only the issue's owner escalates it early (E4).");
    const int level = escalation_of(ws, i, ctx.now).level;
    if (level >= 3) return refuse("not_allowed", "The issue is already with the board (level 3).");
    (level == 1 ? i.owner_escalated_to_2 : i.owner_escalated_to_3) = ctx.now;
    stamp(i.revision);
    const EscalationState now_at = escalation_of(ws, i, ctx.now);
    return done_with_case_note(i, "Escalated the issue to level " + std::to_string(now_at.level),
                               "Issue escalated early to level " + std::to_string(now_at.level) + " by its owner (E4)." +
                                   (now_at.deadline ? " Due " + display_datetime(*now_at.deadline) + "." : ""));
  }

  Outcome operator()(const CloseIssue& c) {
    auto it = ws.issues.find(c.issue);
    if (it == ws.issues.end()) return refuse("not_found", "No such issue.");
    Issue& i = it->second;
    if (auto why = close_refusal(ws, *actor, i, ctx.now)) return refuse("not_allowed", *why);
    if (c.note.empty()) return refuse("missing_field", "Write what was done and agreed (N5).");
    Client* client = i.client.empty() ? nullptr : &ws.clients.at(i.client);
    if (!client && (c.outcome == IssueOutcome::ExitFromProgram || c.outcome == IssueOutcome::ExitFromActivity))
      return refuse("invalid_field", "An employer issue ends resolved or with a corrective action plan (E5).");
    const bool exits = client && c.outcome == IssueOutcome::ExitFromProgram && is_active(*client);
    if (exits && !can_exit_client(*actor, *client))
      return refuse("not_allowed", "Only the primary contact, a Manager of the provider or an Administrator can exit a client (C4).");
    const EscalationState state = escalation_of(ws, i, ctx.now);
    i.closed_at = ctx.now;
    i.outcome = c.outcome;
    stamp(i.revision);
    Outcome o = done_with_case_note(i, "Closed the issue at level " + std::to_string(state.level) + ": " +
                                           std::string(outcome_label(c.outcome)),
                                    "Issue closed at level " + std::to_string(state.level) + ": " +
                                        std::string(outcome_label(c.outcome)) + ". " + c.note);
    if (exits) {  // E5: the outcome is the exit itself (C4)
      client->exited_on = date_of(ctx.now);
      client->exit_reason = c.note;
      stamp(client->revision);
      o.touched.push_back(client->id);
    }
    return o;
  }

  Outcome operator()(const SetDemoClock& c) {
    if (!ws.meta.demo)
      return refuse("not_allowed", "Only a demo workspace's clock can be moved (T4).");
    auto at = c.at.size() > 10 ? parse_iso(c.at) : std::nullopt;  // a date alone would mean midnight
    if (!at)
      return refuse("invalid_field", "The clock needs a date from 1900 to 2100 and a time, YYYY-MM-DDTHH:MM (T4, W4).");
    const LocalSeconds real_now = ctx.now - ws.meta.clock_offset;
    if (*at < real_now) return refuse("invalid_field", "The demo clock cannot go before the real time.");
    ws.meta.clock_offset = *at - real_now;
    return done(RecordId{}, "Moved the demo clock to " + display_datetime(*at));
  }

  Outcome operator()(const AddClosure& c) {
    if (auto r = need_people_manager()) return *r;
    auto d = parse_iso_date(c.date);
    if (!d) return refuse("invalid_field", "The closure needs a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (c.name.empty()) return refuse("missing_field", "Name the closure, e.g. \"Day after Thanksgiving\".");
    if (!ws.calendar.is_business_day(*d)) {
      for (const Holiday& h : ws.calendar.holidays(int(d->year())))
        if (h.date == *d) return refuse("duplicate", display_date(*d) + " is already closed: " + h.name + ".");
      return refuse("not_allowed", display_date(*d) + " is a weekend day.");
    }
    ws.calendar.add_closure(*d, c.name);
    return done(RecordId{}, "Closed the offices on " + display_date(*d) + ": " + c.name);
  }

  Outcome operator()(const RemoveClosure& c) {
    if (auto r = need_people_manager()) return *r;
    auto d = parse_iso_date(c.date);
    if (!d) return refuse("invalid_field", "Give the closure's date, YYYY-MM-DD.");
    auto it = ws.calendar.closures().find(*d);
    if (it == ws.calendar.closures().end())
      return refuse("not_found", "The board added no closure on " + display_date(*d) + ".");
    const std::string name = it->second;
    ws.calendar.remove_closure(*d);
    return done(RecordId{}, "Reopened the offices on " + display_date(*d) + " (was: " + name + ")");
  }
};

}  // namespace

Outcome apply(Workspace& ws, const Command& cmd, const Context& ctx) {
  if (const Client* seeker = ws.find_client(ctx.actor)) {  // M6: a job seeker only marks interest
    if (!has_portal_access(*seeker)) return Outcome::refuse("not_allowed", "Your job board access has ended.");
    if (!std::holds_alternative<MarkInterest>(cmd))
      return Outcome::refuse("not_allowed", "On the job board you can say you are interested in a job; staff do the rest (M6).");
    Applier a{ws, ctx, nullptr, command_type(cmd), seeker};
    Outcome o = std::visit(a, cmd);
    if (o.ok) ws.change = next_change();
    return o;
  }
  const Staff* actor = ws.find_staff(ctx.actor);
  if (!actor) return Outcome::refuse("not_signed_in", "Sign in as a staff member first.");
  if (!actor->active)
    return Outcome::refuse("not_allowed", actor->name + " is deactivated and can no longer act (P3).");
  Applier a{ws, ctx, actor, command_type(cmd)};
  Outcome o = std::visit(a, cmd);
  if (o.ok) ws.change = next_change();
  return o;
}

}  // namespace bw
