// Job order rules (J1-J4, and P3 for departed owners) as pure functions of
// the workspace and the clock: status, deadlines, reservations, who sees a
// job and who owns it.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "workspace.hpp"

namespace bw {

enum class JobStatus { Open, Expired, Closed };
const char* job_status_label(JobStatus s);
// J2: open through its deadline day; expired from the next day until reposted or closed.
JobStatus job_status(const Job& j, LocalSeconds now);
// J2: applications close 14 days after posting unless the employer gives a
// deadline (`typed`, YYYY-MM-DD), which may not have passed. Why not, in words.
std::variant<std::chrono::year_month_day, std::string> application_deadline(const std::string& typed,
                                                                           std::chrono::year_month_day today);
// J1: posted by 17:00 of the first business day after the job order came in.
bool posted_on_time(const Workspace& ws, const Job& j);
// J3: reserved for the owner's organisation until then (3, 5 or 7 days from posting).
std::optional<LocalSeconds> reserved_until(const Job& j);
bool reserved_now(const Job& j, LocalSeconds now);
// J2: an open job whose deadline is today, tomorrow or the day after.
bool expiring_soon(const Job& j, LocalSeconds now);
// J3: staff see a job unless it is reserved for another organisation right now.
bool visible_to_staff(const Job& j, const Staff& viewer, LocalSeconds now);
// J2, J3, M6: on the job board for this job seeker: open; if reserved, only
// the owner organisation's clients; if subsidised, only WIOA clients.
bool on_board_for(const Job& j, const Client& c, LocalSeconds now);
// M6: that job seeker's board, newest posting first; `search` looks in the
// title, description, employer and address, case-insensitively.
std::vector<const Job*> job_board(const Workspace& ws, const Client& c, LocalSeconds now, std::string_view search);
bool is_wioa(const Client& c);
std::vector<const Job*> open_jobs_of(const Workspace& ws, const RecordId& employer, LocalSeconds now);
// J4: the staff member who owns a job posted by `poster` for `program`: the
// poster, unless the program's priority organisation is another, in which case
// that organisation's first active BSR (or Manager).
std::optional<std::string> job_owner_for(const Workspace& ws, const Staff& poster, const std::string& program,
                                         RecordId& owner);

// The Jobs screen's and the "jobs" query's views (J2, J3).
enum class JobsView { Open, Expiring, Expired, Reserved, Closed, All };
std::optional<JobsView> jobs_view_from(std::string_view name);  // "open", "expiring", "expired", "reserved", "closed", "all"
struct JobFilter {
  JobsView view = JobsView::Open;
  RecordId employer, owner;  // empty = any
  bool operator==(const JobFilter&) const = default;
};
// J3: the jobs `viewer` may see that are in the view, by id (oldest first).
std::vector<const Job*> jobs_in_view(const Workspace& ws, const Staff& viewer, const JobFilter& filter, LocalSeconds now);

// P3: open or expired jobs whose owner is deactivated, for a Manager of the
// owner's organisation (or an Administrator) to reassign.
std::vector<const Job*> jobs_to_reassign(const Workspace& ws, const Staff& viewer, LocalSeconds now);

}  // namespace bw
