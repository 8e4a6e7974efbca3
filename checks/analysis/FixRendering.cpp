//===--- FixItRendering.cpp - awaitlint
//------------------------------------===//

#include "FixRendering.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::async::analysis {

namespace {

/// One slot of the combined result: the await it comes from, or none for a
/// placeholder (asio's std::monostate).
struct Slot {
  std::optional<size_t> Await;
};

/// The shape of the combined result.
struct ResultShape {
  enum { Void, Single, Tuple } Form = Void;
  size_t SingleAwait = 0;
  std::vector<Slot> Slots;
};

/// asio's operator&& drops void operands: void&&void is void, void&&T is T,
/// T&&U is tuple<T, U>, tuple<T...>&&void is tuple<T..., monostate>,
/// tuple<T...>&&U is tuple<T..., U>.
ResultShape asioShape(llvm::ArrayRef<AwaitForRendering> Awaits) {
  ResultShape Shape;
  for (size_t I = 0; I < Awaits.size(); ++I) {
    bool IsVoid = Awaits[I].ResultIsVoid;
    switch (Shape.Form) {
    case ResultShape::Void:
      if (!IsVoid) {
        Shape.Form = ResultShape::Single;
        Shape.SingleAwait = I;
      }
      break;
    case ResultShape::Single:
      if (!IsVoid) {
        Shape.Form = ResultShape::Tuple;
        Shape.Slots = {Slot{Shape.SingleAwait}, Slot{I}};
      }
      break;
    case ResultShape::Tuple:
      Shape.Slots.push_back(IsVoid ? Slot{} : Slot{I});
      break;
    }
  }
  return Shape;
}

ResultShape functionCallShape(llvm::ArrayRef<AwaitForRendering> Awaits) {
  ResultShape Shape;
  Shape.Form = ResultShape::Tuple;
  for (size_t I = 0; I < Awaits.size(); ++I)
    Shape.Slots.push_back(Slot{I});
  return Shape;
}

std::string assignmentPrefix(const AwaitForRendering &A) {
  switch (A.Kind) {
  case AwaitStatementKind::Discarded:
    return "";
  case AwaitStatementKind::Assignment:
    return A.Name + " = ";
  case AwaitStatementKind::Declaration:
  case AwaitStatementKind::StructuredBinding:
    return A.DeclarationPrefix;
  }
  return "";
}

} // namespace

std::optional<RenderedAwait> renderCombinedAwait(
    llvm::ArrayRef<AwaitForRendering> Awaits, const Combiner &With,
    bool AddUsingDirective, llvm::StringRef Indent,
    llvm::function_ref<std::string(llvm::StringRef)> FreshName) {
  if (Awaits.size() < 2)
    return std::nullopt;
  std::string Call = "co_await ";
  ResultShape Shape;
  if (With.Form == Combiner::Style::AsioAnd) {
    // A tuple result would be flattened into the combined tuple.
    for (const AwaitForRendering &A : Awaits)
      if (A.ResultIsTuple)
        return std::nullopt;
    Call += "(";
    for (size_t I = 0; I < Awaits.size(); ++I)
      Call += (I ? " && " : "") + Awaits[I].Operand;
    Call += ")";
    Shape = asioShape(Awaits);
  } else {
    Call += With.Function + "(";
    for (size_t I = 0; I < Awaits.size(); ++I)
      Call += (I ? ", " : "") + Awaits[I].Operand;
    Call += ")";
    Shape = functionCallShape(Awaits);
  }

  RenderedAwait Out;
  if (AddUsingDirective && !With.UsingNamespace.empty())
    Out.Text = "using namespace " + With.UsingNamespace + ";\n" + Indent.str();

  bool AllDiscarded = llvm::all_of(Awaits, [](const AwaitForRendering &A) {
    return A.Kind == AwaitStatementKind::Discarded;
  });
  if (AllDiscarded) {
    Out.Text += Call + ";";
    return Out;
  }
  switch (Shape.Form) {
  case ResultShape::Void:
    // Only void awaits, yet one of them declares or assigns: impossible.
    return std::nullopt;
  case ResultShape::Single:
    // Exactly one await produces a value: keep its statement's own prefix.
    for (size_t I = 0; I < Awaits.size(); ++I)
      if (I != Shape.SingleAwait &&
          Awaits[I].Kind != AwaitStatementKind::Discarded)
        return std::nullopt;
    Out.Text += assignmentPrefix(Awaits[Shape.SingleAwait]) + Call + ";";
    return Out;
  case ResultShape::Tuple:
    break;
  }

  auto IsDiscardedOr = [&](AwaitStatementKind Kind, bool NeedPlainAuto) {
    return llvm::all_of(Awaits, [&](const AwaitForRendering &A) {
      return A.Kind == AwaitStatementKind::Discarded ||
             (A.Kind == Kind && (!NeedPlainAuto || A.PlainAuto));
    });
  };
  // Every slot that is not kept gets a fresh name nobody uses.
  auto PlaceholderFor = [&](const Slot &S) {
    return FreshName(S.Await ? "unused_" + std::to_string(*S.Await)
                             : std::string("unused"));
  };

  if (IsDiscardedOr(AwaitStatementKind::Declaration, /*NeedPlainAuto=*/true)) {
    std::vector<std::string> Names;
    Names.reserve(Shape.Slots.size());
    for (const Slot &S : Shape.Slots)
      Names.push_back(S.Await && Awaits[*S.Await].Kind ==
                                     AwaitStatementKind::Declaration
                          ? Awaits[*S.Await].Name
                          : PlaceholderFor(S));
    Out.Text += "auto [" + llvm::join(Names, ", ") + "] = " + Call + ";";
    return Out;
  }
  if (IsDiscardedOr(AwaitStatementKind::Assignment, false)) {
    std::vector<std::string> Targets;
    Targets.reserve(Shape.Slots.size());
    for (const Slot &S : Shape.Slots)
      Targets.push_back(S.Await && Awaits[*S.Await].Kind ==
                                       AwaitStatementKind::Assignment
                            ? Awaits[*S.Await].Name
                            : std::string("std::ignore"));
    Out.Text += "std::tie(" + llvm::join(Targets, ", ") + ") = " + Call + ";";
    Out.UsesStdTie = true;
    return Out;
  }

  // General form: bind the results to fresh names, then give every original
  // statement its value with its own declaration (type, cv, reference).
  std::vector<std::string> Names;
  std::string Moves;
  for (const Slot &S : Shape.Slots) {
    if (!S.Await || Awaits[*S.Await].Kind == AwaitStatementKind::Discarded) {
      Names.push_back(PlaceholderFor(S));
      continue;
    }
    const AwaitForRendering &A = Awaits[*S.Await];
    std::string Name = FreshName(
        A.Name.empty() ? "awaited_" + std::to_string(*S.Await) : A.Name + "_");
    Names.push_back(Name);
    Moves +=
        "\n" + Indent.str() + assignmentPrefix(A) + "std::move(" + Name + ");";
  }
  Out.Text += "auto [" + llvm::join(Names, ", ") + "] = " + Call + ";" + Moves;
  return Out;
}

CharSourceRange statementRange(const Stmt *S, const SourceManager &SM,
                               const LangOptions &LangOpts) {
  SourceLocation Begin = S->getBeginLoc();
  SourceLocation End = S->getEndLoc();
  if (Begin.isInvalid() || End.isInvalid() || Begin.isMacroID() ||
      End.isMacroID())
    return {};
  // Find the ';' after the last token of the declaration or expression.
  if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
    End = (*std::prev(Decls->decl_end()))->getEndLoc();
    if (End.isInvalid() || End.isMacroID())
      return {};
  }
  std::optional<Token> Next = Lexer::findNextToken(End, SM, LangOpts);
  if (!Next || Next->isNot(tok::semi) || Next->getLocation().isMacroID())
    return {};
  End = Next->getLocation();
  if (!SM.isWrittenInSameFile(Begin, End))
    return {};
  return CharSourceRange::getTokenRange(Begin, End);
}

CharSourceRange wholeLines(CharSourceRange Range, const SourceManager &SM) {
  auto [File, BeginOffset] = SM.getDecomposedLoc(Range.getBegin());
  unsigned EndOffset = SM.getFileOffset(Range.getEnd()) + 1; // after ';'
  llvm::StringRef Buffer = SM.getBufferData(File);
  unsigned LineStart = BeginOffset;
  while (LineStart > 0 &&
         (Buffer[LineStart - 1] == ' ' || Buffer[LineStart - 1] == '\t'))
    --LineStart;
  unsigned LineEnd = EndOffset;
  while (LineEnd < Buffer.size() &&
         (Buffer[LineEnd] == ' ' || Buffer[LineEnd] == '\t'))
    ++LineEnd;
  bool AloneOnLine = (LineStart == 0 || Buffer[LineStart - 1] == '\n') &&
                     (LineEnd == Buffer.size() || Buffer[LineEnd] == '\n');
  if (!AloneOnLine || LineStart == 0)
    return Range;
  // Remove from the end of the previous line up to the end of this one: a
  // removal that ended just before the next line's indentation would lose a
  // space of it (clang merges fix-its and trims whitespace around removals).
  SourceLocation FileStart = SM.getLocForStartOfFile(File);
  return CharSourceRange::getCharRange(
      FileStart.getLocWithOffset(static_cast<int>(LineStart - 1)),
      FileStart.getLocWithOffset(static_cast<int>(LineEnd)));
}

std::string indentationAt(SourceLocation Loc, const SourceManager &SM) {
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  llvm::StringRef Buffer = SM.getBufferData(File);
  unsigned Start = Offset;
  while (Start > 0 && (Buffer[Start - 1] == ' ' || Buffer[Start - 1] == '\t'))
    --Start;
  return Buffer.substr(Start, Offset - Start).str();
}

std::optional<std::string> operandText(const Expr *E, const SourceManager &SM,
                                       const LangOptions &LangOpts) {
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Text = Lexer::getSourceText(Range, SM, LangOpts, &Invalid);
  if (Invalid || Text.empty())
    return std::nullopt;
  const Expr *Bare = E->IgnoreImplicit();
  bool Postfix = isa<ParenExpr, DeclRefExpr, MemberExpr, ArraySubscriptExpr,
                     CXXTemporaryObjectExpr, CXXFunctionalCastExpr>(Bare) ||
                 (isa<CallExpr>(Bare) && !isa<CXXOperatorCallExpr>(Bare));
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Bare))
    Postfix = Op->getOperator() == OO_Call || Op->getOperator() == OO_Subscript;
  return Postfix ? Text.str() : "(" + Text.str() + ")";
}

} // namespace clang::tidy::async::analysis
