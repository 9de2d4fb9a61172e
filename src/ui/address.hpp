// Every screen, record and tab has an address (#/clients/<id>/service-plan),
// so Back and Forward move inside the app, a reload returns to the same place
// and a link opens a record after sign-in, within that person's access.
#pragma once
#include <string>
#include <string_view>

#include "screens/screens.hpp"

namespace bw::ui {
// The address of what `nav` shows, without the leading '#'.
std::string address_of(const Nav& nav);
// "Service plan" -> "service-plan": a tab's part of an address.
std::string address_part(std::string_view label);
// Once a frame, before the screen is drawn: goes where the browser asks
// (a link, a reload, Back, Forward). Nobody signed in: a link waits for the
// next sign-in; Back and Forward are ignored (they would show the last
// person's pages to the next).
void follow_address(const Workspace* ws, const Staff* me);
// After the screen is drawn: the browser's address follows the screen.
void show_address(const Staff* me);
}  // namespace bw::ui
