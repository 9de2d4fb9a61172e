#include "generate.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <queue>

#include "business.hpp"
#include "escalation.hpp"
#include "jobs.hpp"
#include "matches.hpp"
#include "plan.hpp"
#include "report.hpp"

namespace bw {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;
constexpr LocalSeconds kDay = 86400;

// splitmix64: the same numbers on every platform, unlike <random>'s distributions.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return n <= 1 ? 0 : int(next() % std::uint64_t(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }  // inclusive
  double unit() { return double(next() >> 11) / double(1ULL << 53); }
  bool chance(double p) { return unit() < p; }
  template <class T, size_t N> const T& pick(const std::array<T, N>& a) { return a[size_t(below(int(N)))]; }
};

constexpr std::array<const char*, 48> kFirstNames = {
    "Avery", "Jordan", "Marisol", "Dmitri", "Keisha", "Tobias", "Yesenia", "Arjun", "Colette", "Desmond",
    "Imani", "Rafael", "Brielle", "Cormac", "Lucinda", "Thanh", "Graciela", "Obinna", "Harriet", "Emilio",
    "Noor", "Silas", "Penelope", "Kwame", "Rosalind", "Mateo", "Ingrid", "Darnell", "Fatima", "Casimir",
    "Leilani", "Everett", "Xiomara", "Bartholomew", "Aaliyah", "Ignatius", "Veronika", "Tariq", "Wren", "Alonzo",
    "Marguerite", "Hyun", "Odessa", "Lachlan", "Priyanka", "Santiago", "Beatrix", "Kenji"};
constexpr std::array<const char*, 64> kLastNames = {
    "Abernathy", "Balogun", "Castellanos", "Delacroix", "Esposito", "Fairweather", "Gallagher", "Halvorsen",
    "Ibarra", "Jaramillo", "Kowalczyk", "Lindqvist", "Mbeki", "Nakagawa", "Okonkwo", "Pemberton",
    "Quintero", "Rasmussen", "Szabo", "Thistlewood", "Umberger", "Valdivia", "Whitcombe", "Xiong",
    "Yarborough", "Zamora", "Ashdown", "Breckenridge", "Cavanaugh", "Dunleavy", "Eriksen", "Fontaine",
    "Grimaldi", "Hollingsworth", "Iwasaki", "Jablonski", "Kingsley", "Lozano", "Montague", "Nwosu",
    "Oyelaran", "Pacheco", "Quimby", "Rutherford", "Salazar", "Tremblay", "Underhill", "Villanueva",
    "Wexford", "Ybarra", "Zielinski", "Ambrose", "Bellamy", "Corcoran", "Dominguez", "Ellsworth",
    "Fitzgerald", "Gutierrez", "Huxley", "Ivanova", "Jefferson", "Kimura", "Larkspur", "Moreau"};
constexpr std::array<const char*, 12> kTowns = {"Fresno", "Clovis", "Madera", "Visalia", "Hanford", "Selma",
                                                "Reedley", "Sanger", "Kerman", "Tulare", "Dinuba", "Merced"};
constexpr std::array<const char*, 16> kBusinessWords = {
    "Harvest", "Summit", "Riverbend", "Golden State", "Oak Grove", "Sierra", "Valley", "Pioneer",
    "Granite", "Blue Oak", "Central", "Sunrise", "Redwood", "Cascade", "Meridian", "Foothill"};
struct Sector { const char* noun; const char* naics; std::array<const char*, 3> jobs; };
constexpr std::array<Sector, 8> kSectors = {{
    {"Health Partners", "621111", {"Certified Nursing Assistant", "Medical Receptionist", "Phlebotomist"}},
    {"Precision Machining", "332710", {"CNC Machinist", "Quality Inspector", "Machinist Apprentice"}},
    {"Construction", "236220", {"Carpenter Helper", "Laborer", "Site Safety Assistant"}},
    {"Grocers", "445110", {"Grocery Clerk", "Deli Associate", "Stocker"}},
    {"Logistics", "493110", {"Forklift Operator", "Warehouse Associate", "Shipping Clerk"}},
    {"Software", "541511", {"Junior Web Developer", "IT Support Technician", "QA Tester"}},
    {"Ag Packing", "115114", {"Packing Line Worker", "Sorter", "Shift Lead"}},
    {"Hospitality", "721110", {"Front Desk Agent", "Housekeeper", "Line Cook"}},
}};
constexpr std::array<const char*, 6> kContactResults = {
    "Reviewed the job search log; two applications this week",
    "Talked through the training schedule; attendance is good",
    "Updated the resume together and practised interview questions",
    "Checked in about transportation; the bus pass arrived",
    "Discussed childcare for the evening classes; arranged with family",
    "Went over the next steps of the plan; no concerns"};
constexpr std::array<const char*, 5> kConcerns = {
    "Missed two training sessions without calling", "Says the training provider has not paid the stipend",
    "Lost the bus pass and cannot get to class", "Employer reports late arrivals in the first week",
    "Needs help with a housing deposit before starting work"};
constexpr std::array<const char*, 4> kGoals = {
    "Earn an industry certificate and find work in the field", "Return to full-time work at a living wage",
    "Move into a job with room to advance", "Finish the diploma and get a first job"};
constexpr std::array<const char*, 6> kActivities = {
    "Occupational skills training", "Job search workshop series", "Resume and interview coaching",
    "Work experience placement", "Forklift operator certification", "Microsoft Office skills class"};
constexpr std::array<const char*, 4> kExitReasons = {"Employed full time", "Moved out of the area",
                                                      "No longer interested in services", "Enrolled in college"};
constexpr std::array<const char*, 5> kGains = {
    "Wage and supply data for the roles they struggle to fill", "Six screened candidates referred; two interviews set",
    "Met job seekers at an on-site hiring event", "A recruiting plan for their second shift",
    "Training for current workers on new equipment"};

enum class Kind { Enrol, Contact, Exit, Issue, CloseIssue, Comment, Employer, Reply, Triage, Service, Job, JobEnd,
                  Match, MatchStep, CompleteHire, Deactivate, EseExport, ReadInbox };
struct Event {
  LocalSeconds at;
  std::uint64_t seq;
  Kind kind;
  int a = 0, b = 0;
  bool operator>(const Event& o) const { return at != o.at ? at > o.at : seq > o.seq; }
};

struct CaseStaff { RecordId id, organisation; double weight; };
struct EmployerState { RecordId id, owner; bool direct; };

class Generator {
 public:
  Generator(int clients, std::uint64_t seed, const std::string& origin, LocalSeconds now)
      : n_(std::max(1, clients)), rnd_{seed}, now_(now) {
    start_ = now - 740 * kDay;
    auto made = create_workspace("Sierra Foothills Workforce Board", "Morgan Ellery",
                                 "morgan.ellery@board.example", origin, start_);
    NewWorkspace& w = std::get<NewWorkspace>(made);
    g_.workspace = std::move(w.workspace);
    g_.administrator = w.administrator;
    g_.workspace.meta.demo = true;  // fictional: a demo, with its clock and reset
  }

  Generated run() {
    setup_people();
    for (int i = 0; i < n_; ++i) schedule(start_ + 20 * kDay + LocalSeconds(rnd_.unit() * 718 * kDay), Kind::Enrol, i);
    const int employers = std::max(3, n_ * 2 / 5);
    for (int e = 0; e < employers; ++e) {
      const double u = std::sqrt(rnd_.unit());  // most accounts are older
      schedule(now_ - 5 * kDay - LocalSeconds(u * 360 * kDay), Kind::Employer, e);
    }
    for (int d = 0; d < deactivations_; ++d) schedule(now_ - LocalSeconds(10 + 7 * d) * kDay, Kind::Deactivate, d);
    // R2: each quarter's ESE report exported a few days before it is due.
    for (ProgramQuarter q = program_quarter_of(date_of(start_ + 400 * kDay));;
         q = program_quarter_of(sys_days{last_day(q)} + days{1})) {
      const LocalSeconds at = start_of(sys_days{ese_due(q)} - days{5}) + 10 * 3600;
      if (at >= now_) break;
      schedule(at, Kind::EseExport, q.program_year, q.quarter);
    }
    schedule(now_ - 2 * kDay, Kind::ReadInbox, 0);  // K2: staff read their inboxes; the last two days wait
    while (!queue_.empty()) {
      const Event e = queue_.top();
      queue_.pop();
      handle(e);
    }
    return std::move(g_);
  }

 private:
  Generated g_;
  Workspace& ws() { return g_.workspace; }
  int n_;
  Random rnd_;
  LocalSeconds now_, start_;
  std::uint64_t seq_ = 0;
  std::priority_queue<Event, std::vector<Event>, std::greater<>> queue_;
  std::vector<CaseStaff> ers_, acas_;
  std::vector<RecordId> bsrs_, training_providers_, managers_;
  std::vector<RecordId> clients_;        // by client number, once enrolled
  std::vector<EmployerState> employers_;  // by employer number, once added
  std::vector<RecordId> jobs_;
  std::vector<RecordId> matches_;
  std::vector<RecordId> hires_;
  std::vector<RecordId> issues_;
  std::vector<int> seekers_;  // clients with job board access (M6)
  int deactivations_ = 0;

  void schedule(LocalSeconds at, Kind kind, int a, int b = 0) {
    if (at < now_) queue_.push(Event{at, seq_++, kind, a, b});
  }
  static LocalSeconds working_hour(LocalSeconds day_start, Random& r) { return day_start + (9 * 3600) + r.below(8 * 3600); }
  LocalSeconds later(LocalSeconds t, int min_days, int max_days) {
    return working_hour(start_of(date_of(t + LocalSeconds(rnd_.between(min_days, max_days)) * kDay)), rnd_);
  }
  static std::string day(LocalSeconds t) { return format_iso_date(date_of(t)); }

  RecordId run(const Command& c, const RecordId& who, LocalSeconds at) {
    ++g_.commands;
    Outcome o = apply(ws(), c, Context{who, at});
    if (!o.ok && g_.refused++ == 0) g_.first_refusal = std::string(command_type(c)) + ": " + o.error.message;
    return o.ok ? o.id : RecordId{};
  }
  std::string person_name() {
    return std::string(rnd_.pick(kFirstNames)) + " " + rnd_.pick(kLastNames);
  }

  void setup_people() {
    const RecordId admin = g_.administrator;
    const LocalSeconds t = start_;
    const int centers = std::max(1, (n_ + 7999) / 8000), youth = std::max(1, (n_ + 19999) / 20000);
    const int trainers = std::clamp(n_ / 5000, 2, 40);
    const int adults = n_ - n_ / 5;
    const int ers = std::max(2, (adults + 62) / 125), acas = std::max(1, (n_ / 5 + 62) / 125);
    const int bsrs = std::max(2, (n_ * 2 / 5 + 30) / 60);
    std::vector<RecordId> center_ids, youth_ids;
    auto staff = [&](const std::string& name, const RecordId& org, Role role) {
      std::string email = name;
      std::replace(email.begin(), email.end(), ' ', '.');
      std::transform(email.begin(), email.end(), email.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
      return run(AddStaff{name, email + std::to_string(ws().staff.size()) + "@staff.example", org, role, ""}, admin, t);
    };
    for (int i = 0; i < centers; ++i) {
      center_ids.push_back(run(AddOrganisation{std::string(kTowns[size_t(i) % kTowns.size()]) + " Career Center" +
                                                   (i >= int(kTowns.size()) ? " " + std::to_string(i / kTowns.size() + 1) : ""),
                                               OrganisationKind::OneStopProvider},
                               admin, t));
      managers_.push_back(staff(person_name(), center_ids.back(), Role::Manager));
    }
    for (int i = 0; i < youth; ++i) {
      youth_ids.push_back(run(AddOrganisation{"Youth Pathways " + std::to_string(i + 1), OrganisationKind::YouthProvider}, admin, t));
      staff(person_name(), youth_ids.back(), Role::Manager);
    }
    for (int i = 0; i < trainers; ++i) {
      training_providers_.push_back(run(AddOrganisation{std::string(rnd_.pick(kBusinessWords)) + " Technical Institute " +
                                                            std::to_string(i + 1),
                                                        OrganisationKind::TrainingProvider},
                                        admin, t));
      staff(person_name(), training_providers_.back(), Role::TrainingProviderStaff);
    }
    // Caseloads differ: weights from 1 to 3.75 give caseloads of about 40 to 150.
    for (int i = 0; i < ers; ++i) {
      const RecordId& org = center_ids[size_t(i) % center_ids.size()];
      ers_.push_back({staff(person_name(), org, Role::EmploymentReadinessSpecialist), org, 1 + 2.75 * rnd_.unit()});
    }
    for (int i = 0; i < acas; ++i) {
      const RecordId& org = youth_ids[size_t(i) % youth_ids.size()];
      acas_.push_back({staff(person_name(), org, Role::AcademicCareerAdvisor), org, 1 + 2.75 * rnd_.unit()});
    }
    for (int i = 0; i < bsrs; ++i)
      bsrs_.push_back(staff(person_name(), center_ids[size_t(i) % center_ids.size()], Role::BusinessServicesRepresentative));
    deactivations_ = ers > 2 ? std::max(1, n_ / 5000) : 0;  // P3: their clients wait for a Manager
  }

  const CaseStaff& choose(const std::vector<CaseStaff>& staff) {
    const auto weight = [&](const CaseStaff& s) { return ws().staff.at(s.id).active ? s.weight : 0.0; };
    double total = 0;
    for (const CaseStaff& s : staff) total += weight(s);
    double x = rnd_.unit() * total;
    for (const CaseStaff& s : staff)
      if (weight(s) > 0 && (x -= weight(s)) < 0) return s;
    return staff.front();
  }

  void handle(const Event& e) {
    switch (e.kind) {
      case Kind::Enrol: return enrol(e);
      case Kind::Contact: return contact(e);
      case Kind::Exit: return exit(e);
      case Kind::Issue: return issue(e);
      case Kind::CloseIssue: return close_issue(e);
      case Kind::Comment: return comment(e);
      case Kind::Employer: return employer(e);
      case Kind::Reply: return reply(e);
      case Kind::Triage: return triage(e);
      case Kind::Service: return service(e);
      case Kind::Job: return job(e);
      case Kind::JobEnd: return job_end(e);
      case Kind::Match: return match(e);
      case Kind::MatchStep: return match_step(e);
      case Kind::CompleteHire: return complete_hire(e);
      case Kind::Deactivate: return deactivate(e);
      case Kind::EseExport: return void(run(RecordEseExport{e.a, e.b}, managers_.front(), e.at));
      case Kind::ReadInbox: return read_inboxes(e);
    }
  }

  const Client* client(int i) { return size_t(i) < clients_.size() ? ws().find_client(clients_[size_t(i)]) : nullptr; }

  void enrol(const Event& e) {
    const bool youth = rnd_.chance(0.2);
    const CaseStaff& by = choose(youth ? acas_ : ers_);
    const year_month_day on = date_of(e.at);
    const int age = youth ? rnd_.between(16, 22) : rnd_.between(19, 64);
    const year_month_day born = sys_days{on} - days{age * 365 + rnd_.below(300) + 20};
    const std::string first = rnd_.pick(kFirstNames), last = rnd_.pick(kLastNames);
    std::string email = first + "." + last + std::to_string(e.a) + "@mail.example";
    std::transform(email.begin(), email.end(), email.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    const std::string phone = "(559) 555-" + std::to_string(1000 + e.a % 9000);
    const std::vector<Program> programs = youth ? std::vector{Program::WioaYouth}
                                          : rnd_.chance(0.25) ? std::vector{Program::WioaDislocatedWorker}
                                                              : std::vector{Program::WioaAdult};
    const RecordId id = run(EnrolClient{first, last, format_iso_date(born), email, phone, programs, by.organisation, by.id,
                                        format_iso_date(on)},
                            by.id, e.at);
    if (id.empty()) return;
    if (clients_.size() <= size_t(e.a)) clients_.resize(size_t(e.a) + 1);
    clients_[size_t(e.a)] = id;
    // S1: a goal or two, each with an activity; some training at a training provider (C5).
    const int goals = rnd_.chance(0.4) ? 2 : 1;
    for (int g = 0; g < goals; ++g) add_activity(id, run(AddGoal{id, rnd_.pick(kGoals)}, by.id, e.at + 600), by.id, e.at + 900);
    if (rnd_.chance(0.85))
      run(RecordPlanAgreement{id, day(e.at), "Signed at the enrolment meeting"}, by.id, e.at + 1200);
    if (e.a % 500 == 7 && !run(SetPortalAccess{id, std::to_string(2000 + e.a % 7000)}, by.id, e.at + 1500).empty())  // M6
      seekers_.push_back(e.a);
    schedule(later(e.at, 20, 34), Kind::Contact, e.a);
    if (rnd_.chance(0.3)) schedule(later(e.at, 180, 600), Kind::Exit, e.a);
    if (rnd_.chance(0.1)) schedule(later(e.at, 10, 200), Kind::Issue, e.a);
    for (int c = 0; c < 2; ++c) schedule(later(e.at, 1, 150), Kind::Comment, e.a, c);
  }

  void add_activity(const RecordId& client, const RecordId& goal, const RecordId& by, LocalSeconds at) {
    const year_month_day start = date_of(at);
    const year_month_day end = sys_days{start} + days{7 * rnd_.between(4, 20)};
    const bool training = rnd_.chance(0.3);
    run(AddActivity{client, rnd_.pick(kActivities), goal,
                    training ? training_providers_[size_t(rnd_.below(int(training_providers_.size())))] : RecordId{},
                    format_iso_date(start), format_iso_date(end)},
        by, at);
  }

  void contact(const Event& e) {
    const Client* c = client(e.a);
    if (!c || !is_active(*c)) return;
    const RecordId client = c->id, by = c->primary_contact;
    if (!ws().staff.at(by).active) return;  // P3: waiting for a new primary contact
    const year_month_day on = date_of(e.at);
    RecordContact k{client, format_iso_date(on), ContactType::InPerson, ContactWith::Participant, rnd_.pick(kContactResults), {}, {}};
    const int type = rnd_.below(10);
    k.type = type < 4 ? ContactType::InPerson : type < 8 ? ContactType::Telephone : ContactType::Email;
    bool finished = false;
    for (const Activity* a : current_activities(ws(), client)) {
      const bool done = a->planned_end < on && on >= a->start && rnd_.chance(0.75);
      k.activities.push_back({a->id, done ? ActivityDecision::Completed : ActivityDecision::Continues, ""});
      finished |= done;
    }
    run(k, by, e.at);
    if (finished && rnd_.chance(0.5)) add_activity(client, {}, by, e.at + 600);
    // N2: most months have a contact; some clients miss one.
    schedule(rnd_.chance(0.08) ? later(e.at, 40, 60) : later(e.at, 25, 33), Kind::Contact, e.a);
  }

  void exit(const Event& e) {
    const Client* c = client(e.a);
    if (!c || !is_active(*c) || !ws().staff.at(c->primary_contact).active) return;
    const RecordId client = c->id, by = c->primary_contact;
    const year_month_day on = date_of(e.at);
    for (const Activity* a : current_activities(ws(), client))
      run(EndActivity{a->id, on >= a->start ? ActivityEnd::Completed : ActivityEnd::Exited, format_iso_date(on),
                      on >= a->start ? "" : "Left the program"},
          by, e.at);
    run(ExitClient{client, format_iso_date(on), rnd_.pick(kExitReasons)}, by, e.at + 300);
  }

  void issue(const Event& e) {
    const Client* c = client(e.a);
    if (!c || !is_active(*c) || !ws().staff.at(c->primary_contact).active) return;
    const RecordId id = run(RaiseIssue{c->id, rnd_.pick(kConcerns), rnd_.chance(0.7) ? IssueSource::Client : IssueSource::TrainingProvider, {}},
                            c->primary_contact, e.at);
    if (id.empty()) return;
    issues_.push_back(id);
    // E3-E5: most are resolved within days, some are escalated first, some stay open.
    const double u = rnd_.unit();
    if (u < 0.1) schedule(later(e.at, 2, 4), Kind::CloseIssue, int(issues_.size() - 1), 1);
    else if (u < 0.85) schedule(later(e.at, 1, 8), Kind::CloseIssue, int(issues_.size() - 1), 0);
  }

  void close_issue(const Event& e) {
    const Issue& i = ws().issues.at(issues_[size_t(e.a)]);
    if (!is_open(i) || !ws().staff.at(i.owner).active) return;
    const RecordId id = i.id, owner = i.owner;
    if (e.b == 1) {
      run(EscalateIssue{id}, owner, e.at);
      schedule(later(e.at, 2, 10), Kind::CloseIssue, e.a, 0);
      return;
    }
    run(CloseIssue{id, IssueOutcome::Resolved, "Talked it through with everyone involved; settled."}, owner, e.at);
  }

  void comment(const Event& e) {
    const Client* c = client(e.a);
    if (!c || !ws().staff.at(c->primary_contact).active) return;
    std::string text = e.b == 0 ? "Good progress this month; keep the appointments on the calendar."
                                : "Asked about evening shifts; worth a look when jobs come in.";
    if (rnd_.chance(0.2)) text = "@" + ws().staff.at(bsrs_[size_t(rnd_.below(int(bsrs_.size())))]).name + " " + text;  // K1
    run(AddComment{c->id, text}, c->primary_contact, e.at);
  }

  void employer(const Event& e) {
    const RecordId by = bsrs_[size_t(rnd_.below(int(bsrs_.size())))];
    const Sector& sector = rnd_.pick(kSectors);
    const double kind = rnd_.unit();
    const EmployerKind k = kind < 0.9 ? EmployerKind::DirectEmployer : kind < 0.97 ? EmployerKind::RecruitmentAgency
                                                                                      : EmployerKind::ThirdParty;
    const std::string town = rnd_.pick(kTowns);
    const std::string name = std::string(rnd_.pick(kBusinessWords)) + " " + sector.noun + " " + std::to_string(e.a + 1);
    static constexpr std::array<const char*, 12> kFeinPrefixes = {"94", "77", "68", "33", "46", "27",
                                                                   "81", "20", "45", "52", "84", "91"};
    const std::string fein = std::string(kFeinPrefixes[size_t(e.a) % kFeinPrefixes.size()]) + "-" + std::to_string(1000000 + e.a);
    const RecordId id = run(AddEmployer{name, fein, "", k, town + " site", std::to_string(100 + e.a % 9000) + " Main St, " + town + ", CA 93" + std::to_string(600 + e.a % 99), sector.naics},
                            by, e.at);
    if (id.empty()) return;
    employers_.push_back({id, by, k == EmployerKind::DirectEmployer});
    const int n = int(employers_.size() - 1);
    run(LogCommunication{id, day(e.at), Channel::Telephone, false, false, "Introduced the center's hiring services"}, by, e.at + 600);
    if (rnd_.chance(0.5))
      run(AddEstablishment{id, "Second site", std::to_string(200 + e.a % 9000) + " Oak Ave, " + town + ", CA 93650", sector.naics}, by, e.at + 900);
    if (rnd_.chance(0.7)) schedule(later(e.at, 2, 10), Kind::Reply, n);
    if (rnd_.chance(0.9)) schedule(later(e.at, 1, 3), Kind::Triage, n);  // B4: the rest wait in the queue
    if (rnd_.chance(0.05)) {
      const RecordId issue = run(RaiseIssue{{}, "A placed worker says the first paycheck was short", IssueSource::Employer, id}, by, e.at + 1200);
      if (!issue.empty()) issues_.push_back(issue), schedule(later(e.at, 1, 8), Kind::CloseIssue, int(issues_.size() - 1), 0);
    }
    schedule(later(e.at, 0, 9), Kind::Service, n);
    schedule(later(e.at, 1, 60), Kind::Job, n);
  }

  void reply(const Event& e) {
    const EmployerState& s = employers_[size_t(e.a)];
    run(LogCommunication{s.id, day(e.at), Channel::Email, true, false, "Replied about open positions"}, s.owner, e.at);
  }

  void triage(const Event& e) {
    const EmployerState& s = employers_[size_t(e.a)];
    run(TriageEmployer{s.id, suggested_route(ws(), s.id), ""}, s.owner, e.at);
  }

  // R1: about 20 services a client a year, at the accounts' establishments.
  void service(const Event& e) {
    const EmployerState& s = employers_[size_t(e.a)];
    schedule(later(e.at, 1, 8), Kind::Service, e.a);
    if (!s.direct) return;
    const auto& sites = ws().establishments_by_employer.at(s.id);
    const auto& types = ws().meta.local_service_types;
    const bool late = rnd_.chance(0.1);
    const std::string date = format_iso_date(sys_days{date_of(e.at)} - days{late ? 3 : rnd_.below(2)});
    const double p = rnd_.unit();
    run(LogService{sites[size_t(rnd_.below(int(sites.size())))], date, types[size_t(rnd_.below(int(types.size())))].name, s.owner,
                   p < 0.6 ? Program::WioaAdult : p < 0.9 ? Program::WioaDislocatedWorker : Program::WioaYouth,
                   rnd_.pick(kGains), true},
        s.owner, e.at);
  }

  // J1, J2: about four job orders a year for each account, 14 days each.
  void job(const Event& e) {
    const EmployerState& s = employers_[size_t(e.a)];
    schedule(later(e.at, 25, 80), Kind::Job, e.a);
    const auto& sites = ws().establishments_by_employer.at(s.id);
    const Employer& employer = ws().employers.at(s.id);
    std::string title = "Associate";
    for (const Sector& sector : kSectors)
      if (employer.legal_name.find(sector.noun) != std::string::npos) title = sector.jobs[size_t(rnd_.below(3))];
    const RecordId id = run(PostJob{sites[size_t(rnd_.below(int(sites.size())))], title,
                                    "Full time, day shift. Apply through the center.", rnd_.between(1, 4), day(e.at), "",
                                    rnd_.chance(0.1) ? 3 : 0, ""},
                            s.owner, e.at);
    if (id.empty()) return;
    jobs_.push_back(id);
    const int j = int(jobs_.size() - 1);
    schedule(later(e.at, 15, 17), Kind::JobEnd, j);
    const int matches = rnd_.below(6);  // 2.5 a job
    for (int m = 0; m < matches; ++m) schedule(later(e.at, 3, 12), Kind::Match, j);
  }

  void job_end(const Event& e) {
    const Job& j = ws().jobs.at(jobs_[size_t(e.a)]);
    if (job_status(j, e.at) != JobStatus::Expired || !ws().staff.at(j.owner).active) return;
    const RecordId id = j.id, owner = j.owner;
    const double u = rnd_.unit();
    if (u < 0.25) {
      run(RepostJob{id, format_iso_date(sys_days{date_of(e.at)} + days{14})}, owner, e.at);
      schedule(later(e.at, 15, 17), Kind::JobEnd, e.a);
    } else if (u < 0.75) {
      run(CloseJob{id, "Filled"}, owner, e.at);
    }  // the rest stay expired, to confirm (J2)
  }

  void match(const Event& e) {
    const Job& j = ws().jobs.at(jobs_[size_t(e.a)]);
    if (job_status(j, e.at) == JobStatus::Expired || j.closed_at || clients_.empty()) return;
    // M1: now and then a job seeker marks interest on the job board instead.
    if (!seekers_.empty() && rnd_.chance(0.05)) {
      const Client* c = client(seekers_[size_t(rnd_.below(int(seekers_.size())))]);
      if (c && is_active(*c) && on_board_for(j, *c, e.at) && !open_match(ws(), c->id, j.id)) {
        const RecordId id = run(MarkInterest{j.id}, c->id, e.at);
        if (!id.empty()) matches_.push_back(id), schedule(later(e.at, 1, 4), Kind::MatchStep, int(matches_.size() - 1));
        return;
      }
    }
    for (int tries = 0; tries < 6; ++tries) {
      const Client* c = client(rnd_.below(int(clients_.size())));
      if (!c || !is_active(*c) || !on_board_for(j, *c, e.at) || open_match(ws(), c->id, j.id)) continue;
      const RecordId manager = case_manager_for(ws(), *c);
      if (manager.empty() || !ws().staff.at(manager).active) continue;
      const RecordId id = run(ReferMatch{c->id, j.id, MatchFit{"Two years of related work", "Resume ready; mock interview done",
                                                                "Days and weekends", "None that affect the job"}},
                              manager, e.at);
      if (id.empty()) return;
      matches_.push_back(id);
      schedule(later(e.at, 0, 3), Kind::MatchStep, int(matches_.size() - 1));
      return;
    }
  }

  // M3, M4: the job owner approves or sends back, the case manager approves,
  // then an interview and a result; some are withdrawn.
  void match_step(const Event& e) {
    const Match& m = ws().matches.at(matches_[size_t(e.a)]);
    if (is_closed(m.stage) || !ws().staff.at(m.job_owner).active || !ws().staff.at(m.case_manager).active) return;
    const RecordId id = m.id, owner = m.job_owner, manager = m.case_manager;
    const auto next = [&] { schedule(later(e.at, 1, 4), Kind::MatchStep, e.a); };
    if (m.stage == MatchStage::SentBack || m.stage == MatchStage::Interested) {  // M1, M3: the case manager submits it
      if (rnd_.chance(0.7))
        run(ResubmitMatch{id, MatchFit{"Two years of related work, now listed in full", "Resume ready; mock interview done",
                                       "Days and weekends", "None that affect the job"}},
            manager, e.at), next();
      return;
    }
    if (rnd_.chance(0.02)) return void(run(ActOnMatch{id, MatchAction::Withdraw, "The client took another job", ""}, manager, e.at));
    if (m.stage == MatchStage::AwaitingApproval && !m.owner_approved_at) {
      if (rnd_.chance(0.1)) run(ActOnMatch{id, MatchAction::SendBack, "Add the certifications the job asks for", ""}, owner, e.at);
      else run(ActOnMatch{id, MatchAction::Approve, "", ""}, owner, e.at);
      return next();
    }
    if (m.stage == MatchStage::AwaitingApproval) return run(ActOnMatch{id, MatchAction::Approve, "", ""}, manager, e.at), next();
    if (!m.interview_granted_at && rnd_.chance(0.5)) return run(ActOnMatch{id, MatchAction::RecordInterview, "", ""}, manager, e.at), next();
    if (rnd_.chance(0.19)) {
      run(ActOnMatch{id, MatchAction::RecordHired, "", day(e.at)}, manager, e.at);
      // Ids only grow (W5), so the hire just made is the last.
      if (!ws().hires.empty() && ws().hires.rbegin()->second.match == id) {
        hires_.push_back(ws().hires.rbegin()->first);
        schedule(later(e.at, 1, 8), Kind::CompleteHire, int(hires_.size() - 1));
      }
      return;
    }
    run(ActOnMatch{id, MatchAction::RecordNotHired, "The employer chose another candidate", ""}, manager, e.at);
  }

  void complete_hire(const Event& e) {
    if (e.at > now_ - 10 * kDay && rnd_.chance(0.5)) return;  // M4: recent ones wait on My Work to be completed
    const Hire& h = ws().hires.at(hires_[size_t(e.a)]);
    const RecordId id = h.id, owner = ws().matches.at(h.match).job_owner;
    if (!ws().staff.at(owner).active) return;
    run(CompleteHire{id, format_iso_date(sys_days{date_of(e.at)} + days{rnd_.between(3, 14)}), 16 + rnd_.below(1600) / 100.0,
                     double(rnd_.between(20, 40))},
        owner, e.at);
  }

  void read_inboxes(const Event& e) {
    std::vector<RecordId> active;
    for (const auto& [id, s] : ws().staff)
      if (s.active) active.push_back(id);
    for (size_t i = 0; i < active.size(); ++i) run(MarkRead{}, active[i], e.at + LocalSeconds(i) * 60);
  }

  // P3: an ERS leaves; their clients wait in the Manager's reassignment queue.
  void deactivate(const Event& e) {
    const CaseStaff& s = ers_[size_t(e.a) % ers_.size()];
    run(DeactivateStaff{s.id, "Left the agency"}, g_.administrator, e.at);
  }
};

}  // namespace

Generated generate_workspace(int clients, std::uint64_t seed, const std::string& id_origin, LocalSeconds now) {
  return Generator(clients, seed, id_origin, now).run();
}

}  // namespace bw
