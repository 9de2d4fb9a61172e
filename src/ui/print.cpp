// Ctrl+P: the printable view of what the screen shows (web/page.js asks just
// before the browser prints).
#include "app.hpp"
#include "host.hpp"
#include "printable.hpp"
#include "screens/screens.hpp"

namespace bw::ui {

std::string printable_now() {
  const host::State& st = host::state();
  const Workspace* ws = st.workspace;
  const Staff* me = ws ? ws->find_staff(st.signed_in) : nullptr;
  const LocalSeconds now = host::now();
  if (ws && me && me->active && offered(nav().section, *me)) {
    const Nav& n = nav();
    if (n.section == Section::Clients) {
      if (const Client* c = ws->find_client(n.client)) return client_file_html(*ws, *c, now);
      return printable_clients(*ws, *me);
    }
    if (const Job* j = n.section == Section::Jobs ? ws->find_job(n.job) : nullptr) return job_order_html(*ws, *j, now);
    if (const Employer* e = n.section == Section::Employers ? ws->find_employer(n.employer) : nullptr)
      return employer_html(*ws, *e, now);
  }
  return "<p>This screen has no printable view. Open a client, the Clients list, a job order or an employer and print "
         "again, or use Print on a report.</p>";
}

}  // namespace bw::ui
