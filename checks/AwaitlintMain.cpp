//===--- AwaitlintMain.cpp - awaitlint driver
//------------------------------===//
//
// clang-tidy with every upstream module plus the "async" module. The command
// line is clang-tidy's, unchanged: awaitlint --checks='-*,async-*' f.cpp -- ...
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"

namespace clang::tidy {
// Defined in AsyncTidyModule.cpp. Referencing it keeps the object file that
// registers the module in the link (static registration would otherwise be
// dropped with the unreferenced object).
extern volatile int AsyncModuleAnchorSource;
[[maybe_unused]] static int AsyncModuleAnchorDestination =
    AsyncModuleAnchorSource;
} // namespace clang::tidy

int main(int argc, const char **argv) {
  return clang::tidy::clangTidyMain(argc, argv);
}
