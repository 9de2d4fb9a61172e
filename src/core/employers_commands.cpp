// Employer accounts, establishments and services (B1-B5, R1): each command's handler next to the rules it applies, and
// its row in the command table (commands.cpp reads the rows).
#include <algorithm>

#include "business.hpp"
#include "command_rows.hpp"

namespace bw {
namespace {

using namespace std::chrono;

struct Employers : Change {
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
    ws.add_employer(std::move(e));
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
      if (other->name == c.name)
        return refuse("duplicate", e->legal_name + " already has an establishment \"" + c.name + "\".");
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
      return refuse(
          "invalid_field",
          "An inbound communication is the business's own; \"reciprocated\" is for our outreach that got an answer.");
    const AccountStanding before = account_standing(ws, *e, date_of(ctx.now));
    Communication k{ws.new_id(),
                    c.employer,
                    std::get<year_month_day>(on),
                    c.channel,
                    c.inbound ? Direction::Inbound : Direction::Outbound,
                    c.reciprocated,
                    c.summary,
                    ctx.actor,
                    {}};
    stamp(k.revision);
    const RecordId id = k.id;
    ws.add_communication(std::move(k));
    Outcome o = done(
        id, std::string(channel_label(c.channel)) + (c.inbound ? " from " : " to ") + e->legal_name + ": " + c.summary);
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
      notify(o, owner.staff, actor->name + " joined the account of " + e.legal_name + ": coordinate with them (B3).",
             e.id);
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
    ws.set_triage(e.id, Triage{c.route, actor->id, ctx.now, c.note});
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
      return refuse("missing_field",
                    "Consult the board before refusing service: who was consulted and what they said (B5).");
    auto on = day_of(c.consulted_on, "The consultation date");
    if (auto* r = std::get_if<Outcome>(&on)) return *r;
    if (c.consulted_on.empty()) return refuse("missing_field", "Give the date the board was consulted (B5).");
    e.refusal =
        Refusal{c.concern, c.board_consulted, std::get<year_month_day>(on), c.board_outcome, actor->id, ctx.now};
    stamp(e.revision);
    Outcome o = done(e.id, "Refused staff-assisted service to " + e.legal_name + ": " + c.concern);
    add_note(o, {},
             "Service refused (B5). Concern: " + c.concern + ". Board consulted: " + c.board_consulted + " on " +
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

  Outcome operator()(const LogService& c) {
    const Establishment* site = ws.find_establishment(c.establishment);
    if (!site)
      return refuse("not_found", "Choose the establishment served: services are tracked by establishment (B1).");
    if (auto r = need_business_staff()) return *r;
    const Employer& e = ws.employers.at(site->employer);
    if (auto why = service_refusal(e)) return refuse("not_allowed", *why);
    const LocalServiceType* type = local_service_type(ws, c.local_type);
    if (!type) return refuse("invalid_field", "Choose a service type from the list in Settings (R1).");
    auto on = day_of(c.date, "The service date");
    if (auto* r = std::get_if<Outcome>(&on)) return *r;
    const RecordId by = c.staff.empty() ? actor->id : c.staff;
    const Staff* staff = ws.find_staff(by);
    if (!staff) return refuse("not_found", "No such staff member.");
    if (c.gained.empty()) return refuse("missing_field", "Say what the employer gained from the service (R1).");
    // R1: asked before saving, not after: receiving paperwork is not a service.
    if (auto warning = paperwork_warning(c.gained); warning && !c.confirmed)
      return refuse("needs_confirmation", *warning + " If it is a real service, confirm it and save again.");
    Service sv{ws.new_id(), site->id, e.id, std::get<year_month_day>(on), type->category, type->name, by, c.program,
               c.gained,    ctx.now,  {},   actor->id, {}, {}, {}};
    stamp(sv.revision);
    const RecordId id = sv.id;
    ws.add_service(std::move(sv));
    return done(id, std::string(type->name) + " for " + e.legal_name + ", " + site->name + ": " + c.gained +
                        (c.confirmed && paperwork_warning(c.gained) ? " (confirmed a real service, R1)" : ""));
  }

  // P4, R1: a service entered by mistake leaves the ESE files and the standards; the record stays, voided.
  Outcome operator()(const VoidService& c) {
    auto it = ws.services.find(c.service);
    if (it == ws.services.end()) return refuse("not_found", "No such service.");
    Service& sv = it->second;
    if (is_voided(sv)) return refuse("not_allowed", "This service is already voided.");
    if (!may_void_service(ws, *actor, sv))
      return refuse("not_allowed", "Only the person who entered the service, or a Manager of their organisation, voids it (P4).");
    if (c.reason.empty()) return refuse("missing_field", "Say why the service is voided, e.g. entered twice.");
    sv.voided_at = ctx.now;
    sv.voided_by = actor->id;
    sv.void_reason = c.reason;
    stamp(sv.revision);
    const Employer& e = ws.employers.at(sv.employer);
    return done(sv.id, "Voided the service of " + display_date(sv.date) + " (" + sv.local_type + ") for " +
                           e.legal_name + ": " + c.reason + ". It no longer counts in the ESE files or the standards.");
  }

  Outcome operator()(const SetLocalServiceType& c) {
    if (auto r = need_people_manager()) return *r;
    if (c.name.empty()) return refuse("missing_field", "Name the local service type.");
    auto& types = ws.meta.local_service_types;
    auto t = std::find_if(types.begin(), types.end(), [&](auto& x) { return x.name == c.name; });
    if (t == types.end())
      types.push_back({c.name, c.category});
    else
      t->category = c.category;
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
};

}  // namespace

std::vector<CommandRow> employers_commands() {
  using T = FieldType;
  return {
      row<AddEmployer, Employers>(
          {"add_employer",
           "B1, B3",
           "Enter an employer with its first establishment (B1). Business staff; a BSR who enters it "
           "owns the account (B3).",
           {{"legal_name", T::Text, true, "the employer's legal name"},
            {"fein", T::Text, true, "Federal Employer Identification Number, 12-3456789"},
            {"ui_account", T::Text, false, "state unemployment-insurance account number"},
            {"kind", T::EmployerKind, true, "direct_employer, recruitment_agency or third_party"},
            {"establishment", T::Text, true, "the establishment's name, e.g. \"Fresno warehouse\""},
            {"address", T::Text, true, "street, city, state, ZIP"},
            {"naics", T::Text, true, "six-digit NAICS code of its main activity"}}},
          [](const json& j) {
            return AddEmployer{text(j, "legal_name"),    text(j, "fein"),
                               text(j, "ui_account"),    *employer_kind_from(text(j, "kind")),
                               text(j, "establishment"), text(j, "address"),
                               text(j, "naics")};
          }),
      row<UpdateEmployer, Employers>(
          {"update_employer",
           "",
           "Correct an employer's name, FEIN, UI account or kind. Business staff.",
           {{"employer", T::Id, true, "the employer"},
            {"legal_name", T::Text, true, "legal name"},
            {"fein", T::Text, true, "12-3456789"},
            {"ui_account", T::Text, false, "state UI account number"},
            {"kind", T::EmployerKind, true, "direct_employer, recruitment_agency or third_party"}}},
          [](const json& j) {
            return UpdateEmployer{text(j, "employer"), text(j, "legal_name"), text(j, "fein"), text(j, "ui_account"),
                                  *employer_kind_from(text(j, "kind"))};
          }),
      row<AddEstablishment, Employers>(
          {"add_establishment",
           "B1",
           "Add an establishment: one location, one main activity (B1). Business staff.",
           {{"employer", T::Id, true, "the employer"},
            {"name", T::Text, true, "e.g. \"Clovis clinic\""},
            {"address", T::Text, true, "street, city, state, ZIP"},
            {"naics", T::Text, true, "six-digit NAICS code"}}},
          [](const json& j) {
            return AddEstablishment{text(j, "employer"), text(j, "name"), text(j, "address"), text(j, "naics")};
          }),
      row<LogCommunication, Employers>(
          {"log_communication",
           "B2",
           "Log a communication with an employer (B2). Business staff.",
           {{"employer", T::Id, true, "the employer"},
            {"date", T::Date, false, "YYYY-MM-DD; today when left out"},
            {"channel", T::Channel, true, "in_person, telephone, email, letter or visit"},
            {"inbound", T::Bool, false, "true when the business got in touch"},
            {"reciprocated", T::Bool, false, "true when the business answered our outreach"},
            {"summary", T::Text, true, "what was said"}}},
          [](const json& j) {
            return LogCommunication{text(j, "employer"), text(j, "date"),         *channel_from(text(j, "channel")),
                                    flag(j, "inbound"),  flag(j, "reciprocated"), text(j, "summary")};
          }),
      row<JoinAccount, Employers>({"join_account",
                                   "B3",
                                   "Add yourself as an owner of an employer account (B3); its owners are told. BSRs.",
                                   {{"employer", T::Id, true, "the employer"}}},
                                  [](const json& j) { return JoinAccount{text(j, "employer")}; }),
      row<TriageEmployer, Employers>(
          {"triage_employer",
           "B4",
           "Route a business: focus sectors to the board's business team, others to the center "
           "(B4). Business staff.",
           {{"employer", T::Id, true, "the employer"},
            {"route", T::TriageRoute, true, "board_business_team or center"},
            {"note", T::Text, false, "required when the route differs from the focus-sector rule"}}},
          [](const json& j) {
            return TriageEmployer{text(j, "employer"), *route_from(text(j, "route")), text(j, "note")};
          }),
      row<SetFocusSectors, Employers>(
          {"set_focus_sectors",
           "B4",
           "Set the board's focus sectors (B4). Administrators.",
           {{"sectors", T::TextList, true, "sector names, as the \"sectors\" query lists them"}}},
          [](const json& j) { return SetFocusSectors{texts(j, "sectors")}; }),
      row<RefuseService, Employers>(
          {"refuse_service",
           "B5",
           "Refuse staff-assisted service to an employer after consulting the board (B5). Business "
           "staff.",
           {{"employer", T::Id, true, "the employer"},
            {"concern", T::Text, true, "the concern, e.g. safety protocols not followed"},
            {"board_consulted", T::Text, true, "who at the board was consulted"},
            {"consulted_on", T::Date, true, "YYYY-MM-DD"},
            {"board_outcome", T::Text, true, "what the board said"}}},
          [](const json& j) {
            return RefuseService{text(j, "employer"), text(j, "concern"), text(j, "board_consulted"),
                                 text(j, "consulted_on"), text(j, "board_outcome")};
          }),
      row<RestoreService, Employers>(
          {"restore_service",
           "B5",
           "Lift a refusal of service (B5). Business staff.",
           {{"employer", T::Id, true, "the employer"}, {"note", T::Text, true, "why service resumes"}}},
          [](const json& j) {
            return RestoreService{text(j, "employer"), text(j, "note")};
          }),
      row<LogService, Employers>(
          {"log_service",
           "R1",
           "Log a service to an establishment (R1). Business staff.",
           {{"establishment", T::Id, true, "the establishment served"},
            {"date", T::Date, false, "YYYY-MM-DD; today when left out"},
            {"local_type", T::Text, true, "a local service type from Settings; it sets the federal category"},
            {"staff", T::Id, false, "who delivered it; you when left out"},
            {"program", T::Program, true, "the program it was delivered under"},
            {"gained", T::Text, true, "what the employer gained"},
            {"confirmed", T::Bool, false,
             "true: a real service, though the description reads like paperwork (refused with needs_confirmation "
             "otherwise)"}}},
          [](const json& j) {
            return LogService{text(j, "establishment"),
                              text(j, "date"),
                              text(j, "local_type"),
                              text(j, "staff"),
                              *program_from(text(j, "program")),
                              text(j, "gained"),
                              flag(j, "confirmed")};
          }),
      row<VoidService, Employers>(
          {"void_service",
           "P4, R1",
           "Void a service entered by mistake, with the reason (P4). The person who entered it, or a Manager. "
           "It leaves the ESE files and the standards (R1) and stays in the employer's history, struck through.",
           {{"service", T::Id, true, "the service"}, {"reason", T::Text, true, "why, e.g. \"entered twice\""}}},
          [](const json& j) {
            return VoidService{text(j, "service"), text(j, "reason")};
          }),
      row<SetLocalServiceType, Employers>(
          {"set_local_service_type",
           "R1",
           "Add or change a local service type and its federal category (R1). "
           "Administrators.",
           {{"name", T::Text, true, "the local name"},
            {"category", T::ServiceCategory, true, "one of the eight federal categories"}}},
          [](const json& j) {
            return SetLocalServiceType{text(j, "name"), *category_from(text(j, "category"))};
          }),
      row<RemoveLocalServiceType, Employers>({"remove_local_service_type",
                                              "R1",
                                              "Remove a local service type (R1). Administrators.",
                                              {{"name", T::Text, true, "the local name"}}},
                                             [](const json& j) { return RemoveLocalServiceType{text(j, "name")}; }),
  };
}

}  // namespace bw
