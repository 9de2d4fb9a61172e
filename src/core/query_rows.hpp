// The query table: each area declares its read models in one place (a row:
// name, arguments, description, who may ask, the answer) and queries.cpp reads
// every area's rows for `query`, `query_catalogue` and the access checks.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "queries.hpp"
#include "report.hpp"

namespace bw {

// Who may ask. Nobody signed in asks only Anyone's; job seekers only rows
// with an answer for them (M6).
enum class Audience {
  Anyone,            // even before sign-in: the sign-in screen lists staff (P4)
  Staff,             // any active staff member
  CaseStaff,         // active staff who see case information: not training-provider staff (C5)
  TrainingProvider,  // training-provider staff only (C5)
  JobSeeker,         // job seekers only (M6)
};

// Where `query_text` has a list answer written as its rows come (see Rows).
struct AnswerText {
  std::string text;
  bool written = false;  // the pieces handed on and `text` are the whole answer
  const AnswerPiece* piece = nullptr;
  std::size_t piece_size = 0;
};

struct Asker {
  const Workspace& ws;
  const Staff* viewer;   // null for a job seeker or nobody
  const Client* seeker;  // M6: the job seeker on the job board
  LocalSeconds now;
  AnswerText* out = nullptr;  // set by query_text
};

// A list answer's rows. `query` gathers them into its answer; for
// `query_text` each is written out as it comes, so that a long list is never
// held whole as a tree (100,000 clients as one took about 500 MB of the
// heap, which then kept that size). A failure is answered before the first row.
class Rows {
 public:
  explicit Rows(const Asker& a);
  void push_back(const json& row);
  json done();  // the answer: {"ok": true, "result": [the rows]}

 private:
  AnswerText* out_;
  json list_ = json::array();
  bool first_ = true;
};

// A plain function, not std::function: each std::function compiled to about 1 KB of its own.
using Answer = json (*)(const Asker&, const json& args);

struct QueryRow {
  const char* name;
  json args;          // argument -> what it is, for queries()
  const char* what;
  Audience audience;
  Answer answer;                    // for staff (and nobody, when Anyone)
  Answer for_job_seeker = nullptr;  // M6: what a job seeker gets instead
  const char* refusal = nullptr;    // said to staff outside the audience instead of the usual words
};

// [SECTION] Answers
json failure(std::string code, std::string message);
json success(json result);
std::string arg(const json& args, const char* key);  // "" when absent or not text
// `program_year` and `quarter` from the arguments into `pq` (kept when both
// are absent), or the failure to answer.
std::optional<json> quarter_from(const json& args, ProgramQuarter& pq);

// Records as the interface shows them (shared by several areas).
json staff_public(const Staff& s);
json client_json(const Workspace& ws, const Client& c);
json issue_json(const Workspace& ws, const Issue& i, LocalSeconds now);
json employer_json(const Workspace& ws, const Employer& e, LocalSeconds now);
json job_json(const Workspace& ws, const Job& job, LocalSeconds now);

// [SECTION] The areas' tables, registered in queries.cpp
std::vector<QueryRow> people_queries();
std::vector<QueryRow> clients_queries();
std::vector<QueryRow> plans_queries();
std::vector<QueryRow> issues_queries();
std::vector<QueryRow> employers_queries();
std::vector<QueryRow> jobs_queries();
std::vector<QueryRow> matches_queries();
std::vector<QueryRow> conversation_queries();
std::vector<QueryRow> reports_queries();

const std::vector<QueryRow>& query_rows();
// Every query name has exactly one row: what is wrong, else empty.
std::vector<std::string> query_table_problems();

}  // namespace bw
