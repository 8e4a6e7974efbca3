//===--- AsyncTidyModule.cpp - awaitlint ------------------------*- C++ -*-===//
//
// The clang-tidy module "async": checks for C++20 coroutine code, registered
// under the prefix "async-". Built both into the standalone driver
// bin/awaitlint and into the plugin lib/libawaitlint.so for
// `clang-tidy-22 --load=...`.
//
//===----------------------------------------------------------------------===//

#include "AwaitInLoopCheck.h"
#include "AwaitLateCheck.h"
#include "SequentialAwaitCheck.h"
#include "UnhandledRejectionCheck.h"
#include "clang-tidy/ClangTidyModule.h"

namespace clang::tidy {
namespace async {

class AsyncModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<SequentialAwaitCheck>(
        "async-sequential-await");
    CheckFactories.registerCheck<AwaitInLoopCheck>("async-await-in-loop");
    CheckFactories.registerCheck<AwaitLateCheck>("async-await-late");
    CheckFactories.registerCheck<UnhandledRejectionCheck>(
        "async-unhandled-rejection");
  }
};

} // namespace async

// Register the module with the registry of the host clang-tidy (or of the
// awaitlint driver, whose main references the anchor below).
static ClangTidyModuleRegistry::Add<async::AsyncModule>
    X("async-module", "Adds checks for C++20 coroutines (async-*).");

// This anchor is used to force the linker to link in the generated object
// file and thus register the AsyncModule.
// NOLINTNEXTLINE(misc-use-internal-linkage)
volatile int AsyncModuleAnchorSource = 0;

} // namespace clang::tidy
