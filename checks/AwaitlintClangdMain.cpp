//===--- AwaitlintClangdMain.cpp - clangd with the async module -*- C++ -*-===//
//
// awaitlint-clangd: clangd 22, unchanged, with the "async" clang-tidy module
// linked in, so that editors show async-* diagnostics and offer their fixes
// as code actions. clangd runs a check only if its .clangd (or user config)
// enables it and, for checks clangd does not know the latency of, sets
// Diagnostics.ClangTidy.FastCheckFilter to Loose or None (docs/editors.md).
//
//===----------------------------------------------------------------------===//

namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

namespace clang::tidy {
// Defined in AsyncTidyModule.cpp: referencing it keeps the object that
// registers the module in the link.
extern volatile int AsyncModuleAnchorSource;
[[maybe_unused]] static int AsyncModuleAnchorDestination =
    AsyncModuleAnchorSource;
} // namespace clang::tidy

int main(int argc, char *argv[]) {
  return clang::clangd::clangdMain(argc, argv);
}
