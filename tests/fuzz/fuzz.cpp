// libFuzzer targets for every reader of outside data (W4): a stored meta
// value, a stored bucket, a backup file and a command's JSON. Built once per
// target (BRIDGEWORK_FUZZ_TARGET) with AddressSanitizer and UBSan; a reader
// must answer with a Workspace or an Error, never crash, hang or misread.
#include <cstddef>
#include <cstdint>
#include <string>

#include "../core/json_tree.hpp"
#include "integrity.hpp"
#include "storage.hpp"

using namespace bw;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
#if BRIDGEWORK_FUZZ_TARGET == 1  // decode_meta
  auto ws = decode_meta(text);
  if (auto* w = std::get_if<Workspace>(&ws)) (void)encode_meta(*w);
#elif BRIDGEWORK_FUZZ_TARGET == 2  // decode_bucket, then the checks a whole workspace gets
  // A bucket is read as a JsonView: it must read every text as nlohmann's parser does.
  const json tree = json::parse(text, nullptr, false);
  const JsonDocument doc(text);
  if (doc.ok() == tree.is_discarded()) __builtin_trap();
  if (doc.ok() && bw::test::nesting_depth(text) < 200 && bw::test::tree_of(doc.root()) != tree) __builtin_trap();
  Workspace ws;
  ws.meta.id_origin = "f";
  if (!decode_bucket(ws, text) && !check_integrity(ws)) {
    WorkspaceStore store(std::move(ws), false);
    while (auto batch = store.next_batch()) store.batch_committed();
  }
#elif BRIDGEWORK_FUZZ_TARGET == 3  // decode_backup, and what a restored workspace is put through
  auto ws = decode_backup(text);
  // Read as a stream of JsonViews: refused as not JSON exactly when nlohmann's parser refuses it.
  const auto* refused = std::get_if<Error>(&ws);
  if ((refused && refused->message.find("it is not JSON") != std::string::npos) !=
      json::parse(text, nullptr, false).is_discarded())
    __builtin_trap();
  if (auto* w = std::get_if<Workspace>(&ws)) {
    const std::string again = encode_backup(*w, 0);
    if (!std::holds_alternative<Workspace>(decode_backup(again))) __builtin_trap();  // what is accepted round-trips
  }
#elif BRIDGEWORK_FUZZ_TARGET == 4  // command_from_json
  const json j = json::parse(text, nullptr, false);
  if (!j.is_discarded()) {
    auto cmd = command_from_json(j);
    if (auto* c = std::get_if<Command>(&cmd)) (void)command_type(*c);
  }
#else
#error "BRIDGEWORK_FUZZ_TARGET must be 1 to 4"
#endif
  return 0;
}
