#include "model.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace bw {

namespace {
template <class E, size_t N>
struct NameTable {
  struct Row { E value; std::string_view name; std::string_view label; };
  std::array<Row, N> rows;
  std::string_view name(E v) const {
    for (auto& r : rows) if (r.value == v) return r.name;
    return "?";
  }
  std::string_view label(E v) const {
    for (auto& r : rows) if (r.value == v) return r.label;
    return "?";
  }
  std::optional<E> from(std::string_view n) const {
    for (auto& r : rows) if (r.name == n) return r.value;
    return std::nullopt;
  }
};

using OK = OrganisationKind;
constexpr NameTable<OK, 7> kKindNames{{{
    {OK::Board, "board", "Workforce board"},
    {OK::OneStopProvider, "one_stop_provider", "One-stop provider"},
    {OK::IntensiveProvider, "intensive_provider", "Intensive services provider"},
    {OK::YouthProvider, "youth_provider", "Youth provider"},
    {OK::TrainingProvider, "training_provider", "Training provider"},
    {OK::EconomicDevelopmentPartner, "economic_development_partner",
     "Economic-development partner"},
    {OK::OneStopOperator, "one_stop_operator", "One-stop operator"},
}}};

constexpr NameTable<Role, 12> kRoleNames{{{
    {Role::EmploymentReadinessSpecialist, "ers", "Employment Readiness Specialist"},
    {Role::AcademicCareerAdvisor, "aca", "Academic & Career Advisor"},
    {Role::CaseManager, "case_manager", "Case Manager"},
    {Role::CareerAgent, "career_agent", "Career Agent"},
    {Role::BusinessServicesRepresentative, "bsr", "Business Services Representative"},
    {Role::Hybrid, "hybrid", "Hybrid"},
    {Role::SpecialProjects, "special_projects", "Special Projects"},
    {Role::Manager, "manager", "Manager"},
    {Role::BoardProgramManager, "board_program_manager", "Board Program Manager"},
    {Role::BoardAssistantDirector, "board_assistant_director", "Board Assistant Director"},
    {Role::TrainingProviderStaff, "training_provider_staff", "Training Provider staff"},
    {Role::Administrator, "administrator", "Administrator"},
}}};

constexpr NameTable<Program, 4> kProgramNames{{{
    {Program::WioaAdult, "wioa_adult", "WIOA Adult"},
    {Program::WioaDislocatedWorker, "wioa_dislocated_worker", "WIOA Dislocated Worker"},
    {Program::WioaYouth, "wioa_youth", "WIOA Youth"},
    {Program::DirectServices, "direct_services", "Direct services"},
}}};
constexpr NameTable<ContactType, 4> kContactTypeNames{{{
    {ContactType::InPerson, "in_person", "In person"},
    {ContactType::Telephone, "telephone", "Telephone"},
    {ContactType::Email, "email", "Email"},
    {ContactType::Letter, "letter", "Letter"},
}}};

constexpr NameTable<ContactWith, 5> kContactWithNames{{{
    {ContactWith::Participant, "participant", "Participant"},
    {ContactWith::Parent, "parent", "Parent"},
    {ContactWith::School, "school", "School"},
    {ContactWith::Employer, "employer", "Employer"},
    {ContactWith::Other, "other", "Other"},
}}};

constexpr NameTable<IssueSource, 5> kSourceNames{{{
    {IssueSource::Client, "client", "The client"},
    {IssueSource::TrainingProvider, "training_provider", "A training provider"},
    {IssueSource::Employer, "employer", "An employer"},
    {IssueSource::BusinessAccountSpecialist, "bas", "A Business Account Specialist"},
    {IssueSource::Staff, "staff", "Staff"},
}}};

constexpr NameTable<IssueOutcome, 4> kOutcomeNames{{{
    {IssueOutcome::Resolved, "resolved", "Resolved"},
    {IssueOutcome::CorrectiveActionPlan, "corrective_action_plan", "Corrective action or counselling plan"},
    {IssueOutcome::ExitFromActivity, "exit_from_activity", "Exit from the activity"},
    {IssueOutcome::ExitFromProgram, "exit_from_program", "Exit from the program"},
}}};

constexpr NameTable<ActivityEnd, 2> kActivityEndNames{{{
    {ActivityEnd::Completed, "completed", "Completed"},
    {ActivityEnd::Exited, "exited", "Exited from the activity"},
}}};

constexpr NameTable<ActivityDecision, 3> kDecisionNames{{{
    {ActivityDecision::Continues, "continues", "Still attending"},
    {ActivityDecision::Completed, "completed", "Completed"},
    {ActivityDecision::Exited, "exited", "No longer attends: exit"},
}}};

constexpr NameTable<EmployerKind, 3> kEmployerKindNames{{{
    {EmployerKind::DirectEmployer, "direct_employer", "Direct employer"},
    {EmployerKind::RecruitmentAgency, "recruitment_agency", "Recruitment agency"},
    {EmployerKind::ThirdParty, "third_party", "Other third party"},
}}};

constexpr NameTable<Channel, 5> kChannelNames{{{
    {Channel::InPerson, "in_person", "In person"},
    {Channel::Telephone, "telephone", "Telephone"},
    {Channel::Email, "email", "Email"},
    {Channel::Letter, "letter", "Letter"},
    {Channel::Visit, "visit", "Visit to the center"},
}}};

constexpr NameTable<TriageRoute, 2> kRouteNames{{{
    {TriageRoute::BoardBusinessTeam, "board_business_team", "Board business team"},
    {TriageRoute::Center, "center", "Center"},
}}};

// The eight categories of the federal employer-services report (ETA-9169), word for word.
constexpr NameTable<ServiceCategory, 8> kCategoryNames{{{
    {ServiceCategory::EmployerInformation, "employer_information", "Employer Information and Support Services"},
    {ServiceCategory::WorkforceRecruitment, "workforce_recruitment", "Workforce Recruitment Assistance"},
    {ServiceCategory::StrategicPlanning, "strategic_planning", "Engaged in Strategic Planning/Economic Development"},
    {ServiceCategory::UntappedLaborPools, "untapped_labor_pools", "Accessing Untapped Labor Pools"},
    {ServiceCategory::Training, "training", "Training Services"},
    {ServiceCategory::IncumbentWorkerTraining, "incumbent_worker_training", "Incumbent Worker Training Services"},
    {ServiceCategory::RapidResponse, "rapid_response", "Rapid Response/Business Downsizing Assistance"},
    {ServiceCategory::PlanningLayoffResponse, "planning_layoff_response", "Planning Layoff Response"},
}}};

constexpr NameTable<MatchStage, 7> kStageNames{{{
    {MatchStage::Interested, "interested", "Job seeker interested"},
    {MatchStage::AwaitingApproval, "awaiting_approval", "Awaiting approval"},
    {MatchStage::SentBack, "sent_back", "Sent back for edits"},
    {MatchStage::WaitingToHearResults, "waiting_to_hear_results", "Waiting to Hear Results"},
    {MatchStage::Hired, "hired", "Hired"},
    {MatchStage::NotHired, "not_hired", "Not hired"},
    {MatchStage::Withdrawn, "withdrawn", "Withdrawn"},
}}};

constexpr NameTable<MatchAction, 6> kActionNames{{{
    {MatchAction::Approve, "approve", "Approve"},
    {MatchAction::SendBack, "send_back", "Send back for edits"},
    {MatchAction::RecordInterview, "record_interview", "Interview granted"},
    {MatchAction::RecordHired, "record_hired", "Hired"},
    {MatchAction::RecordNotHired, "record_not_hired", "Not hired"},
    {MatchAction::Withdraw, "withdraw", "Withdraw"},
}}};
}  // namespace

std::string_view match_stage_name(MatchStage s) { return kStageNames.name(s); }
std::string_view match_stage_label(MatchStage s) { return kStageNames.label(s); }
std::optional<MatchStage> match_stage_from(std::string_view n) { return kStageNames.from(n); }
std::string_view match_action_name(MatchAction a) { return kActionNames.name(a); }
std::string_view match_action_label(MatchAction a) { return kActionNames.label(a); }
std::optional<MatchAction> match_action_from(std::string_view n) { return kActionNames.from(n); }

std::string_view employer_kind_name(EmployerKind k) { return kEmployerKindNames.name(k); }
std::string_view employer_kind_label(EmployerKind k) { return kEmployerKindNames.label(k); }
std::optional<EmployerKind> employer_kind_from(std::string_view n) { return kEmployerKindNames.from(n); }
std::string_view channel_name(Channel c) { return kChannelNames.name(c); }
std::string_view channel_label(Channel c) { return kChannelNames.label(c); }
std::optional<Channel> channel_from(std::string_view n) { return kChannelNames.from(n); }
std::string_view route_name(TriageRoute r) { return kRouteNames.name(r); }
std::string_view route_label(TriageRoute r) { return kRouteNames.label(r); }
std::optional<TriageRoute> route_from(std::string_view n) { return kRouteNames.from(n); }
std::string_view category_name(ServiceCategory c) { return kCategoryNames.name(c); }
std::string_view category_label(ServiceCategory c) { return kCategoryNames.label(c); }
std::optional<ServiceCategory> category_from(std::string_view n) { return kCategoryNames.from(n); }

std::string_view activity_end_name(ActivityEnd e) { return kActivityEndNames.name(e); }
std::string_view activity_end_label(ActivityEnd e) { return kActivityEndNames.label(e); }
std::optional<ActivityEnd> activity_end_from(std::string_view n) { return kActivityEndNames.from(n); }
std::string_view decision_name(ActivityDecision d) { return kDecisionNames.name(d); }
std::string_view decision_label(ActivityDecision d) { return kDecisionNames.label(d); }
std::optional<ActivityDecision> activity_decision_from(std::string_view n) { return kDecisionNames.from(n); }

std::string_view contact_type_name(ContactType t) { return kContactTypeNames.name(t); }
std::string_view contact_type_label(ContactType t) { return kContactTypeNames.label(t); }
std::optional<ContactType> contact_type_from(std::string_view n) { return kContactTypeNames.from(n); }
std::string_view contact_with_name(ContactWith w) { return kContactWithNames.name(w); }
std::string_view contact_with_label(ContactWith w) { return kContactWithNames.label(w); }
std::optional<ContactWith> contact_with_from(std::string_view n) { return kContactWithNames.from(n); }
std::string_view source_name(IssueSource s) { return kSourceNames.name(s); }
std::string_view source_label(IssueSource s) { return kSourceNames.label(s); }
std::optional<IssueSource> issue_source_from(std::string_view n) { return kSourceNames.from(n); }
std::string_view outcome_name(IssueOutcome o) { return kOutcomeNames.name(o); }
std::string_view outcome_label(IssueOutcome o) { return kOutcomeNames.label(o); }
std::optional<IssueOutcome> issue_outcome_from(std::string_view n) { return kOutcomeNames.from(n); }

std::string_view kind_name(OrganisationKind k) { return kKindNames.name(k); }
std::string_view kind_label(OrganisationKind k) { return kKindNames.label(k); }
std::optional<OrganisationKind> organisation_kind_from(std::string_view n) {
  return kKindNames.from(n);
}
std::string_view role_name(Role r) { return kRoleNames.name(r); }
std::string_view role_label(Role r) { return kRoleNames.label(r); }
std::optional<Role> role_from(std::string_view n) { return kRoleNames.from(n); }
std::string_view program_name(Program p) { return kProgramNames.name(p); }
std::string_view program_label(Program p) { return kProgramNames.label(p); }
std::optional<Program> program_from(std::string_view n) { return kProgramNames.from(n); }

bool is_dual_enrolled(const Client& c) {
  const bool wioa = std::any_of(c.programs.begin(), c.programs.end(),
                                [](Program p) { return p != Program::DirectServices; });
  const bool direct = std::find(c.programs.begin(), c.programs.end(),
                                Program::DirectServices) != c.programs.end();
  return wioa && direct;
}

bool is_youth(const std::vector<Program>& programs) {
  return std::find(programs.begin(), programs.end(), Program::WioaYouth) != programs.end();
}

std::optional<std::string> youth_age_warning(const std::vector<Program>& programs, std::chrono::year_month_day birth,
                                             std::chrono::year_month_day on) {
  if (!is_youth(programs)) return std::nullopt;
  const int age = age_on(birth, on);
  if (age >= 14 && age <= 24) return std::nullopt;
  return "WIOA Youth serves ages 14 to 24 (C1): this birth date makes the person " + std::to_string(age) +
         ". Check the date of birth, or enrol them in WIOA Adult or Dislocated Worker.";
}

std::string full_name(const Client& c) { return c.first_name + " " + c.last_name; }

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

namespace {
// The base letters of U+00C0..U+017F (Latin-1 letters, Latin Extended-A), in
// order; "" keeps the character (× and ÷).
constexpr const char* kFolds[] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",     // C0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",    // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",     // E0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",     // F0
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",     // 100
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",     // 110
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",     // 120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",   // 130
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",     // 140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",   // 150
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",     // 160
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",     // 170
};
static_assert(std::size(kFolds) == 0x180 - 0xC0);
// append_folded writes in place: no fold may take more than its character's two bytes.
static_assert([] {
  for (std::string_view fold : kFolds)
    if (fold.size() > 2) return false;
  return true;
}());
}  // namespace

void append_folded(std::string& out, std::string_view text) {
  // Written through a pointer, not appended a byte at a time: the first search
  // of a list folds every row's text, and this stays as fast in code built for
  // size. A folded character never takes more bytes than it came in.
  const std::size_t start = out.size();
  out.resize(start + text.size());
  char* to = out.data() + start;
  const char* from = text.data();
  const char* const end = from + text.size();
  while (from < end) {
    const auto byte = static_cast<unsigned char>(*from);
    if (byte < 0x80) {
      *to++ = char(unsigned(byte - 'A') < 26u ? byte + ('a' - 'A') : byte);
      ++from;
      continue;
    }
    // Two- and three-byte UTF-8 sequences carry every character folded here.
    unsigned code = 0;
    std::ptrdiff_t length = 1;
    if ((byte & 0xE0) == 0xC0 && end - from > 1) code = (byte & 0x1Fu) << 6 | (from[1] & 0x3Fu), length = 2;
    else if ((byte & 0xF0) == 0xE0 && end - from > 2)
      code = (byte & 0x0Fu) << 12 | (from[1] & 0x3Fu) << 6 | (from[2] & 0x3Fu), length = 3;
    const char* replacement = nullptr;
    if (code >= 0xC0 && code < 0x180 && *kFolds[code - 0xC0]) replacement = kFolds[code - 0xC0];
    else if (code == 0x2018 || code == 0x2019) replacement = "'";  // ‘ ’ as typed on a keyboard
    else if (code == 0x2010 || code == 0x2011 || code == 0x2013 || code == 0x2014) replacement = "-";  // dashes
    if (replacement) {
      while (*replacement) *to++ = *replacement++;
    } else {
      for (std::ptrdiff_t k = 0; k < length; ++k) *to++ = from[k];
    }
    from += length;
  }
  out.resize(std::size_t(to - out.data()));
}

std::string folded(std::string_view text) {
  std::string out;
  append_folded(out, text);
  return out;
}

std::vector<std::uint32_t> sorted_order(const SortKeys& keys, bool ascending) {
  // Each key's first 8 bytes as a number, in the order the bytes compare:
  // most comparisons are of two numbers side by side, not of two texts.
  std::vector<std::uint64_t> prefix(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::string_view k = keys[i];
    std::uint64_t p = 0;
    for (std::size_t b = 0; b < 8; ++b) p = p << 8 | (b < k.size() ? static_cast<unsigned char>(k[b]) : 0u);
    prefix[i] = p;
  }
  auto less = [&](std::uint32_t a, std::uint32_t b) {
    return prefix[a] != prefix[b] ? prefix[a] < prefix[b] : keys[a] < keys[b];
  };
  std::vector<std::uint32_t> order(keys.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), less);
  if (ascending) return order;
  // Descending: the ascending order backwards, each run of equal keys turned back
  // to the order it came in. (Sorted descending directly, a list that came in
  // ascending order, as most do, takes stable_sort three times as long.)
  std::reverse(order.begin(), order.end());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i + 1;
    while (j < order.size() && !less(order[j], order[i])) ++j;
    std::reverse(order.begin() + i, order.begin() + j);
    i = j;
  }
  return order;
}

std::vector<std::uint32_t> stable_order(std::size_t rows, RowLess less) {
  std::vector<std::uint32_t> order(rows), merged(rows);
  for (std::uint32_t i = 0; i < rows; ++i) order[i] = i;
  auto before = [&](std::uint32_t a, std::uint32_t b) { return less.less(less.list, a, b); };
  // Runs of 16 by insertion, then runs merged two by two, a right-hand row
  // going first only when it is strictly less.
  constexpr std::size_t kRun = 16;
  for (std::size_t start = 0; start < rows; start += kRun) {
    const std::size_t end = std::min(rows, start + kRun);
    for (std::size_t i = start + 1; i < end; ++i) {
      const std::uint32_t row = order[i];
      std::size_t j = i;
      for (; j > start && before(row, order[j - 1]); --j) order[j] = order[j - 1];
      order[j] = row;
    }
  }
  for (std::size_t width = kRun; width < rows; width *= 2) {
    for (std::size_t low = 0; low < rows; low += 2 * width) {
      const std::size_t middle = std::min(rows, low + width), high = std::min(rows, low + 2 * width);
      std::size_t a = low, b = middle, out = low;
      // Two runs already in order, as a list that came sorted: one comparison.
      if (middle < high && before(order[middle], order[middle - 1]))
        while (a < middle && b < high) merged[out++] = before(order[b], order[a]) ? order[b++] : order[a++];
      while (a < middle) merged[out++] = order[a++];
      while (b < high) merged[out++] = order[b++];
    }
    order.swap(merged);
  }
  return order;
}

void SearchIndex::reset(std::size_t rows) {
  rows_ = rows;
  texts_.clear();
  ends_.clear();
  found_.clear();
}

const std::vector<std::uint32_t>& SearchIndex::find(std::string needle) {
  while (!found_.empty() && needle.find(found_.back().needle) == std::string::npos) found_.pop_back();
  if (!found_.empty() && found_.back().needle == needle) return found_.back().hits;
  std::vector<std::uint32_t> out;
  const std::string_view texts(texts_);
  if (needle.empty()) {
    out.resize(rows_);
    for (std::uint32_t i = 0; i < rows_; ++i) out[i] = i;
  } else if (!found_.empty() && !found_.back().needle.empty()) {
    // A needle that contains the last one can match only what it matched.
    for (std::uint32_t i : found_.back().hits) {
      const std::uint32_t begin = i ? ends_[i - 1] + 1 : 0;
      if (texts.substr(begin, ends_[i] - begin).find(needle) != std::string_view::npos) out.push_back(i);
    }
  } else {
    // Every row: each match found names its row, and the search goes on from that row's end.
    std::uint32_t row = 0;
    for (std::size_t at = texts.find(needle); at != std::string_view::npos; at = texts.find(needle, ends_[row] + 1)) {
      while (ends_[row] < at) ++row;
      out.push_back(row);
    }
  }
  found_.push_back({std::move(needle), std::move(out)});
  return found_.back().hits;
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace bw
