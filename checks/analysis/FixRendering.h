//===--- FixRendering.h - awaitlint -----------------------------*- C++ -*-===//
//
// Spells the code fix-its put in, in the form a person would write:
//   co_await W(f(), g());                         all results discarded
//   auto [a, b] = co_await W(f(), g());           declarations of the
//                                                 awaited types
//   std::tie(a, item.b) = co_await W(f(), g());   assignments
//   auto [a, b_value] = co_await W(f(), g());     a declaration of another
//   long b = b_value;                             type keeps its own
// with W = when_all-like function, or `co_await (f() && g())` for asio; and
// the edits around them: statement ranges, whole-line removals, the file's
// own indentation and line endings, includes.
//
//===----------------------------------------------------------------------===//

#ifndef AWAITLINT_CHECKS_ANALYSIS_FIXRENDERING_H
#define AWAITLINT_CHECKS_ANALYSIS_FIXRENDERING_H

#include "AwaitDiscovery.h"
#include "Frameworks.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class SourceManager;
class LangOptions;
namespace tidy::utils {
class IncludeInserter;
} // namespace tidy::utils
namespace tidy::async::analysis {

/// How new lines are laid out in the file being edited.
struct CodeStyle {
  std::string Newline = "\n";    ///< "\r\n" in files that use it
  std::string IndentUnit = "  "; ///< "\t" in files indented with tabs
  /// The style of the file around \p Loc.
  static CodeStyle at(SourceLocation Loc, const SourceManager &SM);
};

/// What the renderer needs to know about one await statement of a group.
struct AwaitForRendering {
  AwaitStatementKind Kind = AwaitStatementKind::Discarded;
  std::string Operand; ///< Source text, parenthesised when needed.
  bool ResultIsVoid = false;
  bool ResultIsTuple = false;
  /// Declared variable (Declaration) or assignment target text.
  std::string Name;
  /// Source text from the statement's start to its initializer, e.g.
  /// "const long v = " (Declaration, StructuredBinding).
  std::string DeclarationPrefix;
  /// A declaration a structured binding can stand for: its type is the
  /// awaited type (or auto), it is initialised with '=', has no attributes
  /// and is not returned (a binding is not moved by return).
  bool BindsDirectly = false;
  bool IsConst = false;
  /// The value is copied, not moved, out of a temporary binding.
  bool TriviallyCopyable = false;
  /// A name the code gives the operation (the callee's), for slots that
  /// need a name of their own: "load_cache" -> load_cache_done.
  std::string OperationName;
};

struct RenderedAwait {
  std::string Text;
  bool UsesStdTie = false;
  bool UsesStdMove = false;
};

/// Returns the replacement statement(s), or nothing when no rewrite keeps
/// the meaning. \p FreshName returns an unused identifier based on its
/// argument; \p Break separates two statements where the replaced one stands
/// (statementBreak).
std::optional<RenderedAwait>
renderCombinedAwait(llvm::ArrayRef<AwaitForRendering> Awaits,
                    const Combiner &With, llvm::StringRef Break,
                    llvm::function_ref<std::string(llvm::StringRef)> FreshName);

/// A variable name for a collection of tasks, results or values of the
/// operation \p Callee ("fetch_page" -> "page_tasks"), in its naming style.
std::string nameForOperation(llvm::StringRef Callee, llvm::StringRef Suffix);

/// The range of statement \p S including its terminating ';', or an invalid
/// range when it is not in a file or comes from a macro expansion.
CharSourceRange statementRange(const Stmt *S, const SourceManager &SM,
                               const LangOptions &LangOpts);

/// \p Range widened to whole lines when nothing else shares them (so a
/// removal leaves no blank line).
CharSourceRange wholeLines(CharSourceRange Range, const SourceManager &SM);

/// What separates a statement inserted before the one at \p Loc from it: a
/// newline and \p Loc's indentation when \p Loc begins its line, a space when
/// other code precedes it there (a one-line body, `{ co_await a(); ... }`).
std::string statementBreak(SourceLocation Loc, const SourceManager &SM,
                           const CodeStyle &Style);

/// Source text of \p E, parenthesised unless it is a primary or postfix
/// expression (safe as a function argument or an && operand).
std::optional<std::string> operandText(const Expr *E, const SourceManager &SM,
                                       const LangOptions &LangOpts);

/// True when \p QualifiedName ("awl::when_all", "std::tie") names a
/// declaration the translation unit already has: its header is included
/// (directly or through an umbrella header).
/// With \p In: declared in that file or in one it includes (directly or
/// not), so that a fix in a header does not depend on the TU.
bool isDeclared(const ASTContext &Context, llvm::StringRef QualifiedName,
                FileID In = FileID());

/// Adds to \p Fixes the include of \p Header in \p File unless \p Declared
/// (a qualified name) is already declared. Every check decides this alike.
void includeUnlessDeclared(std::vector<FixItHint> &Fixes,
                           tidy::utils::IncludeInserter &Inserter,
                           const ASTContext &Context, FileID File,
                           llvm::StringRef Declared, llvm::StringRef Header);

} // namespace tidy::async::analysis
} // namespace clang

#endif // AWAITLINT_CHECKS_ANALYSIS_FIXRENDERING_H
