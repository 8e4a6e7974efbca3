//===--- Frameworks.cpp - awaitlint -----------------------------*- C++ -*-===//

#include "Frameworks.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::analysis {

void NameList::append(llvm::StringRef Spec) {
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
    std::string Error;
    if (Pattern->isValid(Error))
      Patterns.push_back(std::move(Pattern));
    else
      Errors.push_back("'" + Item.str() + "': " + Error);
  }
  Answers.clear();
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
  if (!D || empty())
    return false;
  auto [It, Inserted] = Answers.try_emplace(D, false);
  if (Inserted)
    It->second = matches(qualifiedName(D));
  return It->second;
}

bool isInStd(const Decl *D) {
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (DC->isStdNamespace())
      return true;
  return false;
}

bool isDeclaredNothrow(const FunctionDecl *F) {
  const auto *Proto = F->getType()->getAs<FunctionProtoType>();
  return Proto && Proto->isNothrow();
}

bool mayBeOverridden(const FunctionDecl *F) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(F);
  return Method && Method->isVirtual() && !Method->hasAttr<FinalAttr>() &&
         !Method->getParent()->hasAttr<FinalAttr>();
}

bool throwsOnlyThroughItsTask(const FunctionDecl *Callee) {
  const FunctionDecl *Definition = nullptr;
  if (!Callee->hasBody(Definition) || !Definition)
    return true;
  if (isa_and_nonnull<CoroutineBodyStmt>(Definition->getBody()))
    return true;
  return isDeclaredNothrow(Definition);
}

std::string qualifiedName(const NamedDecl *D) {
  PrintingPolicy Policy(D->getASTContext().getLangOpts());
  Policy.SuppressUnwrittenScope = true;
  Policy.SuppressInlineNamespace =
      llvm::to_underlying(PrintingPolicy::SuppressInlineNamespaceMode::All);
  // Every enclosing scope by its name alone: a pattern must not match
  // inside template arguments (std::unique_ptr<LoginServer>::operator= is
  // no "login").
  llvm::SmallVector<std::string, 4> Parts;
  auto NameOf = [&](const NamedDecl *N) {
    std::string Name;
    llvm::raw_string_ostream OS(Name);
    N->printName(OS, Policy);
    return Name;
  };
  Parts.push_back(NameOf(D));
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName().str());
    } else if (const auto *Record = dyn_cast<RecordDecl>(DC)) {
      if (!Record->getIdentifier())
        continue;
      Parts.push_back(Record->getName().str());
    } else if (const auto *Function = dyn_cast<FunctionDecl>(DC)) {
      Parts.push_back(NameOf(Function));
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
    Name += (Name.empty() ? "" : "::") + *It;
  return Name;
}

const FrameworkProfile *profileOf(Framework Library) {
  for (const FrameworkProfile &Profile : frameworkProfiles())
    if (Profile.Id == Library)
      return &Profile;
  return nullptr;
}

Framework frameworkOfName(llvm::StringRef Name) {
  Name.consume_front("::");
  // The longest matching namespace wins (boost::asio over a "boost" one).
  Framework Best = Framework::Unknown;
  size_t BestLength = 0;
  for (const FrameworkProfile &Profile : frameworkProfiles())
    for (const std::string &Namespace : Profile.Namespaces)
      if (Namespace.size() > BestLength && Name.starts_with(Namespace) &&
          Name.substr(Namespace.size()).starts_with("::")) {
        Best = Profile.Id;
        BestLength = Namespace.size();
      }
  return Best;
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

/// What \p F returns when its whole body is `return E;`: E, with
/// \p Definition the definition read. Null otherwise.
static const Expr *soleReturnValue(const FunctionDecl *F,
                                   const FunctionDecl *&Definition) {
  Definition = nullptr;
  if (!F || !F->hasBody(Definition) || !Definition)
    return nullptr;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Definition->getBody());
  if (!Body || Body->size() != 1)
    return nullptr;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  return Return ? Return->getRetValue() : nullptr;
}

/// The literal an awaiter's await_ready returns, if it returns one.
static std::optional<bool> literalReadiness(const CXXRecordDecl *Awaiter) {
  const auto *Ready = dyn_cast_or_null<FunctionDecl>(
      lookupMember(definitionOrPattern(Awaiter), "await_ready"));
  // A member of a class template's specialization has a body only once it
  // is used: read the template's.
  if (Ready && !Ready->hasBody())
    if (const FunctionDecl *Pattern =
            Ready->getTemplateInstantiationPattern(/*ForDefinition=*/false))
      Ready = Pattern;
  const FunctionDecl *Definition = nullptr;
  const Expr *Returned = soleReturnValue(Ready, Definition);
  const auto *Literal =
      Returned ? dyn_cast<CXXBoolLiteralExpr>(Returned->IgnoreParenImpCasts())
               : nullptr;
  if (!Literal)
    return std::nullopt;
  return Literal->getValue();
}

/// What an awaiter returned by initial_suspend does: std::suspend_never and
/// std::suspend_always by name, others by an await_ready that returns a
/// literal.
static StartPolicy policyOfInitialAwaiter(const CXXRecordDecl *Awaiter) {
  if (!Awaiter)
    return StartPolicy::Unknown;
  std::string Name = qualifiedName(Awaiter);
  if (Name == "std::suspend_never")
    return StartPolicy::Eager;
  if (Name == "std::suspend_always")
    return StartPolicy::Lazy;
  std::optional<bool> Ready = literalReadiness(Awaiter);
  if (!Ready)
    return StartPolicy::Unknown;
  return *Ready ? StartPolicy::Eager : StartPolicy::Lazy;
}

bool neverSuspends(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || lookupMember(definitionOrPattern(RD), "promise_type"))
    return false;
  if (qualifiedName(RD) == "std::suspend_never")
    return true;
  return literalReadiness(RD).value_or(false);
}

/// The promise_type \p Task names (nested or an alias), or nullptr.
static const CXXRecordDecl *promiseRecordOf(const CXXRecordDecl *Task) {
  const NamedDecl *Promise =
      lookupMember(definitionOrPattern(Task), "promise_type");
  const CXXRecordDecl *PromiseRecord = nullptr;
  if (const auto *Nested = dyn_cast_or_null<CXXRecordDecl>(Promise))
    PromiseRecord = Nested;
  else if (const auto *Alias = dyn_cast_or_null<TypedefNameDecl>(Promise))
    PromiseRecord = recordOfType(Alias->getUnderlyingType());
  return definitionOrPattern(PromiseRecord);
}

bool yieldsValues(const CXXRecordDecl *Task) {
  return lookupMember(promiseRecordOf(Task), "yield_value") != nullptr;
}

StartPolicy startPolicyOf(const CXXRecordDecl *Task) {
  const CXXRecordDecl *PromiseRecord = promiseRecordOf(Task);
  const auto *InitialSuspend = dyn_cast_or_null<FunctionDecl>(
      lookupMember(PromiseRecord, "initial_suspend"));
  if (!InitialSuspend)
    return StartPolicy::Unknown;
  return policyOfInitialAwaiter(recordOfType(InitialSuspend->getReturnType()));
}

/// \p Def or a base declares operator co_await.
static bool declaresCoAwait(const CXXRecordDecl *Def) {
  ASTContext &Context = Def->getASTContext();
  DeclarationName CoAwait =
      Context.DeclarationNames.getCXXOperatorName(OO_Coawait);
  for (const CXXRecordDecl *Class = Def; Class;) {
    if (!Class->lookup(CoAwait).empty())
      return true;
    // operator co_await of a base (DPP's async<T> inherits awaitable<T>'s)
    const CXXRecordDecl *Base = nullptr;
    if (Class->hasDefinition() && Class->getNumBases() == 1)
      Base = definitionOrPattern(recordOfType(Class->bases_begin()->getType()));
    Class = Base == Class ? nullptr : Base;
  }
  return false;
}

bool hasCoAwaitOperator(QualType T) {
  const CXXRecordDecl *Def =
      definitionOrPattern(T.getNonReferenceType()->getAsCXXRecordDecl());
  return Def && declaresCoAwait(Def);
}

std::optional<std::string> bareAwaiterProblem(llvm::StringRef Function,
                                              llvm::StringRef Takes,
                                              bool NeedsCoAwaitOperator,
                                              QualType Operand,
                                              const PrintingPolicy &Policy) {
  if (!NeedsCoAwaitOperator || hasCoAwaitOperator(Operand))
    return std::nullopt;
  return "'" + Function.str() + "' takes " + Takes.str() + ", and '" +
         Operand.getCanonicalType().getAsString(Policy) +
         "' is an awaiter: await each in a task of its own first";
}

/// A coroutine return type (it names a promise_type) or an awaitable class
/// (operator co_await, or the three awaiter members).
static bool looksLikeTask(const CXXRecordDecl *RD) {
  const CXXRecordDecl *Def = definitionOrPattern(RD);
  if (!Def)
    return false;
  if (lookupMember(Def, "promise_type") || declaresCoAwait(Def))
    return true;
  return lookupMember(Def, "await_ready") &&
         lookupMember(Def, "await_suspend") &&
         lookupMember(Def, "await_resume");
}

std::optional<TaskTypeInfo> TaskClassifier::classify(QualType T) {
  if (T.isNull() || T->isDependentType())
    return std::nullopt;
  const Type *Key = T.getNonReferenceType().getCanonicalType().getTypePtr();
  auto [It, Inserted] = Answers.try_emplace(Key);
  if (Inserted)
    It->second = classifyUncached(T);
  return It->second;
}

std::optional<TaskTypeInfo> TaskClassifier::classifyUncached(QualType T) const {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return std::nullopt;
  const NamedDecl *Named = RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    Named = Spec->getSpecializedTemplate();
  TaskTypeInfo Info;
  Info.Record = RD;
  Info.Name = qualifiedName(Named);
  Info.Library = frameworkOfName(Info.Name);
  if (const FrameworkProfile *Profile = profileOf(Info.Library))
    for (const FrameworkProfile::TaskType &Task : Profile->TaskTypes)
      if (Task.Name == Info.Name) {
        Info.Known = true;
        Info.Start = Task.Start;
      }
  if (!Info.Known && CustomTaskTypes.matches(Info.Name))
    Info.Known = true;
  // A type of a known library's namespace is awaitable there even when only
  // the library's promise makes it so (asio's deferred operations).
  if (!Info.Known && Info.Library == Framework::Unknown && !looksLikeTask(RD))
    return std::nullopt;
  if (Info.Start == StartPolicy::Unknown)
    Info.Start = startPolicyOf(RD);
  return Info;
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

bool returnsReadyTask(const FunctionDecl *F) {
  const FunctionDecl *Definition = nullptr;
  const Expr *E = soleReturnValue(F, Definition);
  // Down the conversions that carry the value into the task, one at a time
  // (the task's converting constructor, the temporary, the cast).
  while (E) {
    if (neverSuspends(E->getType()))
      return true;
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Next);
        Construct && Construct->getNumArgs() == 1)
      Next = Construct->getArg(0);
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Next))
      Next = Cast->getSubExpr();
    if (Next == E)
      return false;
    E = Next;
  }
  return false;
}

bool isErrorCode(QualType T) {
  const CXXRecordDecl *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record)
    return false;
  std::string Name = qualifiedName(Record);
  return Name == "std::error_code" || Name == "boost::system::error_code" ||
         Name == "asio::error_code";
}

/// asio's redirection itself: the error code argument, if \p E is one.
static const Expr *asioRedirection(const Expr *E) {
  // (Casts, temporaries and their bindings stripped.)
  E = E->IgnoreImplicit()->IgnoreParens()->IgnoreImplicit();
  auto IsAsio = [](const NamedDecl *D, llvm::StringRef Name) {
    std::string Qualified = qualifiedName(D);
    return Qualified == ("asio::" + Name).str() ||
           Qualified == ("boost::asio::" + Name).str();
  };
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Call->getNumArgs() == 2 && IsAsio(Callee, "redirect_error"))
      return Call->getArg(1)->IgnoreParenImpCasts();
    return nullptr;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    const CXXRecordDecl *Record = Construct->getConstructor()->getParent();
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
      if (Construct->getNumArgs() == 2 &&
          IsAsio(Spec->getSpecializedTemplate(), "redirect_error_t"))
        return Construct->getArg(1)->IgnoreParenImpCasts();
  }
  return nullptr;
}

const Expr *redirectedErrorArgument(const Expr *E) {
  if (const Expr *Direct = asioRedirection(E))
    return Direct;
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
  // `{ return redirect_error(token, ec); }` with `ec` a parameter.
  const FunctionDecl *Definition = nullptr;
  const Expr *Returned =
      Call ? soleReturnValue(Call->getDirectCallee(), Definition) : nullptr;
  const Expr *Redirected = Returned ? asioRedirection(Returned) : nullptr;
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Redirected);
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (!Param)
    return nullptr;
  // A member operator's first argument is the object.
  unsigned Offset = isa<CXXOperatorCallExpr>(Call) &&
                            isa<CXXMethodDecl>(Definition) &&
                            !cast<CXXMethodDecl>(Definition)->isStatic()
                        ? 1
                        : 0;
  unsigned Index = Param->getFunctionScopeIndex() + Offset;
  if (Param->getDeclContext() != Definition || Index >= Call->getNumArgs())
    return nullptr;
  return Call->getArg(Index)->IgnoreParenImpCasts();
}

} // namespace clang::tidy::async::analysis
