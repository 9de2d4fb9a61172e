// The command and query tables (commands.cpp, queries.cpp read them): each
// command and query declared once, in its area, and every query's audience
// holding for every kind of person (C5, M6, P3).
#include <set>

#include "command_rows.hpp"
#include "helpers.hpp"
#include "query_rows.hpp"

using namespace bw;
using namespace bw::test;

TEST_CASE("every command has exactly one row, in its area, with a handler") {
  CHECK(command_table_problems().empty());
  std::set<std::string> names;
  std::size_t rows = 0;
  for (auto area : {people_commands, clients_commands, plans_commands, issues_commands, employers_commands,
                    jobs_commands, matches_commands, conversation_commands, reports_commands})
    for (const CommandRow& r : area()) {
      ++rows;
      CAPTURE(r.spec.type);
      CHECK(names.insert(r.spec.type).second);
      CHECK(bool(r.parse));
      CHECK(bool(r.handle));
      // The rules a row cites are SPEC ids, and its description cites them too.
      for (std::string_view rules = r.spec.rule; !rules.empty();) {
        const auto cut = rules.find(", ");
        const std::string_view id = rules.substr(0, cut);
        CHECK((id.size() == 2 && id[0] >= 'A' && id[0] <= 'Z' && id[1] >= '1' && id[1] <= '9'));
        CHECK(std::string_view(r.spec.what).find(id) != std::string_view::npos);
        rules = cut == std::string_view::npos ? std::string_view{} : rules.substr(cut + 2);
      }
    }
  CHECK(rows == std::variant_size_v<Command>);
  // Row i of the table is alternative i of Command: the stored audit names follow the variant.
  CHECK(command_type(Command{AddOrganisation{}}) == "add_organisation");
  CHECK(command_type(Command{SetTarget{}}) == "set_target");
  CHECK(command_type(Command{MarkInterest{}}) == "mark_interest");
}

TEST_CASE("every query has exactly one row, and its audience holds for every kind of person") {
  CHECK(query_table_problems().empty());
  Area a;
  const RecordId client = a.ok(a.adult(), a.ers);
  a.ok(SetPortalAccess{client, "2468"}, a.ers);
  const RecordId gone = a.ok(AddStaff{"Gil Gone", "", a.provider, Role::EmploymentReadinessSpecialist, ""});
  a.ok(DeactivateStaff{gone, "left the agency"});

  // A refusal at the door, as opposed to an answer (or a complaint about the arguments).
  auto refused_at_door = [](const json& r) {
    if (r["ok"] == true) return false;
    const std::string code = r["error"]["code"], message = r["error"]["message"];
    return code == "not_signed_in" ||
           (code == "not_allowed" &&
            (message.ends_with("is deactivated (P3).") || message.find("(C5)") != std::string::npos ||
             message.find("(M6)") != std::string::npos || message.find("job seeker's view") != std::string::npos));
  };
  const std::set<std::string> on_the_job_board = {"workspace", "job_board", "my_matches"};  // M6
  struct Person {
    const char* who;
    RecordId id;
  };
  const Person people[] = {{"nobody", {}},          {"job seeker", client}, {"training provider", a.trainer},
                           {"ERS", a.ers},          {"BSR", a.bsr},         {"Manager", a.manager},
                           {"Administrator", a.admin}, {"deactivated", gone}};
  std::set<std::pair<int, std::string>> kinds_seen;  // (audience, person) pairs exercised
  for (const QueryRow& row : query_rows())
    for (const Person& p : people) {
      bool allowed = false;
      const std::string who = p.who;
      if (who == "job seeker") allowed = on_the_job_board.count(row.name) == 1;
      else if (row.audience == Audience::Anyone) allowed = true;
      else if (who == "nobody" || who == "deactivated") allowed = false;
      else if (who == "training provider")
        allowed = row.audience == Audience::Staff || row.audience == Audience::TrainingProvider;
      else allowed = row.audience == Audience::Staff || row.audience == Audience::CaseStaff;
      const json r = query(a.ws, row.name, {{"id", client}, {"client", client}, {"year", 2026}}, p.id, a.now);
      CAPTURE(row.name);
      CAPTURE(who);
      CAPTURE(r.dump().substr(0, 300));
      CHECK(refused_at_door(r) == !allowed);
      kinds_seen.insert({int(row.audience), who});
    }
  // A name no row has meets the door of case information first, and only then is unknown.
  const json nobody_asks = query(a.ws, "no_such_query", json::object(), {}, a.now);
  CHECK(nobody_asks["error"]["code"] == "not_signed_in");
  CHECK(query(a.ws, "no_such_query", json::object(), client, a.now)["error"]["code"] == "not_allowed");
  CHECK(query(a.ws, "no_such_query", json::object(), a.trainer, a.now)["error"]["code"] == "not_allowed");
  CHECK(query(a.ws, "no_such_query", json::object(), a.ers, a.now)["error"]["code"] == "unknown_query");
  // Every audience in use met every kind of person.
  std::set<int> audiences;
  for (const QueryRow& row : query_rows()) audiences.insert(int(row.audience));
  CHECK(kinds_seen.size() == audiences.size() * std::size(people));
  CHECK(audiences.size() == 5);
}

#ifdef BRIDGEWORK_SOURCE_DIR
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace {

std::string file_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Does `file` define `name`? A command's name in a *_commands.cpp file stands for its handler.
bool defines(const std::string& path, const std::string& text, const std::string& name) {
  const bool command = path.ends_with("_commands.cpp") && std::isupper(static_cast<unsigned char>(name[0])) &&
                       name.find("::") == std::string::npos;
  if (command) return text.find("operator()(const " + name + "&") != std::string::npos;
  if (name.find("::") != std::string::npos) return text.find(name + "(") != std::string::npos;
  return std::regex_search(text, std::regex("\\b" + name + "\\("));
}

}  // namespace

TEST_CASE("docs/rules.md names every rule cited in the code, and what it names exists") {
  const std::string root = BRIDGEWORK_SOURCE_DIR;
  std::map<std::string, std::string> rows;  // rule id -> its line
  std::istringstream doc(file_text(root + "/docs/rules.md"));
  for (std::string line; std::getline(doc, line);) {
    std::smatch m;
    if (std::regex_search(line, m, std::regex("^\\| ([A-Z][0-9]) \\|"))) rows[m[1]] = line;
  }
  REQUIRE(rows.size() >= 50);

  // Every rule id the code cites has its row.
  const std::regex cited("\\b([TPCNSEBJMKRW][1-9])\\b");
  for (const char* dir : {"/src", "/web"})
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root + dir)) {
      const std::string path = entry.path().string();
      if (!(path.ends_with(".cpp") || path.ends_with(".hpp") || path.ends_with(".js"))) continue;
      const std::string text = file_text(path);
      for (std::sregex_iterator it(text.begin(), text.end(), cited), end; it != end; ++it) {
        CAPTURE(path);
        CHECK_MESSAGE(rows.count((*it)[1]) == 1, ((*it)[1].str() + " is cited but has no row in docs/rules.md"));
      }
    }

  // What each row names exists: files, functions and tests.
  const std::regex token("`([^`]+)`|\"((?:[^\"\\\\]|\\\\.)*)\"");
  std::size_t named = 0;
  for (const auto& [id, line] : rows) {
    CAPTURE(id);
    std::string path, text;
    const std::string cells = line.substr(line.find('|', line.find('|', line.find('|') + 1) + 1));  // from the third cell
    for (std::sregex_iterator it(cells.begin(), cells.end(), token), end; it != end; ++it) {
      if ((*it)[1].matched) {
        const std::string t = (*it)[1];
        if (t.find('/') != std::string::npos) {
          path = t;
          text = file_text(root + "/" + t);
          CHECK_MESSAGE(!text.empty(), (t + " does not exist"));
        } else {
          CHECK_MESSAGE(defines(path, text, t), (path + " has no " + t));
          ++named;
        }
      } else {
        const std::string name = std::regex_replace((*it)[2].str(), std::regex("\\\\\""), "\"");
        const bool found = path.ends_with(".cpp") ? text.find("TEST_CASE(\"" + name + "\"") != std::string::npos
                                                  : text.find(name) != std::string::npos;
        CHECK_MESSAGE(found, (path + " has no test \"" + name + "\""));
        ++named;
      }
    }
  }
  CHECK(named > 150);
}
#endif
