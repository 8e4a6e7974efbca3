//===--- FixRendering.cpp - awaitlint ---------------------------*- C++ -*-===//

#include "FixRendering.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::async::analysis {

namespace {

/// The shape of the combined result: which await each slot comes from
/// (none for asio's std::monostate placeholder after a tuple).
struct ResultShape {
  enum { Void, Single, Tuple } Form = Void;
  size_t SingleAwait = 0;
  std::vector<std::optional<size_t>> Slots;
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
        Shape.Slots = {Shape.SingleAwait, I};
      }
      break;
    case ResultShape::Tuple:
      Shape.Slots.push_back(IsVoid ? std::nullopt : std::optional<size_t>(I));
      break;
    }
  }
  return Shape;
}

ResultShape functionCallShape(llvm::ArrayRef<AwaitForRendering> Awaits,
                              const Combiner &With) {
  ResultShape Shape;
  for (size_t I = 0; I < Awaits.size(); ++I)
    if (With.VoidHasSlot || !Awaits[I].ResultIsVoid)
      Shape.Slots.emplace_back(I);
  if (Shape.Slots.empty())
    return Shape;
  const std::optional<size_t> Only =
      Shape.Slots.size() == 1 ? Shape.Slots.front() : std::nullopt;
  if (Only && With.SingleSlotUnwrapped) {
    Shape.Form = ResultShape::Single;
    Shape.SingleAwait = *Only;
    Shape.Slots.clear();
    return Shape;
  }
  Shape.Form = ResultShape::Tuple;
  return Shape;
}

/// The text before the value in the statement: "auto a = ", "x = ", "".
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

/// A name for the slot of an await whose own statement names none: after
/// the declared variable ("orders_value"), else after the operation
/// ("fetch_pair" -> "pair", "load_cache" -> "cache_done").
std::string slotBase(const AwaitForRendering &A, llvm::StringRef Suffix) {
  if (!A.Name.empty() && A.Kind == AwaitStatementKind::Declaration)
    return A.Name + "_" + Suffix.str();
  std::string Stem =
      A.OperationName.empty()
          ? std::string("result")
          : llvm::StringRef(nameForOperation(A.OperationName, ""))
                .rtrim('_')
                .str();
  if (!llvm::all_of(Stem, [](char C) { return llvm::isAlnum(C) || C == '_'; }))
    Stem = "result";
  if (Suffix == "value" && A.Kind == AwaitStatementKind::StructuredBinding)
    return Stem;
  return Stem + "_" + Suffix.str();
}

} // namespace

CodeStyle CodeStyle::at(SourceLocation Loc, const SourceManager &SM) {
  CodeStyle Style;
  if (Loc.isInvalid())
    return Style;
  Loc = SM.getExpansionLoc(Loc);
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return Style;
  size_t LineEnd = Buffer.find('\n', Offset);
  if (LineEnd != llvm::StringRef::npos && LineEnd > 0 &&
      Buffer[LineEnd - 1] == '\r')
    Style.Newline = "\r\n";
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  if (LineStart < Buffer.size() && Buffer[LineStart] == '\t')
    Style.IndentUnit = "\t";
  return Style;
}

std::optional<RenderedAwait> renderCombinedAwait(
    llvm::ArrayRef<AwaitForRendering> Awaits, const Combiner &With,
    llvm::StringRef Break,
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
    Shape = functionCallShape(Awaits, With);
  }
  std::string NextLine = Break.str();
  RenderedAwait Out;

  // Each slot holds an outcome (async_simple's Try): unwrap every one, in
  // the original order, so the first failure still propagates first.
  if (!With.ValueMethod.empty()) {
    if (Shape.Form != ResultShape::Tuple)
      return std::nullopt;
    std::vector<std::string> Names;
    std::string Unwraps;
    for (const std::optional<size_t> &Slot : Shape.Slots) {
      if (!Slot)
        return std::nullopt;
      const AwaitForRendering &A = Awaits[*Slot];
      Names.push_back(FreshName(slotBase(A, With.SlotSuffix)));
      Unwraps += NextLine + assignmentPrefix(A) + "std::move(" + Names.back() +
                 ")." + With.ValueMethod + "();";
    }
    Out.Text =
        "auto [" + llvm::join(Names, ", ") + "] = " + Call + ";" + Unwraps;
    Out.UsesStdMove = true;
    return Out;
  }

  bool AllDiscarded = llvm::all_of(Awaits, [](const AwaitForRendering &A) {
    return A.Kind == AwaitStatementKind::Discarded;
  });
  if (AllDiscarded) {
    Out.Text = Call + ";";
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
    Out.Text = assignmentPrefix(Awaits[Shape.SingleAwait]) + Call + ";";
    return Out;
  case ResultShape::Tuple:
    break;
  }
  // Every await without a slot (a void asio operand) must be discarded.
  llvm::SmallVector<bool, 8> HasSlot(Awaits.size(), false);
  for (const std::optional<size_t> &Slot : Shape.Slots)
    if (Slot)
      HasSlot[*Slot] = true;
  for (size_t I = 0; I < Awaits.size(); ++I)
    if (!HasSlot[I] && Awaits[I].Kind != AwaitStatementKind::Discarded)
      return std::nullopt;

  auto DiscardedName = [&](const std::optional<size_t> &Slot) {
    if (!Slot)
      return FreshName("placeholder");
    const AwaitForRendering &A = Awaits[*Slot];
    return FreshName(slotBase(A, A.ResultIsVoid ? "done" : "result"));
  };
  auto IsKind = [&](AwaitStatementKind Kind, auto Extra) {
    return llvm::all_of(Awaits, [&](const AwaitForRendering &A) {
      return A.Kind == AwaitStatementKind::Discarded ||
             (A.Kind == Kind && Extra(A));
    });
  };

  // auto [a, b] = ...: every declaration binds directly, with one constness.
  bool AnyConst = false, AnyMutable = false;
  for (const AwaitForRendering &A : Awaits)
    if (A.Kind == AwaitStatementKind::Declaration)
      (A.IsConst ? AnyConst : AnyMutable) = true;
  if (!(AnyConst && AnyMutable) &&
      IsKind(AwaitStatementKind::Declaration,
             [](const AwaitForRendering &A) { return A.BindsDirectly; })) {
    std::vector<std::string> Names;
    Names.reserve(Shape.Slots.size());
    for (const std::optional<size_t> &Slot : Shape.Slots)
      Names.push_back(Slot && Awaits[*Slot].Kind ==
                                  AwaitStatementKind::Declaration
                          ? Awaits[*Slot].Name
                          : DiscardedName(Slot));
    Out.Text = std::string(AnyConst ? "const auto [" : "auto [") +
               llvm::join(Names, ", ") + "] = " + Call + ";";
    return Out;
  }
  // std::tie(a, item.b) = ...: assignments only.
  if (IsKind(AwaitStatementKind::Assignment,
             [](const AwaitForRendering &) { return true; })) {
    std::vector<std::string> Targets;
    Targets.reserve(Shape.Slots.size());
    for (const std::optional<size_t> &Slot : Shape.Slots)
      Targets.push_back(Slot && Awaits[*Slot].Kind ==
                                    AwaitStatementKind::Assignment
                            ? Awaits[*Slot].Name
                            : std::string("std::ignore"));
    Out.Text = "std::tie(" + llvm::join(Targets, ", ") + ") = " + Call + ";";
    Out.UsesStdTie = true;
    return Out;
  }

  // General form: declarations that can bind directly do; every other
  // statement takes its value from a binding of its own, in its own words
  // (type, cv, reference, assignment).
  std::vector<std::string> Names;
  std::string Rest;
  for (const std::optional<size_t> &Slot : Shape.Slots) {
    if (!Slot || Awaits[*Slot].Kind == AwaitStatementKind::Discarded) {
      Names.push_back(DiscardedName(Slot));
      continue;
    }
    const AwaitForRendering &A = Awaits[*Slot];
    if (A.Kind == AwaitStatementKind::Declaration && A.BindsDirectly &&
        !A.IsConst) {
      Names.push_back(A.Name);
      continue;
    }
    std::string Name = FreshName(slotBase(A, "value"));
    Names.push_back(Name);
    if (A.TriviallyCopyable) {
      Rest += NextLine + assignmentPrefix(A);
      Rest += Name + ";";
    } else {
      Rest += NextLine + assignmentPrefix(A);
      Rest += "std::move(" + Name + ");";
      Out.UsesStdMove = true;
    }
  }
  Out.Text = "auto [" + llvm::join(Names, ", ") + "] = " + Call + ";" + Rest;
  return Out;
}

std::string nameForOperation(llvm::StringRef Callee, llvm::StringRef Suffix) {
  bool Camel = !Callee.contains('_') &&
               llvm::any_of(Callee, [](char C) { return llvm::isUpper(C); });
  std::string Stem = Callee.str();
  static const char *const Verbs[] = {
      "fetch", "get",     "load",      "read",    "query", "download", "lookup",
      "find",  "compute", "calculate", "request", "call",  "resolve",  "search",
      "list",  "count",   "async",     "do",      "run",   "make"};
  for (const char *Verb : Verbs) {
    llvm::StringRef V(Verb);
    if (!Callee.starts_with(V) || Callee.size() <= V.size())
      continue;
    llvm::StringRef Rest = Callee.drop_front(V.size());
    if (!Camel && Rest.consume_front("_") && !Rest.empty() &&
        (llvm::isAlpha(Rest.front()) || Rest.front() == '_')) {
      Stem = Rest.str();
      break;
    }
    if (Camel && llvm::isUpper(Rest.front())) {
      Stem = Rest.str();
      Stem[0] = llvm::toLower(Stem[0]);
      break;
    }
  }
  if (Camel) {
    std::string Tail = Suffix.str();
    if (!Tail.empty())
      Tail[0] = llvm::toUpper(Tail[0]);
    return Stem + Tail;
  }
  return Stem + "_" + Suffix.str();
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
         (Buffer[LineEnd] == ' ' || Buffer[LineEnd] == '\t' ||
          Buffer[LineEnd] == '\r'))
    ++LineEnd;
  bool AloneOnLine = (LineStart == 0 || Buffer[LineStart - 1] == '\n') &&
                     (LineEnd == Buffer.size() || Buffer[LineEnd] == '\n');
  if (!AloneOnLine) {
    // Other code shares the line (`{ int a = co_await f(); g(); }`): take
    // the blanks on one side along, so that the code left keeps a single
    // space between its statements.
    SourceLocation FileStart = SM.getLocForStartOfFile(File);
    bool CodeAfter = LineEnd < Buffer.size() && Buffer[LineEnd] != '\n' &&
                     Buffer[LineEnd] != '\r';
    bool CodeBefore = LineStart > 0 && Buffer[LineStart - 1] != '\n';
    auto At = [&](unsigned Offset) {
      return FileStart.getLocWithOffset(static_cast<int>(Offset));
    };
    if (CodeAfter && LineEnd > EndOffset)
      return CharSourceRange::getCharRange(At(BeginOffset), At(LineEnd));
    if (CodeBefore && LineStart < BeginOffset)
      return CharSourceRange::getCharRange(At(LineStart), At(EndOffset));
    return Range;
  }
  if (LineStart == 0)
    return Range;
  // Remove from the end of the previous line up to the end of this one: a
  // removal that ended just before the next line's indentation would lose a
  // space of it (clang merges fix-its and trims whitespace around removals).
  // The previous line's "\r" (CRLF files) stays: the removal starts at its
  // "\n" and ends before this line's "\n", which takes its place.
  unsigned RemovalStart = LineStart - 1;
  if (RemovalStart > 0 && Buffer[RemovalStart - 1] == '\r') {
    --RemovalStart;
    --LineEnd; // keep this line's "\r\n" instead
    while (LineEnd > EndOffset && Buffer[LineEnd] != '\r')
      --LineEnd;
  }
  SourceLocation FileStart = SM.getLocForStartOfFile(File);
  return CharSourceRange::getCharRange(
      FileStart.getLocWithOffset(static_cast<int>(RemovalStart)),
      FileStart.getLocWithOffset(static_cast<int>(LineEnd)));
}

std::string statementBreak(SourceLocation Loc, const SourceManager &SM,
                           const CodeStyle &Style) {
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  llvm::StringRef Buffer = SM.getBufferData(File);
  unsigned Start = Offset;
  while (Start > 0 && (Buffer[Start - 1] == ' ' || Buffer[Start - 1] == '\t'))
    --Start;
  if (Start > 0 && Buffer[Start - 1] != '\n')
    return " ";
  return Style.Newline + Buffer.substr(Start, Offset - Start).str();
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

/// Whether \p Loc lies in \p File or in a file \p File includes,
/// directly or not.
static bool includedThrough(const SourceManager &SM, SourceLocation Loc,
                            FileID File) {
  FileID Current = SM.getFileID(SM.getExpansionLoc(Loc));
  while (Current.isValid()) {
    if (Current == File)
      return true;
    SourceLocation IncludedAt = SM.getIncludeLoc(Current);
    if (IncludedAt.isInvalid())
      return false;
    Current = SM.getFileID(SM.getExpansionLoc(IncludedAt));
  }
  return false;
}

bool isDeclared(const ASTContext &Context, llvm::StringRef QualifiedName,
                FileID In) {
  QualifiedName.consume_front("::");
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  QualifiedName.split(Parts, "::");
  const DeclContext *Scope = Context.getTranslationUnitDecl();
  for (size_t I = 0; I < Parts.size(); ++I) {
    auto Found = Scope->lookup(&Context.Idents.get(Parts[I]));
    if (Found.empty())
      return false;
    if (I + 1 == Parts.size()) {
      if (In.isInvalid())
        return true;
      // A header shared by several TUs gets the same fix in each: what it
      // includes decides, not what the TU included before it.
      const SourceManager &SM = Context.getSourceManager();
      for (const NamedDecl *D : Found)
        for (const Decl *Redeclaration : D->redecls())
          if (includedThrough(SM, Redeclaration->getLocation(), In))
            return true;
      return false;
    }
    const auto *Next = dyn_cast<DeclContext>(Found.front());
    if (!Next)
      return false;
    Scope = Next->getPrimaryContext();
  }
  return false;
}

void includeUnlessDeclared(std::vector<FixItHint> &Fixes,
                           tidy::utils::IncludeInserter &Inserter,
                           const ASTContext &Context, FileID File,
                           llvm::StringRef Declared, llvm::StringRef Header) {
  if (Header.empty() || isDeclared(Context, Declared, File))
    return;
  if (auto Include = Inserter.createIncludeInsertion(File, Header))
    Fixes.push_back(std::move(*Include));
}

} // namespace clang::tidy::async::analysis
