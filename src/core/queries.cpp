#include "queries.hpp"

#include <algorithm>

#include "access.hpp"
#include "query_rows.hpp"

namespace bw {

// [SECTION] Answers
json failure(std::string code, std::string message) {
  return Fields()("ok", false)("error", Fields()("code", std::move(code))("message", std::move(message)));
}
json success(json result) { return Fields()("ok", true)("result", std::move(result)); }

Rows::Rows(const Asker& a) : out_(a.out) {
  if (out_) out_->text = R"({"ok":true,"result":[)";
}
void Rows::push_back(const json& row) {
  if (!out_) return list_.push_back(row);
  if (!first_) out_->text += ',';
  first_ = false;
  out_->text += row.dump();
  if (out_->piece && *out_->piece && out_->text.size() >= out_->piece_size) {
    (*out_->piece)(out_->text);
    out_->text.clear();
  }
}
json Rows::done() {
  if (!out_) return success(std::move(list_));
  out_->text += "]}";
  out_->written = true;
  return nullptr;
}

std::string arg(const json& args, const char* key) {
  return args.is_object() && args.contains(key) && args[key].is_string() ? args[key].get<std::string>() : "";
}

std::optional<json> quarter_from(const json& args, ProgramQuarter& pq) {
  if (!args.is_object() || !args.contains("program_year")) return std::nullopt;
  if (!args["program_year"].is_number_integer() || !args.contains("quarter") || !args["quarter"].is_number_integer())
    return failure("invalid_field", "Give \"program_year\" and \"quarter\" as numbers, e.g. 2026 and 2.");
  pq = {args["program_year"].get<int>(), args["quarter"].get<int>()};
  if (pq.quarter < 1 || pq.quarter > 4 || pq.program_year < 2000 || pq.program_year > 2100)
    return failure("invalid_field", "A program year (e.g. 2026) and a quarter from 1 to 4.");
  return std::nullopt;
}

// [SECTION] The table: every area's rows
const std::vector<QueryRow>& query_rows() {
  static const std::vector<QueryRow> rows = [] {
    std::vector<QueryRow> all;
    using Area = std::vector<QueryRow> (*)();
    for (Area area : {people_queries, clients_queries, plans_queries, issues_queries, employers_queries, jobs_queries,
                      matches_queries, conversation_queries, reports_queries})
      for (QueryRow& r : area()) all.push_back(std::move(r));
    return all;
  }();
  return rows;
}

std::vector<std::string> query_table_problems() {
  std::vector<std::string> problems;
  const auto& rows = query_rows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t k = 0; k < i; ++k)
      if (std::string_view(rows[i].name) == rows[k].name) problems.push_back(std::string(rows[i].name) + " has two rows");
    if (!rows[i].answer && !rows[i].for_job_seeker) problems.push_back(std::string(rows[i].name) + " has no answer");
    if ((rows[i].audience == Audience::JobSeeker) != !rows[i].answer)
      problems.push_back(std::string(rows[i].name) + ": only job seekers' queries have no staff answer");
  }
  return problems;
}

json query_catalogue() {
  json out = json::array();
  for (const QueryRow& r : query_rows())
    out.push_back(Fields()("name", r.name)("args", r.args)("description", r.what));
  return out;
}

namespace {

// Why this person may not ask this row, or nullopt.
std::optional<json> refusal(const QueryRow& row, const Asker& a) {
  if (a.seeker) {  // M6: the job board and the job seeker's own matches, and nothing else
    if (!has_portal_access(*a.seeker)) return failure("not_allowed", "Your job board access has ended.");
    if (!row.for_job_seeker) return failure("not_allowed", "On the job board you see jobs and your own matches only (M6).");
    return std::nullopt;
  }
  if (row.audience == Audience::Anyone) return std::nullopt;
  if (!a.viewer) return failure("not_signed_in", "Sign in as a staff member first.");
  if (!a.viewer->active) return failure("not_allowed", a.viewer->name + " is deactivated (P3).");
  const bool trainer = a.viewer->role == Role::TrainingProviderStaff;
  const char* words = row.refusal;
  switch (row.audience) {
    case Audience::Anyone:
    case Audience::Staff: return std::nullopt;
    case Audience::TrainingProvider:
      if (trainer) return std::nullopt;
      break;
    case Audience::CaseStaff:
    case Audience::JobSeeker:
      // C5: case information, which training-provider staff never see.
      if (trainer) return failure("not_allowed", "Training-provider staff see only their own students (C5).");
      if (row.audience == Audience::CaseStaff) return std::nullopt;
      break;
  }
  return failure("not_allowed", words ? words : "This query is not for your role.");
}

}  // namespace

namespace {
json answer(const Asker& a, std::string_view name, const json& args) {
  const auto& rows = query_rows();
  auto row = std::find_if(rows.begin(), rows.end(), [&](const QueryRow& r) { return name == r.name; });
  // A name no row has meets the same door as case information, and only then is unknown.
  static const QueryRow unknown{"", json::object(), "", Audience::CaseStaff, nullptr};
  if (auto no = refusal(row == rows.end() ? unknown : *row, a)) return *no;
  if (row == rows.end()) return failure("unknown_query", "There is no query \"" + std::string(name) + "\".");
  return a.seeker ? row->for_job_seeker(a, args) : row->answer(a, args);
}
}  // namespace

json query(const Workspace& ws, std::string_view name, const json& args, const RecordId& viewer_id,
           LocalSeconds now) {
  return answer({ws, ws.find_staff(viewer_id), ws.find_client(viewer_id), now}, name, args);
}

std::string query_text(const Workspace& ws, std::string_view name, const json& args, const RecordId& viewer_id,
                       LocalSeconds now, const AnswerPiece& piece, std::size_t piece_size) {
  AnswerText out{"", false, &piece, piece_size};
  const json j = answer({ws, ws.find_staff(viewer_id), ws.find_client(viewer_id), now, &out}, name, args);
  return out.written ? std::move(out.text) : j.dump();
}

}  // namespace bw
