//===--- Frameworks.cpp - awaitlint
//----------------------------------------===//

#include "Frameworks.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/PrettyPrinter.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::analysis {

const char DefaultTaskTypes[] =
    "::awl::Promise;::asio::awaitable;::boost::asio::awaitable;"
    "::cppcoro::task;::cppcoro::shared_task;::folly::coro::Task;::QCoro::Task";

const char DefaultIgnoredAwaitables[] =
    // Timers and explicit rescheduling: their order is their purpose.
    "::awl::sleep;::awl::sleep_for;::awl::sleep_until;::awl::yield;"
    "::awl::post;::awl::dispatch;::awl::schedule;"
    "::asio::post;::asio::dispatch;::asio::defer;::asio::this_coro::.*;"
    "::boost::asio::post;::boost::asio::dispatch;::boost::asio::defer;"
    "::boost::asio::this_coro::.*;"
    "::folly::coro::sleep;::folly::coro::co_reschedule_on_current_executor;"
    "::folly::coro::co_current_executor;"
    ".*::async_wait;.*::sleep;.*::sleep_for;.*::sleep_until;.*::yield;"
    ".*::schedule;.*::schedule_after;.*::switch_to;.*::resume_on;"
    // Synchronisation: locks, semaphores, events, channels.
    ".*::lock;.*::lock_async;.*::lock_shared;.*::scoped_lock;"
    ".*::scoped_lock_async;.*::async_lock;.*::co_lock;.*::co_scoped_lock;"
    ".*::acquire;.*::async_acquire;.*::co_acquire;.*::wait;.*::co_wait;"
    ".*::receive;.*::async_receive;.*::recv;.*::pop;.*::async_pop";

const char DefaultSideEffectFreeCalls[] =
    "(.*::)?(get|fetch|load|read|query|find|lookup|compute|calculate|count|"
    "list|download|resolve|search)([A-Z_0-9].*)?";

NameList::NameList(llvm::StringRef Spec) {
  llvm::SmallVector<llvm::StringRef, 16> Items;
  Spec.split(Items, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (Item.consume_front("::"))
      Item = Item.trim();
    if (Item.empty())
      continue;
    if (Item.find_first_of(".*+?[](){}|^$\\") == llvm::StringRef::npos) {
      Exact.push_back(Item.str());
      continue;
    }
    auto Pattern =
        std::make_shared<llvm::Regex>(("^(::)?(" + Item + ")$").str());
    if (Pattern->isValid())
      Patterns.push_back(std::move(Pattern));
  }
}

bool NameList::matches(llvm::StringRef QualifiedName) const {
  QualifiedName.consume_front("::");
  for (const std::string &Name : Exact)
    if (QualifiedName == Name)
      return true;
  for (const auto &Pattern : Patterns)
    if (Pattern->match(QualifiedName))
      return true;
  return false;
}

bool NameList::matches(const NamedDecl *D) const {
  if (!D)
    return false;
  auto [It, Inserted] = Answers.try_emplace(D, false);
  if (Inserted)
    It->second = matches(qualifiedName(D));
  return It->second;
}

std::string qualifiedName(const NamedDecl *D) {
  PrintingPolicy Policy(D->getASTContext().getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  Policy.SuppressInlineNamespace =
      llvm::to_underlying(PrintingPolicy::SuppressInlineNamespaceMode::All);
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  D->printQualifiedName(OS, Policy);
  return Name;
}

Framework frameworkOfTaskName(llvm::StringRef Name) {
  Name.consume_front("::");
  if (Name.starts_with("awl::"))
    return Framework::Awl;
  if (Name.starts_with("boost::asio::"))
    return Framework::BoostAsio;
  if (Name.starts_with("asio::"))
    return Framework::Asio;
  if (Name.starts_with("cppcoro::"))
    return Framework::Cppcoro;
  if (Name.starts_with("folly::"))
    return Framework::Folly;
  if (Name.starts_with("QCoro::"))
    return Framework::QCoro;
  return Framework::Unknown;
}

/// The definition of \p RD, or of the template it would be instantiated from
/// (a specialization nobody used yet has no definition of its own).
static const CXXRecordDecl *definitionOrPattern(const CXXRecordDecl *RD) {
  if (!RD)
    return nullptr;
  if (const CXXRecordDecl *Def = RD->getDefinition())
    return Def;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    if (const ClassTemplateDecl *Template = Spec->getSpecializedTemplate())
      return Template->getTemplatedDecl()->getDefinition();
  if (const CXXRecordDecl *From = RD->getInstantiatedFromMemberClass())
    return From->getDefinition();
  return nullptr;
}

static const CXXRecordDecl *recordOfType(QualType T) {
  T = T.getNonReferenceType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    return RD;
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    if (const auto *Template = dyn_cast_or_null<ClassTemplateDecl>(
            TST->getTemplateName().getAsTemplateDecl()))
      return Template->getTemplatedDecl();
  return nullptr;
}

/// Member \p Name of \p RD or of one of its bases (QCoro's promise types
/// inherit initial_suspend from a common base).
static const NamedDecl *lookupMember(const CXXRecordDecl *RD,
                                     llvm::StringRef Name, unsigned Depth = 0) {
  if (!RD || Depth > 8)
    return nullptr;
  auto Found = RD->lookup(&RD->getASTContext().Idents.get(Name));
  if (!Found.empty())
    return Found.front();
  if (!RD->hasDefinition())
    return nullptr;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (const NamedDecl *Member = lookupMember(
            definitionOrPattern(recordOfType(Base.getType())), Name, Depth + 1))
      return Member;
  return nullptr;
}

StartPolicy startPolicyOf(const CXXRecordDecl *Task, Framework Library) {
  // asio's promise type comes from a coroutine_traits specialisation and
  // always suspends initially; cppcoro and folly tasks are lazy by design.
  switch (Library) {
  case Framework::Asio:
  case Framework::BoostAsio:
  case Framework::Cppcoro:
  case Framework::Folly:
    return StartPolicy::Lazy;
  default:
    break;
  }
  const CXXRecordDecl *Def = definitionOrPattern(Task);
  const NamedDecl *Promise = lookupMember(Def, "promise_type");
  const CXXRecordDecl *PromiseRecord = nullptr;
  if (const auto *Nested = dyn_cast_or_null<CXXRecordDecl>(Promise))
    PromiseRecord = Nested;
  else if (const auto *Alias = dyn_cast_or_null<TypedefNameDecl>(Promise))
    PromiseRecord = recordOfType(Alias->getUnderlyingType());
  PromiseRecord = definitionOrPattern(PromiseRecord);
  const auto *InitialSuspend = dyn_cast_or_null<FunctionDecl>(
      lookupMember(PromiseRecord, "initial_suspend"));
  if (!InitialSuspend)
    return Library == Framework::Awl ? StartPolicy::Eager
                                     : StartPolicy::Unknown;
  const CXXRecordDecl *Suspend = recordOfType(InitialSuspend->getReturnType());
  if (!Suspend)
    return StartPolicy::Unknown;
  std::string Name = qualifiedName(Suspend);
  if (Name == "std::suspend_never")
    return StartPolicy::Eager;
  if (Name == "std::suspend_always")
    return StartPolicy::Lazy;
  return StartPolicy::Unknown;
}

std::optional<TaskTypeInfo> classifyTaskType(QualType T,
                                             const NameList &TaskTypes) {
  if (T.isNull() || T->isDependentType())
    return std::nullopt;
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return std::nullopt;
  const NamedDecl *Named = RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    Named = Spec->getSpecializedTemplate();
  std::string Name = qualifiedName(Named);
  if (!TaskTypes.matches(Name))
    return std::nullopt;
  TaskTypeInfo Info;
  Info.Record = RD;
  Info.Name = Name;
  Info.Library = frameworkOfTaskName(Name);
  Info.Start = startPolicyOf(RD, Info.Library);
  return Info;
}

std::optional<TaskTypeInfo> TaskTypeCache::classify(QualType T,
                                                    const NameList &TaskTypes) {
  if (T.isNull() || T->isDependentType())
    return std::nullopt;
  const Type *Key = T.getNonReferenceType().getCanonicalType().getTypePtr();
  auto [It, Inserted] = Answers.try_emplace(Key);
  if (Inserted)
    It->second = classifyTaskType(T, TaskTypes);
  return It->second;
}

std::optional<Combiner> defaultCombiner(Framework Library) {
  Combiner C;
  switch (Library) {
  case Framework::Awl:
    C.Function = "awl::when_all";
    C.Header = "<awl/when_all.hpp>";
    break;
  case Framework::Cppcoro:
    C.Function = "cppcoro::when_all";
    C.Header = "<cppcoro/when_all.hpp>";
    break;
  case Framework::Folly:
    C.Function = "folly::coro::collectAll";
    C.Header = "<folly/coro/Collect.h>";
    break;
  case Framework::Asio:
    C.Form = Combiner::Style::AsioAnd;
    C.Header = "<asio/experimental/awaitable_operators.hpp>";
    C.UsingNamespace = "asio::experimental::awaitable_operators";
    C.DisplayName = "'operator&&' (asio awaitable_operators)";
    return C;
  case Framework::BoostAsio:
    C.Form = Combiner::Style::AsioAnd;
    C.Header = "<boost/asio/experimental/awaitable_operators.hpp>";
    C.UsingNamespace = "boost::asio::experimental::awaitable_operators";
    C.DisplayName = "'operator&&' (boost::asio awaitable_operators)";
    return C;
  case Framework::QCoro: // QCoro has no when_all: tasks start when called.
  case Framework::Unknown:
    return std::nullopt;
  }
  C.DisplayName = "'" + C.Function + "'";
  return C;
}

bool isMoveOnly(QualType T) {
  const CXXRecordDecl *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  Record = Record->getDefinition();
  for (const CXXConstructorDecl *Ctor : Record->ctors())
    if (Ctor->isCopyConstructor() && Ctor->isDeleted())
      return true;
  return Record->needsImplicitCopyConstructor() &&
         Record->defaultedCopyConstructorIsDeleted();
}

std::optional<SettledCombiner> defaultSettledCombiner(Framework Library) {
  SettledCombiner C;
  switch (Library) {
  case Framework::Awl:
    C.Function = "awl::when_all_settled";
    C.Header = "<awl/when_all_settled.hpp>";
    C.ValueMethod = "get";
    break;
  case Framework::Cppcoro:
    C.Function = "cppcoro::when_all_ready";
    C.Header = "<cppcoro/when_all_ready.hpp>";
    C.ValueMethod = "result";
    break;
  case Framework::Folly:
    C.Function = "folly::coro::collectAllTry";
    C.Header = "<folly/coro/Collect.h>";
    C.ValueMethod = "value";
    break;
  default:
    // asio's parallel_group reports exceptions, but not as values a catch
    // block written for the await could take unchanged.
    return std::nullopt;
  }
  C.DisplayName = "'" + C.Function + "'";
  return C;
}

} // namespace clang::tidy::async::analysis
