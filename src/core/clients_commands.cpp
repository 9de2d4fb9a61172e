// Clients and their contacts (C1-C4, N1, N3): each command's handler next to the rules it applies, and its row in
// the command table (commands.cpp reads the rows).
#include <algorithm>

#include "access.hpp"
#include "business.hpp"
#include "command_rows.hpp"
#include "escalation.hpp"
#include "matches.hpp"
#include "plan.hpp"

namespace bw {
namespace {

using namespace std::chrono;

struct Clients : Change {
  std::optional<Outcome> check_person(const std::string& first, const std::string& last, const std::string& dob,
                                      year_month_day& birth) const {
    if (first.empty()) return refuse("missing_field", "First name is required.");
    if (last.empty()) return refuse("missing_field", "Last name is required.");
    auto parsed = parse_iso_date(dob);
    if (!parsed)
      return refuse("invalid_field", "Date of birth must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (*parsed > date_of(ctx.now)) return refuse("invalid_field", "Date of birth is in the future.");
    if (age_on(*parsed, date_of(ctx.now)) > 120)
      return refuse("invalid_field", "Date of birth is more than 120 years ago.");
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
      return refuse("not_allowed", std::string(youth ? "A youth's" : "An adult's") + " primary contact is an " +
                                       wanted + "; " + contact->name + " is " + std::string(role_label(contact->role)) +
                                       " (C2).");
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
    const std::string summary =
        "Enrolled " + full_name(client) + " with " + provider->name + "; primary contact " + contact->name;
    const auto warning = youth_age_warning(c.programs, client.date_of_birth, client.enrolled_on);
    ws.add_client(std::move(client));
    Outcome o = done(id, summary + (warning ? ". " + *warning : ""));
    if (warning) o.notice = *warning;
    return o;
  }

  Outcome operator()(const UpdateClient& c) {
    auto it = ws.clients.find(c.client);
    if (it == ws.clients.end()) return refuse("not_found", "No such client.");
    if (!can_enrol_clients(*actor))
      return refuse("not_allowed", std::string(role_label(actor->role)) + " staff cannot change client records.");
    year_month_day birth;
    if (auto r = check_person(c.first_name, c.last_name, c.date_of_birth, birth)) return *r;
    Client& client = it->second;
    // P4: the record's history (its audit) keeps each value as it was.
    std::string changed;
    describe_change(changed, "first name", client.first_name, c.first_name);
    describe_change(changed, "last name", client.last_name, c.last_name);
    describe_change(changed, "date of birth", format_iso_date(client.date_of_birth), format_iso_date(birth));
    describe_change(changed, "email", client.email, c.email);
    describe_change(changed, "phone", client.phone, c.phone);
    if (changed.empty()) return refuse("not_allowed", "Nothing was changed.");
    client.first_name = c.first_name;
    client.last_name = c.last_name;
    client.date_of_birth = birth;
    client.email = c.email;
    client.phone = c.phone;
    stamp(client.revision);
    const auto warning = youth_age_warning(client.programs, birth, date_of(ctx.now));
    Outcome o = done(client.id, "Corrected the details of " + full_name(client) + ": " + changed);
    if (warning) o.notice = *warning;
    return o;
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
    if (auto r = check_primary_contact(c.primary_contact, is_youth(client), ws.organisations.at(client.provider)))
      return *r;
    const std::string from = ws.staff.at(client.primary_contact).name;
    ws.set_primary_contact(client.id, c.primary_contact);
    stamp(client.revision);
    Outcome o = done(client.id, "Transferred " + full_name(client) + " from " + from + " to " +
                                    ws.staff.at(c.primary_contact).name + ": " + c.reason);
    // E2: the client's open issues follow their primary contact.
    for (const Issue* about : issues_about(ws, client.id))
      if (Issue& issue = ws.issues.at(about->id); is_open(issue)) {
        issue.owner = c.primary_contact;
        stamp(issue.revision);
        o.touched.push_back(issue.id);
      }
    // M2: so do their open matches (a dual-enrolled client's stay with the board's Case Manager).
    const RecordId manager = case_manager_for(ws, client);
    for (const RecordId& id : ws.matches_by_client[client.id])
      if (Match& m = ws.matches.at(id); !is_closed(m.stage) && m.case_manager != manager) {
        ws.set_match_approvers(m.id, m.job_owner, manager);
        stamp(m.revision);
        o.touched.push_back(m.id);
      }
    return o;
  }

  Outcome operator()(const ExitClient& c) {
    auto it = ws.clients.find(c.client);
    if (it == ws.clients.end()) return refuse("not_found", "No such client.");
    Client& client = it->second;
    if (!can_exit_client(*actor, client))
      return refuse("not_allowed",
                    "Only the primary contact, a Manager of the provider or an Administrator can exit a client (C4).");
    if (!is_active(client)) return refuse("not_allowed", full_name(client) + " has already exited the program.");
    if (c.reason.empty()) return refuse("missing_field", "Record the reason for the exit (C4).");
    auto on = c.exited_on.empty() ? std::optional(date_of(ctx.now)) : parse_iso_date(c.exited_on);
    if (!on) return refuse("invalid_field", "Exit date must be a real date from 1900 to 2100, YYYY-MM-DD (W4).");
    if (*on > date_of(ctx.now)) return refuse("invalid_field", "Exit date is in the future.");
    if (*on < client.enrolled_on) return refuse("invalid_field", "Exit date is before the enrolment date.");
    client.exited_on = *on;
    client.exit_reason = c.reason;
    stamp(client.revision);
    return done(client.id,
                "Exited " + full_name(client) + " from the program on " + display_date(*on) + ": " + c.reason);
  }

  // N5: the record of what happened is never rewritten; the correction is a new note that refers to it.
  Outcome operator()(const CorrectNote& c) {
    if (trimmed(c.text).empty()) return refuse("missing_field", "Write the correction.");
    if (auto it = ws.comments.find(c.note); it != ws.comments.end()) {
      const Comment& wrong = it->second;
      if (wrong.by != actor->id) return refuse("not_allowed", "Only the person who wrote a comment corrects it.");
      Comment k{ws.new_id(), wrong.record, actor->id, ctx.now, c.text, {}, {}, wrong.id};
      Outcome o = done(wrong.record, "Corrected a comment of " + display_datetime(wrong.at) + ": " + c.text);
      o.id = k.id;
      o.touched.push_back(k.id);
      ws.add_comment(std::move(k));
      return o;
    }
    RecordId client, employer;
    std::string what;
    if (auto it = ws.case_notes.find(c.note); it != ws.case_notes.end()) {
      client = it->second.client, employer = it->second.employer;
      what = "the note of " + display_datetime(it->second.at);
    } else if (auto k = ws.contacts.find(c.note); k != ws.contacts.end()) {
      client = k->second.client;
      what = "the contact of " + display_date(k->second.date);
    } else {
      return refuse("not_found", "Choose the case note, contact or comment to correct.");
    }
    if (!client.empty() ? !can_enrol_clients(*actor) : !can_serve_employers(*actor))
      return refuse("not_allowed", std::string(role_label(actor->role)) + " staff do not write on this file.");
    Outcome o = done(client.empty() ? employer : client, "Corrected " + what + ": " + c.text);
    add_note(o, client, "Correction to " + what + ": " + c.text, {}, employer);
    CaseNote& note = ws.case_notes.at(o.touched.back());
    note.corrects = c.note;
    o.id = note.id;
    return o;
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
      if (!a || a->client != c.client)
        return refuse("not_found", "The review names an activity that is not this client's.");
      if (!is_current(*a)) return refuse("not_allowed", "The activity " + a->name + " has already ended.");
      for (size_t j = 0; j < i; ++j)
        if (c.activities[j].activity == r.activity)
          return refuse("duplicate", "The activity " + a->name + " is reviewed twice.");
      if (r.decision == ActivityDecision::Exited && r.reason.empty())
        return refuse("missing_field", "Give the reason the client no longer attends " + a->name + " (C4).");
      if (r.decision == ActivityDecision::Completed && on < a->start)
        return refuse("invalid_field", a->name + " cannot be completed before it starts.");
    }
    for (const Activity* a : current) {
      const bool reviewed = std::any_of(c.activities.begin(), c.activities.end(),
                                        [&](const ActivityReview& r) { return r.activity == a->id; });
      if (!reviewed)
        return refuse("missing_field",
                      "Review each current activity at the contact (N3): is " + a->name + " still right?");
    }
    std::vector<std::string> documents;
    for (const std::string& d : c.documents)
      if (auto t = trimmed(d); !t.empty()) documents.push_back(std::move(t));
    Contact k{ws.new_id(), c.client, on, c.type, c.with, c.results, std::move(documents), ctx.actor, {}, {}};
    for (const ActivityReview& r : c.activities) k.reviewed.emplace_back(r.activity, r.decision);
    stamp(k.revision);
    const RecordId id = k.id;
    ws.add_contact(std::move(k));
    Outcome o =
        done(id, std::string(contact_type_label(c.type)) + " contact with " + std::string(contact_with_label(c.with)) +
                     " about " + full_name(*client) + " on " + display_date(on) + ": " + c.results);
    for (const ActivityReview& r : c.activities)
      if (r.decision != ActivityDecision::Continues)
        end_activity(o, ws.activities.at(r.activity),
                     r.decision == ActivityDecision::Completed ? ActivityEnd::Completed : ActivityEnd::Exited, on,
                     r.reason);
    return o;
  }
};

}  // namespace

std::vector<CommandRow> clients_commands() {
  using T = FieldType;
  return {
      row<EnrolClient, Clients>(
          {"enrol_client",
           "C1, C2",
           "Enrol a job seeker or youth and give them their primary contact "
           "(C1, C2). A WIOA Youth birth date outside ages 14-24 is enrolled with a warning in notice (C1).",
           {{"first_name", T::Text, true, "first name"},
            {"last_name", T::Text, true, "last name"},
            {"date_of_birth", T::Date, true, "YYYY-MM-DD"},
            {"email", T::Text, false, "email"},
            {"phone", T::Text, false, "phone"},
            {"programs", T::Programs, true, "one or more programs"},
            {"provider", T::Id, true, "the enrolling provider organisation"},
            {"primary_contact", T::Id, true, "an active ERS of the provider for an adult, an ACA for a youth"},
            {"enrolled_on", T::Date, false, "YYYY-MM-DD; today when left out"}}},
          [](const json& j) {
            return EnrolClient{text(j, "first_name"), text(j, "last_name"),       text(j, "date_of_birth"),
                               text(j, "email"),      text(j, "phone"),           programs(j),
                               text(j, "provider"),   text(j, "primary_contact"), text(j, "enrolled_on")};
          }),
      row<UpdateClient, Clients>({"update_client",
                                  "P4, C1",
                                  "Correct a client's name, date of birth or contact details; the audit keeps each "
                                  "value as it was (P4). Case staff. A WIOA Youth birth date outside ages 14-24 "
                                  "is saved with a warning in notice (C1).",
                                  {{"client", T::Id, true, "the client"},
                                   {"first_name", T::Text, true, "first name"},
                                   {"last_name", T::Text, true, "last name"},
                                   {"date_of_birth", T::Date, true, "YYYY-MM-DD"},
                                   {"email", T::Text, false, "email"},
                                   {"phone", T::Text, false, "phone"}}},
                                 [](const json& j) {
                                   return UpdateClient{text(j, "client"),    text(j, "first_name"),
                                                       text(j, "last_name"), text(j, "date_of_birth"),
                                                       text(j, "email"),     text(j, "phone")};
                                 }),
      row<TransferPrimaryContact, Clients>(
          {"transfer_primary_contact",
           "C3",
           "Give a client another primary contact, as a last resort (C3). "
           "A Manager of the client's provider.",
           {{"client", T::Id, true, "the client"},
            {"primary_contact", T::Id, true, "the new primary contact, eligible as on enrolment (C2)"},
            {"reason", T::Text, true, "why, e.g. \"irreconcilable differences after management review\""}}},
          [](const json& j) {
            return TransferPrimaryContact{text(j, "client"), text(j, "primary_contact"), text(j, "reason")};
          }),
      row<ExitClient, Clients>({"exit_client",
                                "C4",
                                "Exit a client from the program (C4). The primary contact, a Manager of the "
                                "provider, or an Administrator.",
                                {{"client", T::Id, true, "the client"},
                                 {"exited_on", T::Date, false, "YYYY-MM-DD; today when left out"},
                                 {"reason", T::Text, true, "why, e.g. \"entered employment\""}}},
                               [](const json& j) {
                                 return ExitClient{text(j, "client"), text(j, "exited_on"), text(j, "reason")};
                               }),
      row<CorrectNote, Clients>(
          {"correct_note",
           "N5, P4",
           "Correct a case note, contact or comment: they are never changed (N5), so the correction is a new case "
           "note on the same file (or a new comment on the same record) whose corrects names the one it corrects, "
           "audited (P4). "
           "Case staff for a client's file, business staff for an employer's; a comment's own writer.",
           {{"note", T::Id, true, "the case note, contact or comment"}, {"text", T::Text, true, "the correction"}}},
          [](const json& j) {
            return CorrectNote{text(j, "note"), text(j, "text")};
          }),
      row<RecordContact, Clients>(
          {"record_contact",
           "N1",
           "Record a contact with or about a client (N1). Case staff.",
           {{"client", T::Id, true, "the client"},
            {"date", T::Date, false, "YYYY-MM-DD; today when left out"},
            {"contact_type", T::ContactType, true, "in_person, telephone, email or letter"},
            {"with", T::ContactWith, true, "participant, parent, school, employer or other"},
            {"results", T::Text, true, "what came of it"},
            {"documents", T::TextList, false, "supporting documents, e.g. [\"attendance sheet\"]"},
            {"activities", T::ActivityReviews, false,
             "N3: every current activity of the client, reviewed: [{activity, decision: continues, completed or "
             "exited, reason}]; a reason is required for exited"}}},
          [](const json& j) {
            std::vector<ActivityReview> reviews;
            if (j.contains("activities") && j["activities"].is_array())
              for (auto& r : j["activities"])
                reviews.push_back(
                    {text(r, "activity"), *activity_decision_from(text(r, "decision")), text(r, "reason")});
            return RecordContact{text(j, "client"),
                                 text(j, "date"),
                                 *contact_type_from(text(j, "contact_type")),
                                 *contact_with_from(text(j, "with")),
                                 text(j, "results"),
                                 texts(j, "documents"),
                                 reviews};
          }),
  };
}

}  // namespace bw
