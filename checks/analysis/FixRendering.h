//===--- FixRendering.h - awaitlint
//--------------------------------------===//
//
// Spells the single await that replaces a group of sequential awaits, in the
// form the group's statements need:
//   co_await W(f(), g());                          all results discarded
//   auto [a, b] = co_await W(f(), g());            all `auto v = ...`
//   std::tie(a, b) = co_await W(f(), g());         all `v = ...`
//   auto [a_, b_] = co_await W(f(), g());          anything else: the
//   T a = std::move(a_); U b = std::move(b_);      declarations are kept
// with W = when_all-like function, or `co_await (f() && g())` for asio.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_FIXRENDERING_H
#define AWAITLINT_CHECKS_ANALYSIS_FIXRENDERING_H

#include "AwaitDiscovery.h"
#include "Frameworks.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <string>

namespace clang {
class SourceManager;
class LangOptions;
namespace tidy::async::analysis {

/// What the renderer needs to know about one await statement of a group.
struct AwaitForRendering {
  AwaitStatementKind Kind = AwaitStatementKind::Discarded;
  std::string Operand; ///< Source text, parenthesised when needed.
  bool ResultIsVoid = false;
  bool ResultIsTuple = false;
  std::string Name; ///< Declared or assigned variable.
  /// Source text from the statement's start to its initializer, e.g.
  /// "const long v = " or "auto [p, q] = " (Declaration, StructuredBinding).
  std::string DeclarationPrefix;
  /// Declared exactly as `auto v = co_await ...;`, so a structured binding
  /// can take its place.
  bool PlainAuto = false;
};

struct RenderedAwait {
  std::string Text;
  bool UsesStdTie = false;
};

/// Returns the replacement statement(s), or nothing when no rewrite keeps
/// the meaning. \p FreshName returns an unused identifier based on its
/// argument; \p Indent is the indentation of the replaced statement.
std::optional<RenderedAwait>
renderCombinedAwait(llvm::ArrayRef<AwaitForRendering> Awaits,
                    const Combiner &With, bool AddUsingDirective,
                    llvm::StringRef Indent,
                    llvm::function_ref<std::string(llvm::StringRef)> FreshName);

/// The range of statement \p S including its terminating ';', or an invalid
/// range when it is not in a file or comes from a macro expansion.
CharSourceRange statementRange(const Stmt *S, const SourceManager &SM,
                               const LangOptions &LangOpts);

/// \p Range widened to whole lines when nothing else shares them (so a
/// removal leaves no blank line).
CharSourceRange wholeLines(CharSourceRange Range, const SourceManager &SM);

/// The whitespace before \p Loc on its line.
std::string indentationAt(SourceLocation Loc, const SourceManager &SM);

/// Source text of \p E, parenthesised unless it is a primary or postfix
/// expression (safe as a function argument or an && operand).
std::optional<std::string> operandText(const Expr *E, const SourceManager &SM,
                                       const LangOptions &LangOpts);

} // namespace tidy::async::analysis
} // namespace clang

#endif // AWAITLINT_CHECKS_ANALYSIS_FIXRENDERING_H
