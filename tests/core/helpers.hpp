// Shared set-up for the core tests: a small workspace built through commands.
#pragma once
#include <doctest/doctest.h>

#include "commands.hpp"
#include "setup.hpp"

namespace bw::test {

inline LocalSeconds at(const char* iso) { return *parse_iso(iso); }

struct Area {
  Workspace ws;
  RecordId admin, board, provider, youth_provider, training;
  RecordId ers, ers2, aca, manager, bsr, trainer;
  LocalSeconds now = at("2026-11-20T10:00");

  Area() {
    auto made = std::get<NewWorkspace>(create_workspace("Test Board", "Ada Admin", "", "t0", now));
    ws = std::move(made.workspace);
    admin = made.administrator;
    board = ws.find_staff(admin)->organisation;
    provider = ok(AddOrganisation{"Career Center", OrganisationKind::OneStopProvider});
    youth_provider = ok(AddOrganisation{"Youth Works", OrganisationKind::YouthProvider});
    training = ok(AddOrganisation{"Tech Institute", OrganisationKind::TrainingProvider});
    ers = ok(AddStaff{"Erin Ers", "", provider, Role::EmploymentReadinessSpecialist, ""});
    ers2 = ok(AddStaff{"Evan Ers", "", provider, Role::EmploymentReadinessSpecialist, ""});
    aca = ok(AddStaff{"Alex Aca", "", youth_provider, Role::AcademicCareerAdvisor, ""});
    manager = ok(AddStaff{"Mona Manager", "", provider, Role::Manager, ""});
    bsr = ok(AddStaff{"Ben Bsr", "", provider, Role::BusinessServicesRepresentative, ""});
    trainer = ok(AddStaff{"Tia Trainer", "", training, Role::TrainingProviderStaff, ""});
  }

  Outcome run(const Command& c, const RecordId& actor) { return apply(ws, c, Context{actor, now}); }
  Outcome run(const Command& c) { return run(c, admin); }
  RecordId ok(const Command& c, const RecordId& actor) {
    Outcome o = run(c, actor);
    REQUIRE_MESSAGE(o.ok, o.error.message);
    return o.id;
  }
  RecordId ok(const Command& c) { return ok(c, admin); }

  EnrolClient adult() const {
    return EnrolClient{"Ana", "Lopez", "1990-04-02", "", "", {Program::WioaAdult}, provider, ers, ""};
  }
  // C5: puts the client in current training at the training provider.
  RecordId train(const RecordId& client, const char* start = "2026-11-01", const char* end = "2027-01-29") {
    return ok(AddActivity{client, "Welding certificate", {}, training, start, end}, ws.clients.at(client).primary_contact);
  }
  EnrolClient youth() const {
    return EnrolClient{"Yuri", "Young", "2008-06-30", "", "", {Program::WioaYouth}, youth_provider, aca, ""};
  }
};

}  // namespace bw::test
