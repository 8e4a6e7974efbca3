//===--- Explain.cpp - awaitlint --------------------------------*- C++ -*-===//

#include "Explain.h"
#include "AwaitDiscovery.h"
#include "Coroutine.h"
#include "Dependence.h"
#include "Options.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

namespace clang::tidy::async::analysis {

namespace {

std::unique_ptr<Explainer> &instance() {
  static std::unique_ptr<Explainer> Active;
  return Active;
}

/// The source text of \p E on one line, shortened for a table or a node.
std::string oneLine(const Expr *E, const SourceManager &SM,
                    const LangOptions &LangOpts) {
  CharSourceRange Range = CharSourceRange::getTokenRange(
      SM.getExpansionRange(E->getSourceRange()).getAsRange());
  std::string Text = Lexer::getSourceText(Range, SM, LangOpts).str();
  std::string Flat;
  bool Space = false;
  for (char C : Text) {
    if (llvm::isSpace(C)) {
      Space = !Flat.empty();
      continue;
    }
    if (Space)
      Flat += ' ';
    Space = false;
    Flat += C;
  }
  constexpr size_t Longest = 60;
  if (Flat.size() > Longest)
    Flat = Flat.substr(0, Longest - 3) + "...";
  return Flat;
}

std::string displayName(const FunctionDecl *F, const SourceManager &SM) {
  const auto *Method = dyn_cast<CXXMethodDecl>(F);
  if (Method && Method->getParent()->isLambda()) {
    std::string Outer = "(file scope)";
    if (const auto *Enclosing =
            dyn_cast<FunctionDecl>(Method->getParent()->getDeclContext()))
      Outer = Enclosing->getQualifiedNameAsString();
    return Outer + "::(lambda at line " +
           std::to_string(SM.getExpansionLineNumber(Method->getBeginLoc())) +
           ")";
  }
  return F->getQualifiedNameAsString();
}

std::string joinNames(const ObjectSet &Set, const AwaitAnalysis &Awaits) {
  std::vector<std::string> Names;
  for (ObjectKey Key : Set)
    Names.push_back(Awaits.nameOf(Key));
  // A structured binding's hidden whole adds nothing to its named parts.
  if (Names.size() > 1)
    llvm::erase(Names, "an object");
  llvm::sort(Names); // a pointer set has no stable order
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
  return llvm::join(Names, ", ");
}

const char *startPolicy(StartPolicy Start) {
  switch (Start) {
  case StartPolicy::Eager:
    return "eager";
  case StartPolicy::Lazy:
    return "lazy";
  case StartPolicy::Unknown:
    break;
  }
  return "start unknown";
}

std::string describe(const AwaitSite &Site, const AwaitAnalysis &Awaits) {
  std::vector<std::string> Parts;
  Parts.push_back((Site.Callee ? "calls " + Site.calleeName()
                               : std::string("awaits a task object")) +
                  " (" + (Site.Task.Name.empty() ? "task" : Site.Task.Name) +
                  ", " + startPolicy(Site.Task.Start) + ")");
  if (!Site.Results.empty())
    Parts.push_back("result " + joinNames(Site.Results, Awaits));
  if (Site.isStep())
    Parts.emplace_back("an ordering step (awaited for its effect)");
  else if (!Site.ResultUsed)
    Parts.emplace_back("result unused, harmless");
  if (!Site.Operand.Reads.empty())
    Parts.push_back("reads " + joinNames(Site.Operand.Reads, Awaits));
  ObjectSet Modified = Site.Operand.modified();
  if (!Modified.empty())
    Parts.push_back("writes " + joinNames(Modified, Awaits));
  if (Site.Operand.hasUnknownCall())
    Parts.push_back("effects unknown: calls '" + Site.Operand.UnknownCall +
                    "'");
  if (Site.Operand.AwaitsBarrier)
    Parts.emplace_back("its body awaits a barrier (a sleep, a lock, ...)");
  return llvm::join(Parts, "; ");
}

/// DOT strings: quotes and backslashes escaped; long labels wrapped.
std::string dotLabel(llvm::StringRef Text, size_t Width = 44) {
  std::string Out;
  size_t Column = 0;
  for (char C : Text) {
    if (C == ' ' && Column >= Width) {
      Out += "\\n";
      Column = 0;
      continue;
    }
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
    ++Column;
  }
  return Out;
}

} // namespace

Explainer *Explainer::active() { return instance().get(); }

std::string Explainer::activate(llvm::StringRef FunctionRegex) {
  llvm::Regex Pattern(FunctionRegex);
  std::string Error;
  if (!Pattern.isValid(Error))
    return Error;
  instance().reset(new Explainer(std::move(Pattern)));
  return "";
}

bool Explainer::wants(const FunctionDecl *Function, const SourceManager &SM,
                      bool Authoritative) {
  if (!Pattern.match(displayName(Function, SM)))
    return false;
  PresumedLoc Where =
      SM.getPresumedLoc(SM.getExpansionLoc(Function->getLocation()));
  if (Where.isInvalid())
    return false;
  for (SeenFunction &Entry : Seen)
    if (Entry.File == Where.getFilename() && Entry.Line == Where.getLine()) {
      // Another check's options (set per check) may order the awaits
      // differently from the ones async-sequential-await reports by.
      if (!Authoritative || Entry.Authoritative)
        return false;
      Entry.Authoritative = true;
      return true;
    }
  Seen.push_back({Where.getFilename(), Where.getLine(), Authoritative});
  return true;
}

void Explainer::recordFunction(const FunctionDecl *F, const Stmt *Body,
                               AwaitAnalysis &Awaits, const SourceManager &SM) {
  const LangOptions &LangOpts = F->getASTContext().getLangOpts();
  Function Record;
  Record.Name = displayName(F, SM);
  PresumedLoc Begin =
      SM.getPresumedLoc(SM.getExpansionLoc(F->getSourceRange().getBegin()));
  SourceLocation Last = F->getSourceRange().getEnd();
  if (const CXXTryStmt *Try = functionTryBlock(Body); Last.isInvalid() && Try)
    Last = Try->getEndLoc();
  PresumedLoc End = SM.getPresumedLoc(SM.getExpansionLoc(Last));
  if (Begin.isInvalid() || End.isInvalid())
    return;
  Record.File = Begin.getFilename();
  Record.BeginLine = Begin.getLine();
  Record.EndLine = End.getLine();

  // The statements the checks may move, with their block.
  struct Candidate {
    const AwaitSite *Site;
    unsigned Block;
  };
  llvm::DenseMap<const Expr *, Candidate> Candidates;
  llvm::DenseMap<const Expr *, std::string> NotCandidates;
  llvm::SmallPtrSet<const Expr *, 4> UnderIf;
  unsigned BlockNumber = 0;
  forEachBlock(Body, [&](const CompoundStmt *Block) {
    ++BlockNumber;
    for (const Stmt *S : Block->body()) {
      // An await alone under an if counts in the block of the if.
      bool Conditional = false;
      std::optional<AwaitStatement> Shape = matchCandidateAwait(
          S, Awaits.options().ConditionalAwaits, Conditional);
      if (!Shape)
        continue;
      if (Conditional)
        UnderIf.insert(Shape->Await);
      // (Blocks come outermost first: an await alone in braces under an if
      // keeps the if's block.)
      const auto &Made = Awaits.site(*Shape);
      if (const auto *Site = std::get_if<AwaitSite>(&Made))
        Candidates.try_emplace(Shape->Await, Candidate{Site, BlockNumber});
      else
        NotCandidates.try_emplace(Shape->Await, std::get<std::string>(Made));
    }
  });

  std::vector<Candidate> InOrder;
  for (const Expr *AwaitExpr : explicitAwaitsIn(Body)) {
    Await Entry;
    Entry.Id = "A" + std::to_string(Record.Awaits.size() + 1);
    SourceLocation Loc = SM.getExpansionLoc(AwaitExpr->getBeginLoc());
    Entry.Line = SM.getExpansionLineNumber(Loc);
    Entry.Column = SM.getExpansionColumnNumber(Loc);
    Entry.Text = oneLine(AwaitExpr, SM, LangOpts);
    if (auto It = Candidates.find(AwaitExpr); It != Candidates.end()) {
      Entry.Candidate = true;
      Entry.Detail =
          (UnderIf.contains(AwaitExpr) ? "alone under an if; " : "") +
          describe(*It->second.Site, Awaits);
      InOrder.push_back(It->second);
    } else {
      auto Why = NotCandidates.find(AwaitExpr);
      Entry.Detail =
          "not grouped: " + (Why != NotCandidates.end()
                                 ? Why->second
                                 : std::string("it is part of a larger "
                                               "statement (a condition, a "
                                               "return, an argument)"));
      InOrder.push_back({nullptr, 0});
    }
    Record.Awaits.push_back(std::move(Entry));
  }

  // Each await against every earlier one of its block.
  for (unsigned Later = 0; Later < InOrder.size(); ++Later) {
    if (!InOrder[Later].Site)
      continue;
    for (unsigned Earlier = 0; Earlier < Later; ++Earlier) {
      if (!InOrder[Earlier].Site ||
          InOrder[Earlier].Block != InOrder[Later].Block)
        continue;
      if (std::optional<std::string> Why =
              Awaits.dependence(*InOrder[Earlier].Site, *InOrder[Later].Site))
        Record.Edges.push_back({Earlier, Later, *Why});
      else
        Record.Independent.emplace_back(Earlier, Later);
    }
  }
  for (Function &Earlier : Functions)
    if (Earlier.File == Record.File && Earlier.BeginLine == Record.BeginLine &&
        Earlier.EndLine == Record.EndLine) {
      Record.Findings = std::move(Earlier.Findings);
      Record.Reasons = std::move(Earlier.Reasons);
      Earlier = std::move(Record);
      return;
    }
  Functions.push_back(std::move(Record));
}

Explainer::Function *Explainer::functionAt(SourceLocation Loc,
                                           const SourceManager &SM,
                                           unsigned &Line, unsigned &Column) {
  PresumedLoc Where = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (Where.isInvalid())
    return nullptr;
  Line = Where.getLine();
  Column = Where.getColumn();
  Function *Innermost = nullptr;
  for (Function &F : Functions)
    if (F.File == Where.getFilename() && F.BeginLine <= Line &&
        Line <= F.EndLine &&
        (!Innermost ||
         F.EndLine - F.BeginLine < Innermost->EndLine - Innermost->BeginLine))
      Innermost = &F;
  return Innermost;
}

void Explainer::recordFinding(llvm::StringRef Check, SourceLocation Loc,
                              llvm::StringRef Message,
                              llvm::ArrayRef<SourceLocation> NotePlaces,
                              const SourceManager &SM) {
  Finding Entry;
  Function *F = functionAt(Loc, SM, Entry.Line, Entry.Column);
  if (!F)
    return;
  Entry.Check = Check.str();
  Entry.Message = Message.str();
  auto Cover = [&](unsigned Line, unsigned Column) {
    for (unsigned I = 0; I < F->Awaits.size(); ++I)
      if (F->Awaits[I].Line == Line && F->Awaits[I].Column == Column &&
          !llvm::is_contained(Entry.Awaits, I))
        Entry.Awaits.push_back(I);
  };
  Cover(Entry.Line, Entry.Column);
  for (SourceLocation Place : NotePlaces) {
    unsigned Line = 0, Column = 0;
    if (functionAt(Place, SM, Line, Column) == F)
      Cover(Line, Column);
  }
  llvm::sort(Entry.Awaits);
  F->Findings.push_back(std::move(Entry));
}

void Explainer::recordReason(llvm::StringRef Check, SourceLocation Loc,
                             llvm::StringRef Text, const SourceManager &SM) {
  Reason Entry;
  Function *F = functionAt(Loc, SM, Entry.Line, Entry.Column);
  if (!F)
    return;
  Entry.Check = Check.str();
  Entry.Text = Text.str();
  // The await's own entry says it already.
  for (const Await &A : F->Awaits)
    if (A.Line == Entry.Line && A.Column == Entry.Column && A.Detail == Text)
      return;
  // Instantiations of a template repeat their reasons.
  for (const Reason &Known : F->Reasons)
    if (Known.Line == Entry.Line && Known.Column == Entry.Column &&
        Known.Check == Entry.Check && Known.Text == Entry.Text)
      return;
  F->Reasons.push_back(std::move(Entry));
}

std::string Explainer::renderText() const {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  for (const Function &F : Functions) {
    OS << "coroutine " << F.Name << "  (" << F.File << ":" << F.BeginLine << "-"
       << F.EndLine << ")\n";
    if (F.Awaits.empty()) {
      OS << "  no co_await\n\n";
      continue;
    }
    OS << "  awaits\n";
    for (const Await &A : F.Awaits)
      OS << llvm::formatv("    {0,-4}{1,6}  {2}\n", A.Id,
                          llvm::formatv("{0}:{1}", A.Line, A.Column), A.Text)
         << "                " << A.Detail << "\n";
    OS << "  order (each await against the earlier ones of its block)\n";
    if (F.Edges.empty() && F.Independent.empty())
      OS << "    no two candidates share a block\n";
    for (const Edge &E : F.Edges)
      OS << "    " << F.Awaits[E.To].Id << " waits for " << F.Awaits[E.From].Id
         << ": " << E.Reason << "\n";
    for (const auto &[Earlier, Later] : F.Independent)
      OS << "    " << F.Awaits[Later].Id << " need not wait for "
         << F.Awaits[Earlier].Id << ": independent\n";
    OS << "  findings\n";
    if (F.Findings.empty())
      OS << "    none\n";
    for (const Finding &Found : F.Findings) {
      std::vector<std::string> Ids;
      Ids.reserve(Found.Awaits.size());
      for (unsigned I : Found.Awaits)
        Ids.push_back(F.Awaits[I].Id);
      OS << "    " << Found.Line << ":" << Found.Column << " [" << Found.Check
         << "] " << (Ids.empty() ? std::string() : llvm::join(Ids, " ") + ": ")
         << Found.Message << "\n";
    }
    if (!F.Reasons.empty()) {
      OS << "  left alone\n";
      for (const Reason &R : F.Reasons)
        OS << "    " << R.Line << ":" << R.Column << " [" << R.Check << "] "
           << R.Text << "\n";
    }
    OS << "\n";
  }
  return Out;
}

std::string Explainer::renderDot() const {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "digraph awaitlint {\n"
     << "  rankdir=TB;\n"
     << "  node [shape=box, style=rounded, fontname=\"monospace\", "
        "fontsize=10];\n"
     << "  edge [fontname=\"sans-serif\", fontsize=9];\n";
  for (unsigned N = 0; N < Functions.size(); ++N) {
    const Function &F = Functions[N];
    auto Node = [N](unsigned I) {
      return "f" + std::to_string(N) + "_a" + std::to_string(I);
    };
    OS << "  subgraph cluster_f" << N << " {\n"
       << "    label=\""
       << dotLabel(F.Name + "  (" + llvm::sys::path::filename(F.File).str() +
                       ":" + std::to_string(F.BeginLine) + ")",
                   1000)
       << "\";\n    fontname=\"sans-serif\";\n";
    for (unsigned I = 0; I < F.Awaits.size(); ++I) {
      const Await &A = F.Awaits[I];
      OS << "    " << Node(I) << " [label=\""
         << dotLabel(A.Id + "  line " + std::to_string(A.Line), 1000) << "\\n"
         << dotLabel(A.Text, 1000);
      if (!A.Candidate)
        OS << "\\n"
           << dotLabel(A.Detail, 40) << "\", color=gray50, fontcolor=gray40";
      else
        OS << "\"";
      OS << "];\n";
    }
    // Source order, top to bottom, whatever the arrows say.
    for (unsigned I = 0; I + 1 < F.Awaits.size(); ++I)
      OS << "    " << Node(I) << " -> " << Node(I + 1)
         << " [style=invis, weight=10];\n";
    for (unsigned I = 0; I < F.Findings.size(); ++I) {
      const Finding &Found = F.Findings[I];
      OS << "    f" << N << "_finding" << I
         << " [shape=note, style=filled, fillcolor=\"#fff2cc\", "
            "fontname=\"sans-serif\", label=\""
         << dotLabel(Found.Check) << "\\n"
         << dotLabel(Found.Message) << "\"];\n";
      for (unsigned A : Found.Awaits)
        OS << "    f" << N << "_finding" << I << " -> " << Node(A)
           << " [style=dashed, color=\"#b45f06\", arrowhead=none];\n";
    }
    OS << "  }\n";
    // An arrow per dependence the others do not imply (A1 -> A3 is drawn
    // only when no A2 has A1 -> A2 -> A3): the text lists them all.
    auto Waits = [&](unsigned From, unsigned To) {
      return llvm::any_of(
          F.Edges, [&](const Edge &E) { return E.From == From && E.To == To; });
    };
    for (const Edge &E : F.Edges) {
      bool Implied = false;
      for (unsigned Via = E.From + 1; Via < E.To && !Implied; ++Via)
        Implied = Waits(E.From, Via) && Waits(Via, E.To);
      if (!Implied)
        OS << "  " << Node(E.From) << " -> " << Node(E.To) << " [label=\""
           << dotLabel(E.Reason, 36) << "\"];\n";
    }
    // Neighbours shown independent: a dotted line without an arrow, so the
    // picture says "need not wait" rather than nothing.
    for (const auto &[Earlier, Later] : F.Independent)
      if (Later == Earlier + 1)
        OS << "  " << Node(Earlier) << " -> " << Node(Later)
           << " [style=dotted, color=gray50, arrowhead=none, "
              "label=\"independent\", fontcolor=gray40];\n";
  }
  OS << "}\n";
  return Out;
}

} // namespace clang::tidy::async::analysis
