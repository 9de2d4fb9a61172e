#include "letters.hpp"

namespace bw {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {
// Paragraphs as the writer typed them: a blank line or a line break starts a new one.
std::string paragraphs(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) out += "<p>" + html_escape(line) + "</p>\n";
    start = end + 1;
  }
  return out;
}
}  // namespace

std::string agreement_letter_html(const Workspace& ws, const CaseNote& letter) {
  const Client* client = ws.find_client(letter.client);
  const Staff* writer = ws.find_staff(letter.by);
  // The letter comes from the writer's organisation (usually the client's provider).
  const Organisation* provider = writer ? ws.find_organisation(writer->organisation)
                                 : client ? ws.find_organisation(client->provider) : nullptr;
  const std::string client_name = client ? full_name(*client) : "the participant";
  std::string html = "<article class=\"letter\">\n";
  html += "<header><strong>" + html_escape(provider ? provider->name : ws.meta.name) + "</strong><br>" +
          html_escape(ws.meta.name) + "</header>\n";
  html += "<p class=\"date\">" + html_escape(display_date(date_of(letter.at))) + "</p>\n<p class=\"to\">To: ";
  for (size_t i = 0; i < letter.letter_to.size(); ++i)
    html += (i ? "<br>" : "") + html_escape(letter.letter_to[i]);
  html += "</p>\n<p class=\"re\"><strong>Re: agreement concerning " + html_escape(client_name) + "</strong></p>\n";
  html += "<p>This letter confirms what was agreed between the parties:</p>\n";
  html += paragraphs(letter.text);
  html += "<p>If anything here is not as you understood it, please contact me";
  if (writer && !writer->email.empty()) html += " at " + html_escape(writer->email);
  html += ".</p>\n<p class=\"signature\">Sincerely,<br><br>" + html_escape(writer ? writer->name : "") + "<br>" +
          html_escape(writer ? std::string(role_label(writer->role)) : "") + ", " +
          html_escape(provider ? provider->name : "") + "</p>\n";
  html += "<footer>Kept on " + html_escape(client_name) + "'s file, reference " + html_escape(letter.id) +
          ".</footer>\n</article>\n";
  return html;
}

}  // namespace bw
