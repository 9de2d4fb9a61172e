// N5: where no email documents an agreement between parties, the primary
// contact sends them a letter. The letter is a case note (`letter_to` set);
// this renders it as a printable HTML page.
#pragma once
#include <string>
#include <string_view>

#include "workspace.hpp"

namespace bw {

std::string html_escape(std::string_view text);
// A self-contained <article> for the browser to show and print.
std::string agreement_letter_html(const Workspace& ws, const CaseNote& letter);

}  // namespace bw
