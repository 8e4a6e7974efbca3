//===--- Effects.cpp - awaitlint --------------------------------*- C++ -*-===//

#include "Effects.h"
#include "AwaitDiscovery.h"
#include "ExceptionSummaries.h"
#include "Frameworks.h"
#include "Options.h"
#include "Statements.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/DynamicRecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"
#include <iterator>
#include <mutex>
#include <vector>

namespace clang::tidy::async::analysis {

static const char ThisObjectTag = 0;
static const char UnknownObjectTag = 0;
static const char DatabaseObjectTag = 0;
static const char OtherUnitStateTag = 0;
/// One key per name other files' summaries give their state: a static of
/// one file is not a static of another. Past the last, OtherUnitState
/// stands for all of them.
static char ForeignStateTags[8192];
const ObjectKey ThisObject = &ThisObjectTag;
const ObjectKey UnknownObject = &UnknownObjectTag;
const ObjectKey DatabaseObject = &DatabaseObjectTag;
const ObjectKey OtherUnitState = &OtherUnitStateTag;

namespace {
/// The names of the keys of ForeignStateTags, in order.
struct ForeignStateNames {
  std::mutex Lock;
  llvm::StringMap<unsigned> Index;
  std::vector<std::string> Names;
};
ForeignStateNames &foreignStateNames() {
  static ForeignStateNames Registry;
  return Registry;
}
} // namespace

bool isForeignState(ObjectKey Key) {
  const auto *Tag = static_cast<const char *>(Key);
  return Tag >= std::begin(ForeignStateTags) &&
         Tag < std::end(ForeignStateTags);
}

ObjectKey foreignState(llvm::StringRef Name) {
  ForeignStateNames &Registry = foreignStateNames();
  std::lock_guard<std::mutex> Hold(Registry.Lock);
  auto [It, Inserted] = Registry.Index.try_emplace(Name, Registry.Names.size());
  if (Inserted)
    Registry.Names.push_back(Name.str());
  if (It->second >= std::size(ForeignStateTags))
    return OtherUnitState;
  return &ForeignStateTags[It->second];
}

std::string foreignStateName(ObjectKey Key) {
  if (!isForeignState(Key))
    return "";
  ForeignStateNames &Registry = foreignStateNames();
  std::lock_guard<std::mutex> Hold(Registry.Lock);
  size_t Index = static_cast<const char *>(Key) - ForeignStateTags;
  return Index < Registry.Names.size() ? Registry.Names[Index] : "";
}

/// How a static of \p File named \p Name is named in summaries.
static std::string staticStateName(llvm::StringRef File, llvm::StringRef Name) {
  return ("*" + File + ":" + Name).str();
}

std::string describeForeignState(ObjectKey Key) {
  std::string Full = foreignStateName(Key);
  llvm::StringRef Name = Full;
  if (Name.starts_with("*")) {
    auto [File, Static] = Name.drop_front().split(':');
    return "'" + Static.str() + "' of " + llvm::sys::path::filename(File).str();
  }
  return "'" + Name.str() + "' of another file";
}

bool isSpecialObject(ObjectKey Key) {
  return Key == ThisObject || Key == UnknownObject || Key == DatabaseObject ||
         Key == OtherUnitState || isForeignState(Key);
}

bool isGlobalState(ObjectKey Key) {
  if (Key == DatabaseObject || Key == OtherUnitState || isForeignState(Key))
    return true; // a store every client shares, another file's globals
  if (isSpecialObject(Key))
    return false;
  const auto *Var = dyn_cast<VarDecl>(static_cast<const Decl *>(Key));
  return Var && !Var->hasLocalStorage();
}

ObjectSet AccessSummary::touched() const {
  ObjectSet All = Reads;
  All.insert_range(Writes);
  All.insert_range(CallWrites);
  return All;
}

ObjectSet AccessSummary::modified() const {
  ObjectSet All = Writes;
  All.insert_range(CallWrites);
  return All;
}

void AccessSummary::merge(const AccessSummary &From) {
  Reads.insert_range(From.Reads);
  Writes.insert_range(From.Writes);
  CallWrites.insert_range(From.CallWrites);
  IndirectWrites.insert_range(From.IndirectWrites);
  Declared.insert_range(From.Declared);
  for (const auto &Name : From.DeclaredNames)
    DeclaredNames.insert(Name.getKey());
  for (const auto &Name : From.ReferencedNames)
    ReferencedNames.insert(Name.getKey());
  if (UnknownCall.empty())
    UnknownCall = From.UnknownCall;
  if (AssumedCall.empty())
    AssumedCall = From.AssumedCall;
  WritesNonLocal |= From.WritesNonLocal;
  Logs |= From.Logs;
  AwaitsBarrier |= From.AwaitsBarrier;
  HasControlFlow |= From.HasControlFlow;
  Throws |= From.Throws;
}

bool isMemberOfThis(ObjectKey Key) {
  return Key && !isSpecialObject(Key) &&
         isa<FieldDecl>(static_cast<const Decl *>(Key));
}

std::optional<ObjectKey> firstCommon(const ObjectSet &A, const ObjectSet &B) {
  for (ObjectKey Key : A)
    if (B.contains(Key))
      return Key;
  // *this as a whole overlaps each of its data members.
  auto HasMember = [](const ObjectSet &S) {
    return llvm::any_of(S, isMemberOfThis);
  };
  if (A.contains(ThisObject))
    for (ObjectKey Key : B)
      if (isMemberOfThis(Key))
        return Key;
  if (B.contains(ThisObject) && HasMember(A))
    for (ObjectKey Key : A)
      if (isMemberOfThis(Key))
        return Key;
  return std::nullopt;
}

bool intersects(const ObjectSet &A, const ObjectSet &B) {
  return firstCommon(A, B).has_value();
}

static const VarDecl *asVariable(ObjectKey Key) {
  if (!Key || isSpecialObject(Key))
    return nullptr;
  const auto *D = static_cast<const Decl *>(Key);
  if (const auto *Binding = dyn_cast<BindingDecl>(D))
    D = Binding->getDecomposedDecl();
  return dyn_cast_or_null<VarDecl>(D);
}

/// \p Inner is \p Outer or a function (lambda, local class member) nested in
/// it.
static bool isWithin(const DeclContext *Inner, const DeclContext *Outer) {
  for (const DeclContext *DC = Inner; DC; DC = DC->getParent())
    if (DC == Outer)
      return true;
  return false;
}

bool isLocalObject(ObjectKey Key, const DeclContext *Function) {
  const VarDecl *Var = asVariable(Key);
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
    return false;
  // Parameters of a coroutine are copied into its frame: local too.
  return isWithin(Var->getDeclContext(), Function);
}

/// Streams and handles whose writes are output, not state (std::cout, ...).
static bool isLogSink(const VarDecl *Var) {
  if (!Var || !Var->getIdentifier() || Var->hasLocalStorage())
    return false;
  llvm::StringRef Name = Var->getName();
  if (isInStd(Var))
    return llvm::is_contained(
        {"cout", "cerr", "clog", "wcout", "wcerr", "wclog"}, Name);
  return llvm::is_contained({"stdout", "stderr"}, Name);
}

/// An object no code can modify: constexpr, or const-qualified (not a
/// reference) with no mutable member.
static bool isImmutable(const VarDecl *Var) {
  if (Var->isConstexpr())
    return true;
  QualType T = Var->getType();
  if (T->isReferenceType() || !T.isConstQualified())
    return false;
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  return !Record || !Record->hasDefinition() || !Record->hasMutableFields();
}

/// A global constant: reading it reads no state.
static bool isConstant(const VarDecl *Var) {
  if (Var->isConstexpr())
    return true;
  return !Var->hasLocalStorage() && Var->getType().isConstQualified() &&
         !Var->getType()->isReferenceType();
}

static ObjectKey rootObject(const Expr *E, bool &Indirect,
                            const DeclRefExpr **Node);

/// The key of a declaration: one per global (a global declared `extern` in
/// a header and defined later has two declarations, and other files'
/// summaries name it once).
static const ValueDecl *keyOfDecl(const ValueDecl *D) {
  if (const auto *Var = dyn_cast<VarDecl>(D); Var && !Var->hasLocalStorage())
    return Var->getCanonicalDecl();
  return D;
}

/// For a local reference bound to a variable (auto &r = g; auto &v =
/// this->items;), the variable it refers to: writes through r write it.
static const VarDecl *aliasedObject(ObjectKey Key) {
  const VarDecl *Var = asVariable(Key);
  for (unsigned Hops = 0; Var && Hops < 4; ++Hops) {
    if (!Var->hasLocalStorage() || !Var->getType()->isReferenceType() ||
        !Var->getInit() || isa<ParmVarDecl>(Var))
      return Hops ? Var : nullptr;
    bool Indirect = false;
    ObjectKey Root = rootObject(Var->getInit(), Indirect);
    const VarDecl *Next = asVariable(Root);
    if (!Next)
      return Hops ? Var : nullptr;
    Var = Next;
  }
  return Var == asVariable(Key) ? nullptr : Var;
}

ObjectKey rootObject(const Expr *E, bool &Indirect) {
  return rootObject(E, Indirect, nullptr);
}

/// The qualified name of the class (template) of \p T, references and
/// pointers and smart pointers looked through.
static std::string classNameOf(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  if (!Record)
    return "";
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record)) {
    std::string Name = qualifiedName(Spec->getSpecializedTemplate());
    if ((Name == "std::shared_ptr" || Name == "std::unique_ptr") &&
        Spec->getTemplateArgs().size() > 0 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      if (const CXXRecordDecl *Pointee =
              Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl())
        return qualifiedName(Pointee);
    return Name;
  }
  return qualifiedName(Record);
}

static std::string typeNameOf(const VarDecl *Var) {
  return classNameOf(Var->getType());
}

/// \p Pointer (an expression of pointer or smart-pointer type) is a pointer
/// kept in another object: a member of a local or parameter (item.owner),
/// an element (nodes[i]). What it points to is not part of that object;
/// often many objects point to one (a parent, a shared ledger), so a write
/// through it lands on something the analysis cannot name. (A pointer
/// member of *this stays named by its field.)
static bool isStoredPointer(const Expr *Pointer) {
  Pointer = Pointer->IgnoreParenImpCasts();
  if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Pointer);
      Arrow &&
      (Arrow->getOperator() == OO_Arrow || Arrow->getOperator() == OO_Star))
    Pointer = Arrow->getArg(0)->IgnoreParenImpCasts();
  if (const auto *Member = dyn_cast<MemberExpr>(Pointer))
    return !isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts());
  if (isa<ArraySubscriptExpr>(Pointer))
    return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Pointer))
    return Op->getOperator() == OO_Subscript;
  return false;
}

/// \p Target reaches its object through a pointer kept in another object
/// (item.owner->count, (*nodes[i]).next): see isStoredPointer.
static bool throughStoredPointer(const Expr *Target) {
  const Expr *E = Target;
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow() && isStoredPointer(Member->getBase()))
        return true;
      E = Member->getBase();
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() == UO_Deref &&
          isStoredPointer(Unary->getSubExpr()))
        return true;
      if (Unary->getOpcode() != UO_Deref && Unary->getOpcode() != UO_AddrOf)
        return false;
      E = Unary->getSubExpr();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
          isStoredPointer(Op->getArg(0)))
        return true;
      if (Op->getOperator() != OO_Arrow && Op->getOperator() != OO_Star &&
          Op->getOperator() != OO_Subscript)
        return false;
      E = Op->getArg(0);
      continue;
    }
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
      if (Subscript->getBase()->getType()->isPointerType() &&
          isStoredPointer(Subscript->getBase()))
        return true;
      E = Subscript->getBase();
      continue;
    }
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = Temporary->getSubExpr();
      continue;
    }
    return false;
  }
  return false;
}

/// \p Key is a local pointer (raw or smart) of \p Function initialised with
/// a new object: new, std::make_shared, std::make_unique.
static bool ownsPointee(ObjectKey Key, const DeclContext *Function) {
  const VarDecl *Var = asVariable(Key);
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType() ||
      !isWithin(Var->getDeclContext(), Function) || !Var->getInit())
    return false;
  const Expr *Init = Var->getInit()->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init);
      Construct && Construct->getNumArgs() == 1)
    Init = Construct->getArg(0)->IgnoreImplicit();
  if (isa<CXXNewExpr>(Init))
    return true;
  const auto *Call = dyn_cast<CallExpr>(Init);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && isInStd(Callee) && Callee->getIdentifier() &&
         llvm::is_contained({"make_shared", "make_unique", "allocate_shared"},
                            Callee->getName());
}

/// A member of the standard library that hands out a part of its object
/// without changing it (the non-const overload chosen on a non-const
/// object: opt->x, it->second, v.front()); writing through what it returns
/// is seen where it happens.
static bool isStdAccessor(const FunctionDecl *Callee) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method || !isInStd(Method))
    return false;
  switch (Method->getOverloadedOperator()) {
  case OO_Arrow:
  case OO_Star:
  case OO_Subscript:
    return true;
  case OO_None:
    break;
  default:
    return false;
  }
  return Method->getIdentifier() &&
         llvm::is_contained({"get", "value", "front", "back", "begin", "end",
                             "rbegin", "rend", "data", "at", "find", "count",
                             "size", "empty", "c_str", "contains",
                             "lower_bound", "upper_bound", "equal_range"},
                            Method->getName());
}

/// A value of type \p T may refer to objects it was made from: a class
/// (a completion token holding `ec&`), a reference, a pointer.
static bool mayHoldReferences(QualType T) {
  return !T.isNull() && (T->isDependentType() || T->isRecordType() ||
                         T->isReferenceType() || T->isPointerType());
}

/// A number handed to a template's forwarding reference (execSql("...", id)):
/// the template forwards it on, it does not write through it.
static bool forwardsScalar(const FunctionDecl *Callee, QualType Param,
                           const Expr *Arg, size_t Index) {
  if (!Param->isLValueReferenceType())
    return false;
  const FunctionDecl *Pattern = Callee->getTemplateInstantiationPattern();
  if (!Pattern)
    return false;
  if (Arg->getType()->isArithmeticType() || Arg->getType()->isEnumeralType())
    return true;
  // Args&&... args: a forwarding reference passes the argument on as it
  // came (a query's parameters).
  if (Pattern->getNumParams() == 0)
    return false;
  const ParmVarDecl *Declared =
      Index < Pattern->getNumParams()
          ? Pattern->getParamDecl(Index)
          : Pattern->getParamDecl(Pattern->getNumParams() - 1);
  if (Index >= Pattern->getNumParams() && !Declared->isParameterPack())
    return false;
  QualType T = Declared->getType();
  if (const auto *Expansion = T->getAs<PackExpansionType>())
    T = Expansion->getPattern();
  const auto *Ref = T->getAs<RValueReferenceType>();
  return Ref && !Ref->getPointeeType().hasQualifiers() &&
         isa<TemplateTypeParmType>(Ref->getPointeeType().getTypePtr());
}

/// A member of a standard container that holds its elements itself.
static bool ownsElements(const FunctionDecl *Method) {
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(Method);
  if (!M || !isInStd(M))
    return false;
  std::string Class = qualifiedName(M->getParent());
  return llvm::is_contained(
      {"std::vector", "std::deque", "std::array", "std::map",
       "std::unordered_map", "std::basic_string", "std::list", "std::set",
       "std::unordered_set", "std::multimap", "std::unordered_multimap",
       "std::pair", "std::tuple", "std::optional"},
      Class);
}

/// rootObject, also giving the name that designates the root, if any.
static ObjectKey rootObject(const Expr *E, bool &Indirect,
                            const DeclRefExpr **Node) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const ValueDecl *D = Ref->getDecl();
      if (isa<FunctionDecl, EnumConstantDecl>(D))
        return nullptr;
      if (D->getType()->isReferenceType())
        Indirect = true;
      if (Node)
        *Node = Ref;
      return keyOfDecl(D);
    }
    if (isa<CXXThisExpr>(E)) {
      Indirect = true;
      return ThisObject;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow())
        Indirect = true;
      if (const auto *Var = dyn_cast<VarDecl>(Member->getMemberDecl()))
        return keyOfDecl(Var); // a static data member
      // A data member of *this is an object of its own (this->a and
      // this->b are different); *this as a whole overlaps every one.
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
          Field && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts())) {
        Indirect = true;
        return Field;
      }
      E = Member->getBase();
      continue;
    }
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
      if (Subscript->getBase()->getType()->isPointerType())
        Indirect = true;
      E = Subscript->getBase();
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() == UO_Deref)
        Indirect = true;
      if (Unary->getOpcode() == UO_Deref || Unary->getOpcode() == UO_AddrOf) {
        E = Unary->getSubExpr();
        continue;
      }
      return UnknownObject;
    }
    if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = Temporary->getSubExpr();
      continue;
    }
    if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(E)) {
      // An operator[] or operator* returning by value (a completion token's
      // `token[ec]`, a proxy) makes a fresh object, not a part of its
      // operand.
      if ((Call->getOperator() == OO_Subscript ||
           Call->getOperator() == OO_Star) &&
          !Call->isGLValue() && !Call->getType()->isPointerType())
        return nullptr;
      switch (Call->getOperator()) {
      case OO_Subscript:
        // The element of a standard container lives in the container.
        if (!ownsElements(Call->getDirectCallee()))
          Indirect = true;
        E = Call->getArg(0);
        continue;
      case OO_Star:
      case OO_Arrow:
        Indirect = true;
        E = Call->getArg(0);
        continue;
      default:
        break;
      }
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E);
        Member && ownsElements(Member->getMethodDecl()) &&
        Member->getMethodDecl()->getIdentifier() &&
        llvm::is_contained({"at", "front", "back"},
                           Member->getMethodDecl()->getName())) {
      E = Member->getImplicitObjectArgument();
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      // std::move(x), std::ref(x) and friends name the object they wrap.
      if (const FunctionDecl *Callee = Call->getDirectCallee();
          Callee && isInStd(Callee) && Call->getNumArgs() == 1 &&
          Callee->getIdentifier() &&
          llvm::is_contained(
              {"move", "forward", "ref", "cref", "as_const", "addressof"},
              Callee->getName())) {
        E = Call->getArg(0);
        continue;
      }
      // A call returning a reference or pointer: unknown object; returning
      // a value: a fresh temporary nobody else sees.
      QualType T = Call->getType();
      return (Call->isGLValue() || T->isPointerType()) ? UnknownObject
                                                       : nullptr;
    }
    // An awaited result, even one await_resume hands out by reference, lives
    // in the awaited task the statement owns: a fresh value.
    if (isa<CoawaitExpr, DependentCoawaitExpr>(E))
      return nullptr;
    if (isa<CXXTemporaryObjectExpr, CXXConstructExpr, CXXFunctionalCastExpr,
            IntegerLiteral, FloatingLiteral, StringLiteral, CharacterLiteral,
            CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, LambdaExpr, InitListExpr,
            CXXDefaultArgExpr>(E))
      return nullptr;
    return (E->isGLValue() || E->getType()->isPointerType()) ? UnknownObject
                                                             : nullptr;
  }
  return nullptr;
}

bool isCoroutine(const FunctionDecl *F) {
  const FunctionDecl *Definition = nullptr;
  return F->hasBody(Definition) && Definition &&
         isa_and_nonnull<CoroutineBodyStmt>(Definition->getBody());
}

bool mayModifyThrough(QualType Param) {
  if (Param.isNull() || Param->isDependentType())
    return true;
  if (const auto *Ref = Param->getAs<ReferenceType>())
    return !Ref->getPointeeType().isConstQualified() ||
           Param->isRValueReferenceType();
  if (const auto *Pointer = Param->getAs<PointerType>())
    return !Pointer->getPointeeType().isConstQualified();
  return false;
}

bool isReferenceLike(QualType T) {
  if (T.isNull() || T->isDependentType())
    return true;
  if (T->isReferenceType() || T->isPointerType() || T->isMemberPointerType())
    return true;
  if (const CXXRecordDecl *Record = T->getAsCXXRecordDecl()) {
    const NamedDecl *Named = Record;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
      Named = Spec->getSpecializedTemplate();
    std::string Name = qualifiedName(Named);
    return llvm::is_contained({"std::basic_string_view", "std::span",
                               "std::initializer_list",
                               "std::reference_wrapper", "std::function_ref"},
                              Name);
  }
  return false;
}

bool keepsReferences(const FunctionDecl *Callee) {
  if (Callee->isVariadic())
    return true;
  for (const ParmVarDecl *Param : Callee->parameters())
    if (isReferenceLike(Param->getType()))
      return true;
  return false;
}

/// Calls that run code handed to them as an object the analysis does not
/// see (std::function and its kin).
static bool invokesUnknownCode(const FunctionDecl *Callee) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method || Method->getOverloadedOperator() != OO_Call)
    return false;
  std::string Class = qualifiedName(Method->getParent());
  return llvm::is_contained({"std::function", "std::move_only_function",
                             "std::copyable_function", "std::packaged_task"},
                            Class);
}

bool EffectAnalysis::isHarmlessCall(const FunctionDecl *Callee,
                                    const AccessSummary &Operand) {
  if (!Callee)
    return false;
  switch (kindOf(Callee)) {
  case CalleeKind::Pure:
  case CalleeKind::Logging:
    return true;
  case CalleeKind::ThroughArguments:
    return !Operand.WritesNonLocal && !Operand.hasUnknownCall() &&
           !Operand.AwaitsBarrier;
  case CalleeKind::Summarised:
    return effectsOf(Callee).isHarmless();
  case CalleeKind::ReadsOnly:
  case CalleeKind::Unknown:
    return false;
  }
  return false;
}

CalleeKind EffectAnalysis::kindOf(const FunctionDecl *Callee) const {
  if (Callee->isConstexpr())
    return CalleeKind::Pure;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      Method && Method->isTrivial())
    return CalleeKind::Pure;
  if (Opts.Logging.matches(Callee))
    return CalleeKind::Logging;
  if (isInStd(Callee))
    return invokesUnknownCode(Callee) ? CalleeKind::Unknown
                                      : CalleeKind::ThroughArguments;
  // The frameworks' own machinery (timers, queues, combinators) acts on what
  // it is handed; their I/O is reached through the objects handed to it.
  // Of an application framework (its calls reach servers), the const
  // members only read their object (a query result's size).
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (const FrameworkProfile *Profile = profileOf(frameworkOfName(
          qualifiedName(cast<NamedDecl>(Callee->getCanonicalDecl())))))
    if (Profile->ActsOnArgumentsOnly || (Method && Method->isConst()))
      return CalleeKind::ThroughArguments;
  // Values (JSON documents, strings of other libraries) act on themselves.
  if (Method && Opts.Values.matches(Method->getParent()))
    return CalleeKind::ThroughArguments;
  const FunctionDecl *Definition = nullptr;
  if (Opts.AnalyzeCalleeBodies && Callee->hasBody(Definition) && Definition) {
    // A virtual call may reach an override the analysis does not read.
    if (!mayBeOverridden(Definition))
      return CalleeKind::Summarised;
  }
  // Bodies elsewhere, and every override of a virtual one: their files'
  // summaries.
  if (Opts.AnalyzeCalleeBodies && summaryEffects(Callee))
    return CalleeKind::Summarised;
  if (Opts.SideEffectFree.matches(Callee))
    return CalleeKind::ReadsOnly;
  return CalleeKind::Unknown;
}

/// Collects what code reads and writes (see AccessSummary).
/// What a lambda reads and writes counts (the code may call it), but its
/// return, throw or co_await leaves or suspends the lambda, not this code:
/// a throw through its caller is a call that may throw.
class AccessCollector : public OwnCodeVisitor {
public:
  AccessCollector(AccessSummary &Out, const DeclContext *Function,
                  EffectAnalysis &Analysis, unsigned Depth)
      : OwnCodeVisitor(/*LambdaBodies=*/true), Out(Out), Function(Function),
        Analysis(Analysis), Depth(Depth) {}

  /// A subtree left out (an await's operand, summarised apart).
  const Stmt *Skip = nullptr;
  /// The call whose operation is awaited (see summarizeOperation).
  const CallExpr *Operation = nullptr;
  /// Summarising an await's operand: the objects its other calls return
  /// (a completion token, a request) are handed to the operation and may
  /// keep the references they were given.
  bool InOperand = false;
  bool TraverseStmt(const Stmt *S) override {
    return S == Skip || OwnCodeVisitor::TraverseStmt(S);
  }

  bool VisitDeclRefExpr(const DeclRefExpr *Ref) override {
    const ValueDecl *D = Ref->getDecl();
    if (D->getIdentifier())
      Out.ReferencedNames.insert(D->getName());
    // `x = ...`, `v[i] = ...`: the name only says where the value goes.
    if (WriteOnly.contains(Ref))
      return true;
    if (const auto *Var = dyn_cast<VarDecl>(D)) {
      if (isLogSink(Var) || isConstant(Var))
        return true;
      Out.Reads.insert(keyOfDecl(Var));
    } else if (isa<BindingDecl>(D)) {
      Out.Reads.insert(D);
    }
    return true;
  }
  bool VisitMemberExpr(const MemberExpr *Member) override {
    // A static data member named through an object or class.
    if (const auto *Var = dyn_cast<VarDecl>(Member->getMemberDecl());
        Var && !isConstant(Var))
      Out.Reads.insert(keyOfDecl(Var));
    // this->field reads that field, not all of *this.
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
      if (const auto *This =
              dyn_cast<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts())) {
        MemberBases.insert(This);
        if (Field->getIdentifier())
          Out.ReferencedNames.insert(Field->getName());
        if (!WriteOnlyMembers.contains(Member))
          Out.Reads.insert(Field);
      }
    return true;
  }
  bool VisitCXXThisExpr(const CXXThisExpr *This) override {
    if (!MemberBases.contains(This))
      Out.Reads.insert(ThisObject);
    return true;
  }
  bool VisitVarDecl(const VarDecl *Var) override {
    Out.Declared.insert(Var);
    if (Var->getIdentifier())
      Out.DeclaredNames.insert(Var->getName());
    // (A static local's initialisation runs once, thread-safely: only
    // explicit writes to it count.)
    return true;
  }
  bool VisitBindingDecl(const BindingDecl *Binding) override {
    Out.Declared.insert(Binding);
    Out.DeclaredNames.insert(Binding->getName());
    return true;
  }
  bool VisitBinaryOperator(const BinaryOperator *Op) override {
    if (Op->isAssignmentOp())
      write(Op->getLHS(), Out.Writes, Op->getOpcode() == BO_Assign);
    return true;
  }
  bool VisitUnaryOperator(const UnaryOperator *Op) override {
    if (Op->isIncrementDecrementOp())
      write(Op->getSubExpr(), Out.Writes);
    return true;
  }
  bool VisitCallExpr(const CallExpr *Call) override {
    const FunctionDecl *Callee = Call->getDirectCallee();
    noteStatement(Call, Callee);
    const Expr *Receiver = nullptr;
    unsigned FirstArg = 0;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      Receiver = Member->getImplicitObjectArgument();
    } else if (isa<CXXOperatorCallExpr>(Call) &&
               isa_and_nonnull<CXXMethodDecl>(Callee)) {
      Receiver = Call->getArg(0);
      FirstArg = 1;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && Op->isAssignmentOp() && Receiver)
      write(Receiver, Out.Writes, Op->getOperator() == OO_Equal);
    if (!Callee) {
      noteUnknown("an indirect call");
      for (const Expr *Arg : Call->arguments())
        if (Arg->getType()->isPointerType())
          write(Arg, Out.CallWrites);
      return true;
    }
    // A scheduling or synchronisation primitive (schedule, sleep, lock)
    // orders by being awaited, which the checks handle apart; the
    // scheduler, timer or mutex it is called on is not data.
    if (Analysis.options().Barriers.matches(Callee))
      return true;
    llvm::SmallVector<const Expr *, 8> Args;
    for (unsigned I = FirstArg; I < Call->getNumArgs(); ++I)
      Args.push_back(Call->getArg(I));
    bool HandsOnReferences =
        Call == Operation || (InOperand && mayHoldReferences(Call->getType()));
    applyCall(Callee, Receiver, Args,
              llvm::is_contained(Analysis.Trusted, Call), HandsOnReferences);
    return true;
  }
  bool VisitCXXConstructExpr(const CXXConstructExpr *Construct) override {
    llvm::SmallVector<const Expr *, 8> Args(Construct->arguments());
    applyCall(Construct->getConstructor(), nullptr, Args, false, InOperand);
    return true;
  }
  bool VisitCXXThrowExpr(const CXXThrowExpr *) override {
    Out.Throws = true;
    return controlFlow();
  }
  bool VisitCoawaitExpr(const CoawaitExpr *Await) override {
    noteAwait(awaitOperand(Await));
    return controlFlow();
  }
  bool VisitDependentCoawaitExpr(const DependentCoawaitExpr *Await) override {
    noteAwait(awaitOperand(Await));
    return controlFlow();
  }
  bool VisitCoyieldExpr(const CoyieldExpr *) override { return controlFlow(); }
  bool VisitCoreturnStmt(const CoreturnStmt *) override {
    return controlFlow();
  }
  bool VisitReturnStmt(const ReturnStmt *) override { return controlFlow(); }
  bool VisitBreakStmt(const BreakStmt *) override { return controlFlow(); }
  bool VisitContinueStmt(const ContinueStmt *) override {
    return controlFlow();
  }
  bool VisitGotoStmt(const GotoStmt *) override { return controlFlow(); }
  bool VisitAsmStmt(const AsmStmt *) override {
    noteUnknown("inline assembly");
    return true;
  }

private:
  /// A database or cache statement the call runs reads or writes the one
  /// store every client shares (a pool runs two in any order).
  void noteStatement(const CallExpr *Call, const FunctionDecl *Callee) {
    if (!Analysis.options().DatabaseStatements)
      return;
    switch (
        statementOfCall(Call, Callee, Analysis.options().Statements).Access) {
    case StatementAccess::None:
      return;
    case StatementAccess::Reads:
      Out.Reads.insert(DatabaseObject);
      return;
    case StatementAccess::Writes:
      writeObject(DatabaseObject, Out.CallWrites);
      return;
    }
  }
  bool controlFlow() {
    if (!insideLambda())
      Out.HasControlFlow = true;
    return true;
  }
  void noteUnknown(llvm::StringRef What) {
    if (Out.UnknownCall.empty())
      Out.UnknownCall = What.str();
  }
  /// \p Operand: bare, as awaitOperand gives it (`co_await (sleep(1))`
  /// waits too).
  void noteAwait(const Expr *Operand) {
    const auto *Call = dyn_cast<CallExpr>(Operand);
    if (Call && Call->getDirectCallee() &&
        Analysis.options().Barriers.matches(Call->getDirectCallee()))
      Out.AwaitsBarrier = true;
  }
  /// \p Target's object (or pointee) is made for concurrent use
  /// (ConcurrentObjectTypes): acting on it orders nothing.
  bool isConcurrentObject(const Expr *Target) const {
    return Analysis.options().Concurrent.matches(
        classNameOf(Target->getType()));
  }
  /// Records a write to what \p Target designates; \p Replaces: a plain
  /// assignment, which does not read the old value.
  void write(const Expr *Target, ObjectSet &Into, bool Replaces = false) {
    bool Indirect = false;
    const DeclRefExpr *Node = nullptr;
    ObjectKey Key = rootObject(Target, Indirect, &Node);
    if (!Key)
      return;
    // (In a callee's body, a write through its parameter is mapped onto the
    // argument at each call instead.)
    const VarDecl *RootVar = asVariable(Key);
    bool CalleeParameter = Depth > 0 && isa_and_nonnull<ParmVarDecl>(RootVar);
    if (Key != UnknownObject && !CalleeParameter &&
        throughStoredPointer(Target) && !isConcurrentObject(Target))
      writeObject(UnknownObject, Into);
    if (Replaces && Node)
      WriteOnly.insert(Node);
    if (Replaces)
      if (const auto *Member =
              dyn_cast<MemberExpr>(Target->IgnoreParenImpCasts());
          Member && isa<FieldDecl>(Member->getMemberDecl()))
        WriteOnlyMembers.insert(Member);
    if (isLogSink(asVariable(Key))) {
      Out.Logs = true;
      return;
    }
    // A constant (constexpr, or a const object without mutable members)
    // cannot change: handing it on by reference writes nothing.
    if (const VarDecl *Var = asVariable(Key);
        Var && !Indirect && isImmutable(Var))
      return;
    // Executors, schedulers and event loops are made for concurrent use:
    // acting on one orders nothing.
    if (const VarDecl *Var = asVariable(Key);
        Var && Analysis.options().Concurrent.matches(typeNameOf(Var)))
      return;
    if (Analysis.options().Concurrent.matches(classNameOf(Target->getType())))
      return;
    // Through a pointer to an object this function just made, the object is
    // its own.
    if (Indirect && ownsPointee(Key, Function))
      Indirect = false;
    Into.insert(Key);
    if (Indirect)
      Out.IndirectWrites.insert(Key);
    if (Indirect || !isLocalObject(Key, Function))
      Out.WritesNonLocal = true;
    // A local reference names the object it was bound to as well.
    if (const VarDecl *Alias = aliasedObject(Key))
      writeObject(Alias, Into);
  }
  void writeObject(ObjectKey Key, ObjectSet &Into) {
    Into.insert(Key);
    if (!isLocalObject(Key, Function))
      Out.WritesNonLocal = true;
  }

  /// Adds what a call to \p Callee with \p Receiver and \p Args does;
  /// \p HandsOnReferences: the call whose result is awaited, or one whose
  /// result goes into it.
  void applyCall(const FunctionDecl *Callee, const Expr *Receiver,
                 llvm::ArrayRef<const Expr *> Args, bool Trusted = false,
                 bool HandsOnReferences = false) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    bool ConstReceiver = Method && (Method->isConst() || Method->isStatic());
    // A pointer handed on (the object of item.owner->add(), f(item.owner))
    // is written through: if it is kept in another object, what it points
    // to has no name here.
    auto WriteThrough = [&](const Expr *Target) {
      write(Target, Out.CallWrites);
      if (Target->getType()->isPointerType() && isStoredPointer(Target) &&
          !isConcurrentObject(Target))
        writeObject(UnknownObject, Out.CallWrites);
    };
    auto ThroughArguments = [&] {
      if (Receiver && !ConstReceiver && !isStdAccessor(Callee))
        WriteThrough(Receiver);
      for (size_t I = 0; I < Args.size(); ++I) {
        QualType Param = I < Callee->getNumParams()
                             ? Callee->getParamDecl(I)->getType()
                             : QualType();
        // Variadic arguments: only pointers can be written through.
        if (Param.isNull()
                ? (Callee->isVariadic() && Args[I]->getType()->isPointerType())
                : mayModifyThrough(Param) &&
                      !forwardsScalar(Callee, Param, Args[I], I))
          WriteThrough(Args[I]);
      }
    };
    // Only reads, by its name (SideEffectFreeCalls).
    auto AssumeReadsOnly = [&] {
      if (Out.AssumedCall.empty())
        Out.AssumedCall = qualifiedName(Callee);
      ThroughArguments();
    };
    if (Trusted) {
      ThroughArguments();
      return;
    }
    switch (Analysis.kindOf(Callee)) {
    case CalleeKind::ReadsOnly:
      AssumeReadsOnly();
      return;
    case CalleeKind::Pure:
    case CalleeKind::ThroughArguments:
      ThroughArguments();
      return;
    case CalleeKind::Logging:
      Out.Logs = true;
      return;
    case CalleeKind::Unknown:
      noteUnknown(qualifiedName(Callee));
      ThroughArguments();
      return;
    case CalleeKind::Summarised:
      break;
    }
    const CalleeEffects &Effects = Analysis.effectsAt(Callee, Depth + 1);
    // A body the analysis cannot follow (an indirect call, a variant's
    // visit) of a function whose name says it only reads: the name decides,
    // as it does for a function without a body.
    if (!Effects.Known && Analysis.options().SideEffectFree.matches(Callee)) {
      AssumeReadsOnly();
      return;
    }
    if (!Effects.Known) {
      noteUnknown(Effects.Unknown.empty() ? qualifiedName(Callee)
                                          : Effects.Unknown);
      ThroughArguments();
    }
    Out.Reads.insert_range(Effects.GlobalReads);
    for (ObjectKey Key : Effects.GlobalWrites)
      writeObject(Key, Out.CallWrites);
    if (Receiver && Effects.WritesThis)
      WriteThrough(Receiver);
    for (size_t I = 0; I < Args.size() && I < Effects.ParamWrites.size(); ++I)
      if (Effects.ParamWrites[I])
        WriteThrough(Args[I]);
    // A function that returns an operation without being a coroutine
    // (asio's and Beast's async_* initiating functions, an awaiter factory)
    // only starts it: the operation acts on the receiver and on what it was
    // handed by reference after that body returned, whatever the body shows.
    // So does a function whose result the operation is handed (a completion
    // token's `token[ec]` keeps `ec` for the operation to write).
    if (HandsOnReferences && Effects.Known && !isCoroutine(Callee))
      ThroughArguments();
    if (Out.AssumedCall.empty())
      Out.AssumedCall = Effects.Assumed;
    Out.Logs |= Effects.Logs;
    Out.Throws |= Effects.Throws;
    // A callee that waits on a timer or lock itself is a delay; one that
    // calls something that does is not (the wait is that call's).
    if (Depth == 0)
      Out.AwaitsBarrier |= Effects.AwaitsBarrier;
  }

  AccessSummary &Out;
  const DeclContext *Function;
  EffectAnalysis &Analysis;
  unsigned Depth;
  llvm::SmallPtrSet<const DeclRefExpr *, 4> WriteOnly;
  llvm::SmallPtrSet<const MemberExpr *, 4> WriteOnlyMembers;
  llvm::SmallPtrSet<const CXXThisExpr *, 4> MemberBases;
};

AccessSummary
EffectAnalysis::summarize(const Stmt *S, const DeclContext *Function,
                          llvm::ArrayRef<const CallExpr *> TrustedCalls,
                          const Stmt *Skip) {
  AccessSummary Summary;
  llvm::ArrayRef<const CallExpr *> Saved = Trusted;
  Trusted = TrustedCalls;
  AccessCollector Collector(Summary, Function, *this, CurrentDepth);
  Collector.Skip = Skip;
  Collector.TraverseStmt(S);
  Trusted = Saved;
  return Summary;
}

AccessSummary EffectAnalysis::summarizeOperation(const Expr *Operand,
                                                 const DeclContext *Function) {
  AccessSummary Summary;
  llvm::ArrayRef<const CallExpr *> Saved = Trusted;
  Trusted = {};
  AccessCollector Collector(Summary, Function, *this, CurrentDepth);
  Collector.Operation = dyn_cast<CallExpr>(Operand);
  Collector.InOperand = true;
  Collector.TraverseStmt(Operand);
  Trusted = Saved;
  return Summary;
}

const CalleeEffects &EffectAnalysis::effectsOf(const FunctionDecl *Callee) {
  return effectsAt(Callee, 1);
}

const CalleeEffects &EffectAnalysis::effectsAt(const FunctionDecl *Callee,
                                               unsigned Depth, bool OwnBody) {
  static const CalleeEffects TooDeep = [] {
    CalleeEffects E;
    E.Known = false;
    E.Unknown = "calls nested too deep to follow";
    return E;
  }();
  static const CalleeEffects Recursive = [] {
    CalleeEffects E;
    E.Known = false;
    E.Unknown = "a recursive call";
    return E;
  }();
  const FunctionDecl *Definition = nullptr;
  const bool HasBody = Callee->hasBody(Definition) && Definition;
  if (!OwnBody && (!HasBody || mayBeOverridden(Callee)))
    if (const CalleeEffects *Summarised = summaryEffects(Callee))
      return *Summarised;
  if (!HasBody) {
    static const CalleeEffects Invisible = [] {
      CalleeEffects E;
      E.Known = false;
      return E;
    }();
    return Invisible;
  }
  auto [It, Inserted] = Cache.try_emplace(Definition);
  if (!Inserted) {
    if (It->second.InProgress)
      return Recursive;
    return It->second.Effects;
  }
  if (Depth > Opts.CalleeDepth) {
    Cache.erase(Definition);
    return TooDeep;
  }
  It->second.InProgress = true;
  CalleeEffects Effects = computeEffects(Definition, Depth);
  Entry &Slot = Cache[Definition]; // the map may have grown meanwhile
  Slot.InProgress = false;
  Slot.Effects = std::move(Effects);
  return Slot.Effects;
}

CalleeEffects EffectAnalysis::computeEffects(const FunctionDecl *Definition,
                                             unsigned Depth) {
  CalleeEffects Effects;
  Effects.Visible = true;
  Effects.ParamReads.assign(Definition->getNumParams(), false);
  Effects.ParamWrites.assign(Definition->getNumParams(), false);
  const Stmt *Body = Definition->getBody();
  if (const auto *Coroutine = dyn_cast_or_null<CoroutineBodyStmt>(Body)) {
    Body = Coroutine->getBody();
    struct SuspensionProbe : OwnCodeVisitor {
      bool Found = false;
      bool VisitCoawaitExpr(const CoawaitExpr *E) override {
        Found |= !E->isImplicit();
        return !Found;
      }
      bool VisitDependentCoawaitExpr(const DependentCoawaitExpr *) override {
        return !(Found = true);
      }
      bool VisitCoyieldExpr(const CoyieldExpr *) override {
        return !(Found = true);
      }
    } Finder;
    Finder.TraverseStmt(Body);
    Effects.Suspends = Finder.Found;
    Effects.Coroutine = true;
  }
  AccessSummary Summary;
  unsigned SavedDepth = CurrentDepth;
  CurrentDepth = Depth;
  AccessCollector Collector(Summary, Definition, *this, Depth);
  Collector.TraverseStmt(Body);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Collector.TraverseStmt(Init->getInit());
  CurrentDepth = SavedDepth;

  if (Summary.hasUnknownCall()) {
    Effects.Known = false;
    Effects.Unknown = Summary.UnknownCall;
  }
  Effects.Assumed = Summary.AssumedCall;
  Effects.Logs = Summary.Logs;
  Effects.AwaitsBarrier = Summary.AwaitsBarrier;
  // A throw escaping a noexcept function terminates, one in a coroutine
  // goes into its task: either way the call itself does not throw it.
  Effects.Throws = Summary.Throws && !isDeclaredNothrow(Definition) &&
                   !isa<CoroutineBodyStmt>(Definition->getBody());
  // Where each object the body touched lives, as its callers see it.
  enum class Place { Local, This, Unknown, Outer, Param };
  auto PlaceOf = [&](ObjectKey &Key, bool Written, unsigned &Index) {
    // The database, and the state of other files a summarised callee
    // touches: shared by every caller, like a global.
    if (Key == DatabaseObject || Key == OtherUnitState || isForeignState(Key))
      return Place::Outer;
    if (Key == ThisObject || isMemberOfThis(Key))
      return Place::This;
    const VarDecl *Var = asVariable(Key);
    if (!Var)
      return Place::Unknown;
    if (const VarDecl *Alias = aliasedObject(Key))
      Key = Var = Alias;
    if (!Var->hasLocalStorage())
      return Place::Outer; // a global or static member or static local
    if (!isWithin(Var->getDeclContext(), Definition))
      return Place::Outer; // captured from the function around a lambda
    bool ThroughIt = Var->getType()->isReferenceType() ||
                     (Written && Summary.IndirectWrites.contains(Var));
    if (!ThroughIt)
      return Place::Local;
    if (const auto *Param = dyn_cast<ParmVarDecl>(Var);
        Param && Param->getDeclContext() == Definition) {
      Index = Param->getFunctionScopeIndex();
      return Place::Param;
    }
    // A local pointer or reference to something the analysis lost track of.
    return Written ? Place::Unknown : Place::Local;
  };
  for (ObjectKey Key : Summary.Reads) {
    unsigned Index = 0; // PlaceOf resolves Key through local references
    switch (PlaceOf(Key, false, Index)) {
    case Place::This:
      Effects.ReadsThis = true;
      break;
    case Place::Outer:
      Effects.GlobalReads.insert(Key);
      break;
    case Place::Param:
      if (Index < Effects.ParamReads.size())
        Effects.ParamReads[Index] = true;
      break;
    case Place::Local:
    case Place::Unknown:
      break;
    }
  }
  for (ObjectKey Key : Summary.modified()) {
    unsigned Index = 0; // PlaceOf resolves Key through local references
    switch (PlaceOf(Key, true, Index)) {
    case Place::This:
      Effects.WritesThis = true;
      break;
    case Place::Outer:
      Effects.GlobalWrites.insert(Key);
      break;
    case Place::Param:
      if (Index < Effects.ParamWrites.size())
        Effects.ParamWrites[Index] = true;
      break;
    case Place::Unknown:
      Effects.Known = false;
      // Named after the function: it writes through a pointer it was not
      // given, to something the analysis cannot name.
      if (Effects.Unknown.empty())
        Effects.Unknown = qualifiedName(Definition);
      break;
    case Place::Local:
      break;
    }
  }
  return Effects;
}

const CalleeEffects *
EffectAnalysis::summaryEffects(const FunctionDecl *Callee) const {
  if (!Summaries)
    return nullptr;
  auto [It, Inserted] = Imported.try_emplace(Callee->getCanonicalDecl());
  if (!Inserted)
    return It->second.get();
  std::optional<std::string> Need = crossUnitNeed(Callee);
  std::optional<FunctionEffects> From =
      Need ? Summaries->effectsOf(*Need) : std::nullopt;
  if (!From)
    return nullptr;
  auto Effects = std::make_unique<CalleeEffects>();
  static_cast<EffectFlags &>(*Effects) = *From;
  Effects->FromSummary = true;
  Effects->Known = From->Known;
  if (!Effects->Known)
    Effects->Unknown = qualifiedName(Callee);
  Effects->Assumed = From->Assumed;
  const ASTContext &Context = Callee->getASTContext();
  for (const std::string &Name : From->GlobalReads)
    Effects->GlobalReads.insert(globalNamed(Name, Context));
  for (const std::string &Name : From->GlobalWrites)
    Effects->GlobalWrites.insert(globalNamed(Name, Context));
  Effects->ParamReads.assign(Callee->getNumParams(), false);
  Effects->ParamWrites.assign(Callee->getNumParams(), false);
  for (unsigned Index : From->ParamReads)
    if (Index < Effects->ParamReads.size())
      Effects->ParamReads[Index] = true;
  for (unsigned Index : From->ParamWrites)
    if (Index < Effects->ParamWrites.size())
      Effects->ParamWrites[Index] = true;
  It->second = std::move(Effects);
  return It->second.get();
}

/// Collects the globals and static data members of \p Context and of the
/// namespaces and classes in it, by qualified name.
static void indexGlobals(const DeclContext *Context,
                         llvm::StringMap<const VarDecl *> &Into) {
  for (const Decl *D : Context->decls()) {
    if (const auto *Var = dyn_cast<VarDecl>(D)) {
      if (!Var->hasLocalStorage() && Var->isExternallyVisible())
        Into.try_emplace(Var->getQualifiedNameAsString(),
                         Var->getCanonicalDecl());
    } else if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D)) {
      indexGlobals(cast<DeclContext>(D), Into);
    } else if (const auto *Record = dyn_cast<CXXRecordDecl>(D);
               Record && Record->isThisDeclarationADefinition() &&
               !Record->getDescribedClassTemplate()) {
      indexGlobals(Record, Into);
    }
  }
}

ObjectKey EffectAnalysis::globalNamed(llvm::StringRef Name,
                                      const ASTContext &Context) const {
  if (Name == "db")
    return DatabaseObject;
  if (!GlobalsIndexed) {
    indexGlobals(Context.getTranslationUnitDecl(), GlobalsByName);
    GlobalsIndexed = true;
  }
  auto Found = GlobalsByName.find(Name);
  // Not declared here: nothing in this file touches it but other files'
  // functions, which all name it alike.
  return Found == GlobalsByName.end() ? foreignState(Name) : Found->second;
}

/// How other files name the global state \p Key.
static std::string exportedName(ObjectKey Key) {
  if (Key == DatabaseObject)
    return "db";
  if (isForeignState(Key))
    return foreignStateName(Key); // read from a summary, handed on
  const VarDecl *Var = asVariable(Key);
  if (!Var)
    return "*";
  if (Var->isExternallyVisible() && !Var->isStaticLocal() &&
      !Var->getDeclContext()->isFunctionOrMethod())
    return Var->getQualifiedNameAsString();
  // A static of this file: no other file names it; its file and name keep
  // it apart from the statics of other files.
  const SourceManager &SM = Var->getASTContext().getSourceManager();
  PresumedLoc Where = SM.getPresumedLoc(SM.getExpansionLoc(Var->getLocation()));
  return staticStateName(Where.isValid() ? Where.getFilename() : "",
                         Var->getQualifiedNameAsString());
}

std::optional<std::string>
EffectAnalysis::summaryCaveat(const FunctionDecl *Callee) {
  if (!Callee || kindOf(Callee) != CalleeKind::Summarised ||
      !effectsOf(Callee).FromSummary)
    return std::nullopt;
  return "'" + qualifiedName(Callee) +
         "' is in another file: its summary says what it does, and a change "
         "there can make that wrong";
}

FunctionEffects EffectAnalysis::exportEffects(const FunctionDecl *Definition) {
  const CalleeEffects &Effects = effectsAt(Definition, 1, /*OwnBody=*/true);
  FunctionEffects F;
  static_cast<EffectFlags &>(F) = Effects;
  F.Known = Effects.Known;
  F.Assumed = Effects.Assumed;
  auto Names = [](const ObjectSet &Keys) {
    std::vector<std::string> Out;
    for (ObjectKey Key : Keys)
      Out.push_back(exportedName(Key));
    llvm::sort(Out);
    Out.erase(llvm::unique(Out), Out.end());
    return Out;
  };
  F.GlobalReads = Names(Effects.GlobalReads);
  F.GlobalWrites = Names(Effects.GlobalWrites);
  for (unsigned I = 0; I < Effects.ParamReads.size(); ++I)
    if (Effects.ParamReads[I])
      F.ParamReads.push_back(I);
  for (unsigned I = 0; I < Effects.ParamWrites.size(); ++I)
    if (Effects.ParamWrites[I])
      F.ParamWrites.push_back(I);
  return F;
}

} // namespace clang::tidy::async::analysis
