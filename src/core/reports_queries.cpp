// Performance standards, targets and the ESE report (R2-R4): the read models JavaScript asks for by name, with who may
// ask (queries.cpp reads the rows and applies the audience).
#include <algorithm>

#include "conversation.hpp"
#include "performance.hpp"
#include "query_rows.hpp"

namespace bw {

namespace {

json performance_answer(const Asker& a, const json& args, std::string_view name) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  const LocalSeconds now = a.now;
  ProgramQuarter pq = program_quarter_of(date_of(now));
  if (auto why = quarter_from(args, pq)) return *why;
  const bool board = can_set_targets(*viewer);
  if (name == "targets") {
    json out = json::array();
    for (const Target& t : ws.meta.targets) {
      if (t.program_year != pq.program_year || t.quarter != pq.quarter) continue;
      if (!board && !t.organisation.empty() && t.organisation != viewer->organisation) continue;
      const Measure m = *measure_from(t.measure);
      const Organisation* org = ws.find_organisation(t.organisation);
      out.push_back(Fields()("measure", t.measure)("label", measure_label(m))("organisation", t.organisation)
          ("organisation_name", org ? org->name : "the board")("target", t.value)
          ("achieved", achieved(ws, m, pq, t.organisation, now)));
    }
    return success(out);
  }
  const auto tallies = performance(ws, first_day(pq), last_day(pq), now);
  auto visible = [&](const RecordId& staff) {
    const Staff* s = ws.find_staff(staff);
    return s && sees_performance_of(ws, *viewer, *s);
  };
  auto tallies_json = [](const Tallies& t) {
    json out = json::array();
    for (Standard s : kStandards)
      out.push_back(Fields()("standard", standard_name(s))("met", t[int(s)].met)("total", t[int(s)].total));
    return out;
  };
  if (name == "performance_misses") {
    const auto standard = standard_from(arg(args, "standard"));
    if (!standard) return failure("invalid_field", "Name the standard, e.g. \"monthly_contacts\".");
    const std::string staff = arg(args, "staff"), org = arg(args, "organisation");
    if (!staff.empty() && !visible(staff))
      return failure("not_allowed", "You do not see that person's standards (R4).");
    if (staff.empty() && !board && (viewer->role != Role::Manager || org != viewer->organisation))
      return failure("not_allowed", "Managers see their organisation's standards; the board everyone's (R4).");
    json out = json::array();
    for (const auto& [who, t] : tallies) {
      const Staff* s = ws.find_staff(who);
      if (!s || (!staff.empty() && who != staff) || (!org.empty() && s->organisation != org)) continue;
      for (const Miss& m : t[int(*standard)].misses)
        out.push_back(Fields()("record", m.record)("title", record_title(ws, m.record))("staff", who)
            ("staff_name", s->name)("why", m.why));
    }
    return success(out);
  }
  json staff_rows = json::array(), org_rows = json::array();
  const Totals totals = totals_of(ws, tallies);
  for (const auto& [who, t] : tallies) {
    const Staff* s = ws.find_staff(who);
    if (s && visible(who)) {
      const Organisation* org = ws.find_organisation(s->organisation);
      staff_rows.push_back(Fields()("staff", who)("name", s->name)("organisation", s->organisation)
          ("organisation_name", org ? org->name : "")("standards", tallies_json(t)));
    }
  }
  for (const auto& [org, t] : totals.by_organisation)
    if (board || (viewer->role == Role::Manager && org == viewer->organisation))
      org_rows.push_back(Fields()("organisation", org)
          ("name", ws.find_organisation(org) ? ws.find_organisation(org)->name : "")("standards", tallies_json(t)));
  json standards = json::array();
  for (Standard k : kStandards) standards.push_back(Fields()("name", standard_name(k))("label", standard_label(k)));
  return success(Fields()("program_year", pq.program_year)("quarter", pq.quarter)("label", quarter_label(pq))
      ("standards", standards)("staff", staff_rows)("organisations", org_rows)
      ("board", board ? tallies_json(totals.board) : json(nullptr)));
}

json ese_report_answer(const Asker& a, const json& args, std::string_view name) {
  const Workspace& ws = a.ws;
  const Staff* viewer = a.viewer;
  const LocalSeconds now = a.now;
  if (!can_export_ese(*viewer))
    return failure("not_allowed", "Business staff, Managers, the board and Administrators see the ESE report (R2).");
  ProgramQuarter pq = ese_quarter_due_next(date_of(now));
  if (auto why = quarter_from(args, pq)) return *why;
  const EseSource source = ese_source_for(ws, *viewer);
  const EseFiles files = ese_files({source}, pq, ws.meta.state_establishments);
  if (name == "ese_files") {
    json names = Fields()("detail", ese_file_name(pq, "detail"))("summary", ese_file_name(pq, "summary"))
        ("rates", ese_file_name(pq, "rates"));
    return success(Fields()("names", names)("detail", files.detail)("summary", files.summary)("rates", files.rates));
  }
  json exports = json::array(), rows = json::array();
  for (const EseExport& x : ws.meta.ese_exports)
    if (x.program_year == pq.program_year && x.quarter == pq.quarter)
      exports.push_back(
          Fields()("at", format_iso(x.at))("by", x.by)
              ("by_name", ws.find_staff(x.by) ? ws.find_staff(x.by)->name : ""));
  for (const EseCategoryRow& r : files.by_category)
    rows.push_back(Fields()("category", category_name(r.category))("label", category_label(r.category))
        ("establishments", r.establishments)("services", r.services));
  const EseCounts& k = files.counts;
  json counts = Fields()("served", k.served)("served_before", k.served_before)
      ("served_three_years", k.served_three_years)("state_total", k.state_total);
  return success(Fields()("program_year", pq.program_year)("quarter", pq.quarter)("label", quarter_label(pq))
      ("first_day", format_iso_date(first_day(pq)))("last_day", format_iso_date(last_day(pq)))
      ("due", format_iso_date(ese_due(pq)))("organisation", source.organisation)
      ("exported", ese_exported(ws, pq, source))("exports", exports)("services", files.services)("summary", rows)
      ("counts", counts));
}

}  // namespace

std::vector<QueryRow> reports_queries() {
  using A = Audience;
  return {
      {"performance",
       Fields()("program_year", "optional number")("quarter", "optional 1-4"),
       "Performance standards for the quarter (R4): met / total per standard, per staff member, organisation and the "
       "board, as far as the viewer may see; today's quarter when left out.",
       A::CaseStaff,
       [](const Asker& a, const json& args) { return performance_answer(a, args, "performance"); }},
      {"performance_misses",
       Fields()("program_year", "optional number")("quarter", "optional 1-4")("standard", "standard name")
           ("staff", "optional staff id")("organisation", "optional organisation id"),
       "The records that missed a standard (R4), for a staff member, an organisation or the board.",
       A::CaseStaff,
       [](const Asker& a, const json& args) { return performance_answer(a, args, "performance_misses"); }},
      {"targets",
       Fields()("program_year", "optional number")("quarter", "optional 1-4"),
       "The board's targets for the quarter with what was achieved so far (R4).",
       A::CaseStaff,
       [](const Asker& a, const json& args) { return performance_answer(a, args, "targets"); }},
      {"ese_report",
       Fields()("program_year", "optional number")("quarter", "optional 1-4"),
       "The quarterly ESE report (R2): period, due date, exports, the summary and the counts behind the rates; the "
       "quarter due next when left out.",
       A::CaseStaff,
       [](const Asker& a, const json& args) { return ese_report_answer(a, args, "ese_report"); }},
      {"ese_files",
       Fields()("program_year", "optional number")("quarter", "optional 1-4"),
       "The three ESE CSV files (R2, R3) as text, with their file names.",
       A::CaseStaff,
       [](const Asker& a, const json& args) { return ese_report_answer(a, args, "ese_files"); }},
  };
}

}  // namespace bw
