//===--- AsyncCheck.cpp - awaitlint -----------------------------*- C++ -*-===//

#include "AsyncCheck.h"
#include "analysis/Explain.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include <cstdlib>
#include <map>

using namespace clang::ast_matchers;

namespace clang::tidy::async {

AsyncCheck::AsyncCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Reader(Options, Name,
             [this](const std::string &Message) {
               configurationDiag("%0") << Message;
             }),
      Opts(Reader), Classifier(Opts.CustomTaskTypes), Effects(Opts),
      IncludeStyle(Options.getLocalOrGlobal(
          "IncludeStyle", tidy::utils::IncludeSorter::IS_LLVM)),
      Explaining(std::getenv("AWAITLINT_EXPLAIN") != nullptr ||
                 analysis::Explainer::active()) {
  // The driver's --summaries gives the path for the whole run.
  SummariesPath = Reader.string("Summaries", "");
  if (SummariesPath.empty())
    SummariesPath = analysis::summarySettings().ReadPath;
  if (!SummariesPath.empty()) {
    std::string Error;
    Summaries = analysis::ExceptionSummaries::load(SummariesPath, Error);
    if (!Summaries)
      Reader.reportError("invalid value for " + Reader.keyOf("Summaries") +
                         ": " + Error);
  }
  Effects.useSummaries(Summaries);
}

/// The findings of every async- check of one translation unit, emitted
/// together at its end so that each edit several fixes need is made once.
class FindingCollector {
public:
  FindingCollector(tidy::utils::IncludeSorter::IncludeStyle Style,
                   bool SelfContained)
      : Inserter(Style, SelfContained) {}

  /// The collector of the translation unit \p PP preprocesses.
  static std::shared_ptr<FindingCollector>
  of(Preprocessor *PP, tidy::utils::IncludeSorter::IncludeStyle Style,
     bool SelfContained) {
    static llvm::DenseMap<Preprocessor *, std::weak_ptr<FindingCollector>>
        Collectors;
    std::weak_ptr<FindingCollector> &Slot = Collectors[PP];
    if (std::shared_ptr<FindingCollector> Existing = Slot.lock())
      return Existing;
    auto Created = std::make_shared<FindingCollector>(Style, SelfContained);
    Created->Inserter.registerPreprocessor(PP);
    Slot = Created;
    return Created;
  }

  void add(AsyncCheck *Check, Finding F) {
    Pending.emplace_back(Check, std::move(F));
  }

  void flush(const SourceManager &SM, const LangOptions &LangOpts) {
    // Who makes each shared edit: the first warning fix that needs it, else
    // the first note fix.
    std::map<std::pair<FileID, std::string>, std::pair<size_t, bool>> Maker;
    for (size_t I = 0; I < Pending.size(); ++I) {
      const Finding &F = Pending[I].second;
      if (!F.Fix)
        continue;
      bool OnWarning = !F.FixNote;
      for (const FileEdit &Need : F.Fix->Needs) {
        auto [It, Inserted] =
            Maker.try_emplace({Need.File, Need.key()}, I, OnWarning);
        if (!Inserted && OnWarning && !It->second.second)
          It->second = {I, true};
      }
    }
    for (size_t I = 0; I < Pending.size(); ++I) {
      Finding &F = Pending[I].second;
      if (!F.Fix)
        continue;
      for (const FileEdit &Need : F.Fix->Needs) {
        if (Maker[{Need.File, Need.key()}].first != I)
          continue;
        if (!Need.Header.empty()) {
          if (auto Include =
                  Inserter.createIncludeInsertion(Need.File, Need.Header)) {
            // The inserter writes "\n"; a CRLF file keeps its line endings.
            const analysis::CodeStyle Style =
                analysis::CodeStyle::at(SM.getLocForStartOfFile(Need.File), SM);
            if (Style.Newline != "\n")
              Include->CodeToInsert = llvm::join(
                  llvm::split(Include->CodeToInsert, '\n'), Style.Newline);
            F.Fix->Hints.push_back(std::move(*Include));
          }
        } else {
          F.Fix->Hints.push_back(
              FixItHint::CreateInsertion(Need.InsertAt, Need.Text));
        }
      }
    }
    mergeNearbyHints(SM, LangOpts);
    // In source order; findings at one place keep the order they came in.
    std::vector<size_t> Order(Pending.size());
    for (size_t I = 0; I < Order.size(); ++I)
      Order[I] = I;
    llvm::sort(Order, [&](size_t A, size_t B) {
      SourceLocation LA = Pending[A].second.Loc, LB = Pending[B].second.Loc;
      if (LA != LB)
        return SM.isBeforeInTranslationUnit(LA, LB);
      return A < B;
    });
    for (size_t I : Order)
      Pending[I].first->emit(Pending[I].second);
    Pending.clear();
  }

  tidy::utils::IncludeInserter Inserter;

private:
  /// An edit as offsets in one file.
  struct Span {
    FileID File;
    unsigned Begin, End;
    size_t Owner; ///< index in Pending
  };

  static std::optional<Span> spanOf(const FixItHint &Hint,
                                    const SourceManager &SM,
                                    const LangOptions &LangOpts, size_t Owner) {
    if (Hint.InsertFromRange.isValid() || Hint.RemoveRange.isInvalid())
      return std::nullopt;
    CharSourceRange Range =
        Lexer::makeFileCharRange(Hint.RemoveRange, SM, LangOpts);
    if (Range.isInvalid())
      return std::nullopt;
    auto [File, Begin] = SM.getDecomposedLoc(Range.getBegin());
    auto [EndFile, End] = SM.getDecomposedLoc(Range.getEnd());
    if (File != EndFile || End < Begin)
      return std::nullopt;
    return Span{File, Begin, End, Owner};
  }

  /// Joins the edits of each fix that lie close together (a removed
  /// statement and the combined await a few lines below) into one
  /// replacement. Applying fixes costs clang-format's cleanup time in
  /// proportion to lines times replacements, so a file with thousands of
  /// findings is fixed about twice as fast. Edits are joined only across
  /// text no other fix touches, so fixes that did not conflict still do not.
  void mergeNearbyHints(const SourceManager &SM, const LangOptions &LangOpts) {
    constexpr unsigned MaxGap = 4096;
    // Each finding's edits as offsets, computed once; a finding with an
    // edit that cannot be expressed so keeps its edits as they are.
    std::vector<std::vector<std::pair<Span, const FixItHint *>>> Spans(
        Pending.size());
    std::vector<Span> All;
    for (size_t I = 0; I < Pending.size(); ++I) {
      if (!Pending[I].second.Fix)
        continue;
      for (const FixItHint &Hint : Pending[I].second.Fix->Hints)
        if (std::optional<Span> S = spanOf(Hint, SM, LangOpts, I)) {
          All.push_back(*S);
          Spans[I].emplace_back(*S, &Hint);
        }
    }
    llvm::sort(All, [](const Span &A, const Span &B) {
      return std::tie(A.File, A.Begin) < std::tie(B.File, B.Begin);
    });
    // Whether a fix other than Owner edits [Begin, End] of File.
    auto OthersTouch = [&](FileID File, unsigned Begin, unsigned End,
                           size_t Owner) {
      auto It = llvm::lower_bound(
          All, std::make_pair(File, Begin),
          [](const Span &S, std::pair<FileID, unsigned> K) {
            return std::tie(S.File, S.Begin) < std::tie(K.first, K.second);
          });
      for (; It != All.end() && It->File == File && It->Begin <= End; ++It)
        if (It->Owner != Owner)
          return true;
      return false;
    };
    for (size_t I = 0; I < Pending.size(); ++I) {
      std::optional<Edits> &Fix = Pending[I].second.Fix;
      if (!Fix || Fix->Hints.size() < 2)
        continue;
      std::vector<std::pair<Span, const FixItHint *>> &Mine = Spans[I];
      if (Mine.size() != Fix->Hints.size())
        continue; // an edit this cannot express as offsets: keep them all
      llvm::stable_sort(Mine, [](const auto &A, const auto &B) {
        return std::tie(A.first.File, A.first.Begin) <
               std::tie(B.first.File, B.first.Begin);
      });
      std::vector<FixItHint> Merged;
      for (size_t J = 0; J < Mine.size();) {
        const Span First = Mine[J].first;
        std::string Text = Mine[J].second->CodeToInsert;
        unsigned End = First.End;
        size_t K = J + 1;
        for (; K < Mine.size(); ++K) {
          const Span &Next = Mine[K].first;
          // Edits at one offset keep their own order; overlapping ones are
          // clang-tidy's to report.
          if (Next.File != First.File || Next.Begin <= End ||
              Next.Begin - End > MaxGap ||
              OthersTouch(First.File, End, Next.Begin, I))
            break;
          bool Invalid = false;
          llvm::StringRef Buffer = SM.getBufferData(First.File, &Invalid);
          if (Invalid)
            break;
          Text += Buffer.substr(End, Next.Begin - End);
          Text += Mine[K].second->CodeToInsert;
          End = Next.End;
        }
        if (K == J + 1) {
          Merged.push_back(*Mine[J].second);
        } else {
          SourceLocation Start = SM.getComposedLoc(First.File, First.Begin);
          Merged.push_back(FixItHint::CreateReplacement(
              CharSourceRange::getCharRange(
                  Start,
                  Start.getLocWithOffset(static_cast<int>(End - First.Begin))),
              Text));
        }
        J = K;
      }
      Fix->Hints = std::move(Merged);
    }
  }

  std::vector<std::pair<AsyncCheck *, Finding>> Pending;
};

void AsyncCheck::explain(SourceLocation Loc, llvm::StringRef Why) const {
  if (!SourceManagerForSuppression)
    return;
  if (analysis::Explainer *Explainer = analysis::Explainer::active()) {
    Explainer->recordReason(getID(), Loc, Why, *SourceManagerForSuppression);
    return;
  }
  llvm::errs() << Loc.printToString(*SourceManagerForSuppression)
               << ": explain: " << Why << " [" << getID() << "]\n";
}

void AsyncCheck::storeOptions(ClangTidyOptions::OptionMap &OptionMap) {
  Opts.store(Options, OptionMap);
  Options.store(OptionMap, "IncludeStyle", IncludeStyle);
  Options.store(OptionMap, "Summaries", SummariesPath);
}

void AsyncCheck::registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                                     Preprocessor * /*ModuleExpanderPP*/) {
  Collector = FindingCollector::of(PP, IncludeStyle, areDiagsSelfContained());
  SourceManagerForSuppression = &SM;
}

void AsyncCheck::report(Finding F) {
  if (Collector)
    Collector->add(this, std::move(F));
}

void AsyncCheck::onEndOfTranslationUnit() {
  if (Collector && SourceManagerForSuppression)
    Collector->flush(*SourceManagerForSuppression, getLangOpts());
}

void AsyncCheck::emit(const Finding &F) {
  if (analysis::Explainer *Explainer = analysis::Explainer::active();
      Explainer && SourceManagerForSuppression) {
    std::vector<SourceLocation> Places;
    Places.reserve(F.Notes.size());
    for (const auto &Note : F.Notes)
      Places.push_back(Note.first);
    Explainer->recordFinding(getID(), F.Loc, F.Message, Places,
                             *SourceManagerForSuppression);
  }
  {
    auto Warning = diag(F.Loc, "%0") << F.Message;
    if (F.Fix && !F.FixNote)
      Warning << F.Fix->Hints;
  }
  if (!F.Fix)
    diag(F.Loc, "no fix-it: %0", DiagnosticIDs::Note) << F.NoFix;
  else if (F.FixNote)
    diag(F.Loc, "fix-it on this note only (apply with --fix-notes): %0",
         DiagnosticIDs::Note)
        << *F.FixNote << F.Fix->Hints;
  for (const auto &[Loc, Text] : F.Notes)
    diag(Loc, "%0", DiagnosticIDs::Note) << Text;
}

void AsyncCheck::registerMatchers(MatchFinder *Finder) {
  // Templates and their instantiations are both analysed (in a template the
  // awaits are often dependent); firstReport keeps one report per place.
  Finder->addMatcher(analysis::coroutineDefinition(), this);
  registerMoreMatchers(Finder);
}

void AsyncCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine =
      Result.Nodes.getNodeAs<CoroutineBodyStmt>("coroutine");
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!Coroutine || !Function) {
    checkOther(Result);
    return;
  }
  const Stmt *Body = Coroutine->getBody();
  if (!Body)
    return;
  SourceManagerForSuppression = Result.SourceManager;
  analysis::CoroutineFacts Facts(Function, Body, Opts, *Result.SourceManager);
  analysis::AwaitAnalysis Awaits(Opts, Classifier, Effects, Facts);
  // The order shown is the one async-sequential-await groups by, with its
  // options (they may be set per check).
  bool Authoritative = getID() == "async-sequential-await";
  if (analysis::Explainer *Explainer = analysis::Explainer::active();
      Explainer &&
      Explainer->wants(Function, *Result.SourceManager, Authoritative))
    Explainer->recordFunction(Function, Body, Awaits, *Result.SourceManager);
  CoroutineUnderAnalysis Under{
      Function,        Body,  Function->getTemplateInstantiationPattern(),
      *Result.Context, Facts, Awaits};
  checkCoroutine(Under);
}

/// Whether a NOLINT comment's check list (empty: every check) names
/// \p Check; "*" globs as clang-tidy's.
static bool nolintCovers(llvm::StringRef Comment, llvm::StringRef Check) {
  Comment = Comment.ltrim();
  if (!Comment.consume_front("("))
    return true;
  llvm::StringRef List = Comment.take_until([](char C) { return C == ')'; });
  llvm::SmallVector<llvm::StringRef, 4> Globs;
  List.split(Globs, ',');
  for (llvm::StringRef Glob : Globs) {
    Glob = Glob.trim();
    std::string Pattern = "^";
    for (char C : Glob)
      Pattern +=
          C == '*' ? std::string(".*") : llvm::Regex::escape(std::string(1, C));
    if (llvm::Regex(Pattern + "$").match(Check))
      return true;
  }
  return false;
}

bool AsyncCheck::isSuppressedAt(SourceLocation Loc) const {
  const SourceManager &SM = *SourceManagerForSuppression;
  Loc = SM.getExpansionLoc(Loc);
  auto [File, Offset] = SM.getDecomposedLoc(Loc);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return false;
  size_t LineStart = Buffer.rfind('\n', Offset);
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  size_t LineEnd = Buffer.find('\n', Offset);
  llvm::StringRef Line = Buffer.slice(LineStart, LineEnd);
  size_t At = Line.find("NOLINT");
  if (At != llvm::StringRef::npos &&
      !Line.substr(At).starts_with("NOLINTNEXTLINE") &&
      !Line.substr(At).starts_with("NOLINTBEGIN") &&
      !Line.substr(At).starts_with("NOLINTEND") &&
      nolintCovers(Line.substr(At + 6), getID()))
    return true;
  if (LineStart == 0)
    return false;
  size_t PreviousStart = Buffer.rfind('\n', LineStart - 1);
  PreviousStart =
      PreviousStart == llvm::StringRef::npos ? 0 : PreviousStart + 1;
  llvm::StringRef Previous = Buffer.slice(PreviousStart, LineStart - 1);
  At = Previous.find("NOLINTNEXTLINE");
  return At != llvm::StringRef::npos &&
         nolintCovers(Previous.substr(At + 14), getID());
}

void AsyncCheck::includeUnlessDeclared(Edits &Fix, const ASTContext &Context,
                                       FileID File, llvm::StringRef Declared,
                                       llvm::StringRef Header) {
  if (Header.empty() || analysis::isDeclared(Context, Declared, File))
    return;
  FileEdit Need;
  Need.File = File;
  Need.Header = Header.str();
  Fix.Needs.push_back(std::move(Need));
}

bool AsyncCheck::dependsOnTemplate(const FunctionDecl *Pattern,
                                   SourceLocation AwaitLoc) {
  if (!Pattern || !Pattern->getBody())
    return false;
  struct Finder : ConstDynamicRecursiveASTVisitor {
    SourceLocation Loc;
    bool Found = false, Dependent = false;
    bool visitOperand(SourceLocation At, const Expr *Operand) {
      if (At == Loc) {
        Found = true;
        Dependent = Operand->isTypeDependent();
      }
      return !Found;
    }
    bool VisitCoawaitExpr(const CoawaitExpr *E) override {
      return visitOperand(E->getBeginLoc(), E->getOperand());
    }
    bool VisitDependentCoawaitExpr(const DependentCoawaitExpr *E) override {
      return visitOperand(E->getBeginLoc(), E->getOperand());
    }
  } F;
  F.Loc = AwaitLoc;
  F.TraverseStmt(Pattern->getBody());
  return !F.Found || F.Dependent;
}

} // namespace clang::tidy::async
