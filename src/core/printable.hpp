// Records as documents to print or save as PDF: what a person hands over or
// files. HTML with every value escaped, shown by the page over the app
// (web/page.js) and printed alone. Each shows what its screen shows, so
// access is the screen's (C5).
#pragma once
#include <string>
#include <vector>

#include "workspace.hpp"

namespace bw {

// A client's file: details, service plan and its agreement (S1), contacts
// (N1), open issues (E1) and the case notes of each.
std::string client_file_html(const Workspace& ws, const Client& c, LocalSeconds now);
// A list of clients, as the Clients screen filtered them.
std::string caseload_html(const Workspace& ws, const std::vector<const Client*>& clients, const std::string& title,
                          LocalSeconds now);
// A job order (J1-J4).
std::string job_order_html(const Workspace& ws, const Job& j, LocalSeconds now);
// An employer's account: establishments, communications, job orders and services (B1-B5, R1).
std::string employer_html(const Workspace& ws, const Employer& e, LocalSeconds now);
// An issue with its case notes (E1-E5, N5).
std::string issue_html(const Workspace& ws, const Issue& i, LocalSeconds now);
// A report table: a title, column heads and rows of cells.
std::string table_html(const Workspace& ws, const std::string& title, const std::vector<std::string>& heads,
                       const std::vector<std::vector<std::string>>& rows, LocalSeconds now);

}  // namespace bw
