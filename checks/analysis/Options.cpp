//===--- Options.cpp - awaitlint --------------------------------*- C++ -*-===//

#include "Options.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/YAMLParser.h"

namespace clang::tidy::async::analysis {

namespace {

// Defaults of the list options. Every item is a qualified name or a regular
// expression over one (see NameList); "(.*::)?" lets a pattern match a
// function in any namespace or class, or none.

/// Scheduling and synchronisation primitives in any library, by the verb
/// their name starts with (sleep_for, yield, async_wait, co_lock,
/// switchThreadCoro, receive, notify_all, ...). Every framework profile adds
/// its own.
const char DefaultBarrierAwaitables[] =
    "(.*::)?(co_?|async_|Async)?([Ss]leep|[Dd]elay|[Yy]ield|[Ww]ait|"
    "[Ss]chedule|[Rr]eschedule|[Pp]ost|[Dd]ispatch|[Dd]efer|[Ss]witch|"
    "[Rr]esume_?[Oo]n|[Ll]ock|[Aa]cquire|[Nn]otify|[Ss]ignal|[Rr]eceive|"
    "[Rr]ecv|[Pp]op|[Tt]ick|[Tt]hrottle)([A-Z_].*)?";

/// Calls assumed to only read: their tasks may start in any order.
const char DefaultSideEffectFreeCalls[] =
    "(.*::)?(get|fetch|load|read|query|find|lookup|compute|calculate|count|"
    "list|download|resolve|search)([A-Z_0-9].*)?;"
    // Predicates: is_open, isReady, has_value.
    "(.*::)?(is|has)[A-Z_].*;"
    // D++'s REST calls named for a get (co_user_get_cached,
    // co_guild_get_member, co_message_get) send a GET request.
    "dpp::cluster::co_([a-z]+_)*get(_[a-z]+)*";

/// Calls that change state somewhere, by the verb their name starts with:
/// two different ones awaited in turn (reserve_stock then charge_card,
/// create_user then add_role) are often ordered by a business rule that no
/// data flow shows.
const char DefaultStateChangingCalls[] =
    "(.*::)?(co_?|async_|Async)?([Rr]eserve|[Cc]harge|[Pp]ay|[Rr]efund|"
    "[Tt]ransfer|[Ww]ithdraw|[Dd]eposit|[Dd]ebit|[Cc]redit|[Bb]ook|"
    "[Pp]urchase|[Pp]lace|[Bb]uy|[Ss]ell|[Cc]ancel|[Cc]reate|[Ii]nsert|[Aa]dd|"
    "[Uu]pdate|[Ss]et|[Pp]ut|[Pp]atch|[Dd]elete|[Rr]emove|[Ee]rase|"
    "[Ww]rite|[Ss]ave|[Ss]tore|[Pp]ersist|[Ss]end|[Pp]ublish|[Ee]mit|"
    "[Ss]ubmit|[Aa]pprove|[Rr]eject|[Ss]hip|[Aa]llocate|[Ii]ncrement|"
    "[Dd]ecrement|[Rr]egister|[Uu]nregister|[Gg]rant|[Rr]evoke|[Aa]ssign|"
    "[Mm]ove|[Rr]ename|[Uu]pload|[Aa]pply|[Mm]ark|[Cc]onfirm|[Cc]omplete|"
    "[Ff]inali[sz]e|[Aa]rchive|[Rr]eset|[Cc]lear|[Pp]ush|[Ee]nqueue|"
    "[Mm]odify|[Ee]dit|[Cc]hange|[Cc]lose|[Ss]hutdown|[Ss]top|[Kk]ill|"
    "[Tt]erminate|[Bb]an|[Uu]nban|[Kk]ick|[Mm]ute)([A-Z_].*)?";

/// Calls that only answer an event (acknowledge it, defer its answer, reply
/// to it): nothing later in the handler waits for them unless it acts on the
/// same event, so their unused result does not make them an ordering step
/// for a different operation that does not change state.
const char DefaultAcknowledgementCalls[] =
    "(.*::)?(co_?|async_|Async)?([Ii]nteraction_?)?([Dd]efer|[Tt]hink|"
    "[Tt]hinking|[Aa]ck|[Aa]cknowledge|[Rr]eply|[Rr]espond)([A-Z_].*)?;"
    // D++'s events send a message to the channel they came from.
    "dpp::[a-z_]+_t::co_send";

/// Calls whose only effect is output to a log or a console: they order
/// nothing, but their lines may come out in another order after a fix.
const char DefaultLoggingFunctions[] =
    "printf;puts;fprintf;fputs;putchar;vprintf;vfprintf;perror;"
    "std::(printf|puts|fprintf|fputs|print|println);"
    "fmt::(print|println);spdlog::.*;"
    "(.*::)?(qDebug|qInfo|qWarning|qCritical);"
    "(.*::)?([Ll]og|LOG|[Tt]race|[Dd]ebug|[Ii]nfo|[Ww]arn|[Ww]arning|"
    "[Cc]ritical)([A-Z_].*)?;.*[Ll]ogger::.*";

/// Calls that execute a database or cache statement handed to them as text
/// (see Statements.h): drogon's execSqlCoro and execCommandCoro, Boost.MySQL's
/// async_execute, libpqxx's exec, SQLite's sqlite3_exec, a project's query().
const char DefaultStatementCalls[] =
    "(.*::)?(co_?|async_|Async|PQ|sqlite3_)?([Ee]xec|[Ee]xecute|[Qq]uery|"
    "[Ss]ql|SQL|[Pp]repare|[Cc]ommand|[Ss]tart_?[Ee]xecution)([A-Z_0-9].*)?";

/// Awaits that open a section the awaits after them must stay inside:
/// locks, acquisitions, transactions, sessions, connections.
const char DefaultBracketOpenCalls[] =
    "(.*::)?(co_?|async_|Async)?([Ll]ock|[Aa]cquire|[Bb]egin|"
    "[Ss]tart_?[Tt]ransaction|[Ll]ogin|[Ll]og_?[Ii]n|[Ss]ign_?[Ii]n|"
    "[Aa]uthenticate|[Cc]onnect|[Hh]andshake|[Oo]pen|[Ss]ubscribe|"
    "[Ee]nter)([A-Z_].*)?";

/// Calls that close such a section.
const char DefaultBracketCloseCalls[] =
    "(.*::)?(co_?|async_|Async)?([Uu]nlock|[Rr]elease|[Cc]ommit|[Rr]ollback|"
    "[Ll]ogout|[Ll]og_?[Oo]ut|[Ss]ign_?[Oo]ut|[Dd]isconnect|[Cc]lose|"
    "[Uu]nsubscribe|[Ll]eave|[Ee]xit|[Ss]hutdown|[Ss]ignal)([A-Z_].*)?";

/// Types whose variables hold something for as long as they live: a lock,
/// a lease, semaphore units, a transaction.
const char DefaultGuardTypes[] =
    ".*([Ll]ock|[Gg]uard|[Ll]ease|[Pp]ermit|[Uu]nits|[Tt]ransaction|"
    "[Ss]cope|[Ss]coped)[A-Za-z_0-9]*(<.*>)?";

/// Objects made for concurrent use: calls on one of them do not order the
/// awaits around them (executors, schedulers, thread pools, event loops).
const char DefaultConcurrentObjectTypes[] =
    ".*([Ee]xecutor|[Ss]cheduler|[Tt]hread_?[Pp]ool|io_context|io_service|"
    "[Ee]vent_?[Ll]oop|[Ss]trand);"
    // Services and repositories answer many callers at once.
    ".*([Ss]ervice|[Rr]epository|[Rr]epo|[Dd]ao|[Rr]egistry|[Cc]ache);"
    // Database clients that pool or queue their connections.
    "drogon::orm::DbClient;drogon::nosql::RedisClient;"
    // D++'s REST client: it queues every request by rate-limit bucket and
    // answers each through its own callback.
    "dpp::cluster";

/// Value types whose member functions act on their own object only.
const char DefaultValueTypes[] =
    "Json::Value;nlohmann::.*;boost::json::.*;rapidjson::.*;QString;"
    "QByteArray;QStringList;QJson.*;QVariant.*;QUrl;"
    // The MongoDB driver's BSON library: documents, views, elements and
    // their builders (the I/O is mongocxx's).
    "bsoncxx::.*;"
    // D++'s data classes (what its REST calls send and return); its I/O
    // goes through dpp::cluster and the events' reply calls.
    "dpp::(message|embed|embed_[a-z_]+|guild_member|user|user_identified|"
    "snowflake|role|channel|guild|component|emoji|attachment|"
    "confirmation_callback_t|error_info|command_interaction|"
    "command_data_option)";

constexpr OptionSpec Specs[] = {
    {"SameObjectIsDependent", OptionKind::Bool, true, false},
    {"OrderingSteps", OptionKind::Bool, true, false},
    {"ConditionalAwaits", OptionKind::Bool, true, false},
    {"PerItemChains", OptionKind::Bool, true, false},
    {"GuardedReads", OptionKind::Bool, true, false},
    {"Brackets", OptionKind::Bool, true, false},
    {"DatabaseStatements", OptionKind::Bool, true, false},
    {"AnalyzeCalleeBodies", OptionKind::Bool, true, false},
    {"CalleeDepth", OptionKind::Unsigned, true, false},
    {"ReportUnknownTaskTypes", OptionKind::Bool, true, false},
    {"TaskTypes", OptionKind::NameList, true, false},
    {"BarrierAwaitables", OptionKind::NameList, true, true},
    {"SideEffectFreeCalls", OptionKind::NameList, true, true},
    {"LoggingFunctions", OptionKind::NameList, true, true},
    {"BracketOpenCalls", OptionKind::NameList, true, true},
    {"BracketCloseCalls", OptionKind::NameList, true, true},
    {"GuardTypes", OptionKind::NameList, true, true},
    {"ConcurrentObjectTypes", OptionKind::NameList, true, true},
    {"ValueTypes", OptionKind::NameList, true, true},
    {"StateChangingCalls", OptionKind::NameList, true, true},
    {"AcknowledgementCalls", OptionKind::NameList, true, true},
    {"StatementCalls", OptionKind::NameList, true, true},
    {"WhenAllFunction", OptionKind::String, true, false},
    {"WhenAllHeader", OptionKind::String, true, false},
    {"WhenAllSettledFunction", OptionKind::String, true, false},
    {"WhenAllSettledHeader", OptionKind::String, true, false},
    {"SettledValueMethod", OptionKind::String, true, false},
    {"IncludeStyle", OptionKind::String, true, false},
    {"Summaries", OptionKind::String, true, false},
    // async-unhandled-rejection
    {"AllowCastToVoid", OptionKind::Bool, false, false},
    {"AllowedCalls", OptionKind::NameList, false, true},
    {"DetachFunctions", OptionKind::NameList, false, true},
    {"ExportSummaries", OptionKind::String, false, false},
};

std::optional<bool> parseBool(llvm::StringRef Value) {
  if (std::optional<bool> Parsed = llvm::yaml::parseBool(Value))
    return Parsed;
  long long Number = 0;
  if (!Value.getAsInteger(10, Number))
    return Number != 0;
  return std::nullopt;
}

} // namespace

llvm::ArrayRef<OptionSpec> optionSpecs() { return Specs; }

std::optional<std::string> validateOptionValue(const OptionSpec &Spec,
                                               llvm::StringRef Value) {
  switch (Spec.Kind) {
  case OptionKind::Bool:
    if (!parseBool(Value))
      return std::string("expected a bool");
    return std::nullopt;
  case OptionKind::Unsigned: {
    unsigned Number = 0;
    if (Value.getAsInteger(10, Number))
      return std::string("expected a non-negative integer");
    return std::nullopt;
  }
  case OptionKind::String:
    if (Spec.Name == "IncludeStyle" && Value != "llvm" && Value != "google")
      return std::string("expected 'llvm' or 'google'");
    if (Spec.Name == "Summaries" && !Value.empty() &&
        !llvm::sys::fs::exists(Value))
      return "'" + Value.str() +
             "' does not exist (write it first with ExportSummaries or "
             "awaitlint --summaries)";
    return std::nullopt;
  case OptionKind::NameList: {
    NameList List(Value);
    if (!List.errors().empty())
      return "invalid regular expression " + List.errors().front();
    return std::nullopt;
  }
  }
  return std::nullopt;
}

static const OptionSpec *findSpec(llvm::StringRef Name) {
  for (const OptionSpec &Spec : Specs)
    if (Spec.Name == Name)
      return &Spec;
  if (Name.consume_front("Extra"))
    for (const OptionSpec &Spec : Specs)
      if (Spec.HasExtra && Spec.Name == Name)
        return &Spec;
  return nullptr;
}

std::vector<std::string>
invalidOptionValues(const ClangTidyOptions::OptionMap &Options) {
  std::vector<std::string> Problems;
  for (const auto &Entry : Options) {
    llvm::StringRef Key = Entry.getKey();
    auto [Check, Name] = Key.rsplit('.');
    // "async-foo.Name", or a global "Name" that every async- check reads.
    const OptionSpec *Spec = nullptr;
    if (Name.empty())
      Spec = findSpec(Check);
    else if (Check.starts_with("async-"))
      Spec = findSpec(Name);
    if (!Spec || (Name.empty() && !Spec->Shared))
      continue;
    if (std::optional<std::string> Problem =
            validateOptionValue(*Spec, Entry.getValue().Value))
      Problems.push_back(
          llvm::formatv("invalid configuration value '{0}' for option "
                        "'{1}'; {2}",
                        Entry.getValue().Value, Key, *Problem)
              .str());
  }
  llvm::sort(Problems); // a StringMap has no order of its own
  return Problems;
}

std::vector<std::string>
unknownOptionNames(const ClangTidyOptions::OptionMap &Options) {
  std::vector<std::string> Problems;
  for (const auto &Entry : Options) {
    auto [Check, Name] = Entry.getKey().rsplit('.');
    if (Name.empty() || !Check.starts_with("async-") || findSpec(Name))
      continue;
    // The closest name an async- check reads, as a suggestion.
    std::string Closest;
    unsigned Best = 4; // suggest only names a few edits away
    for (const OptionSpec &Spec : Specs) {
      for (const std::string &Candidate :
           {Spec.Name.str(), Spec.HasExtra ? "Extra" + Spec.Name.str() : ""}) {
        if (Candidate.empty())
          continue;
        unsigned Distance = Name.edit_distance(Candidate, true, Best);
        if (Distance < Best) {
          Best = Distance;
          Closest = Candidate;
        }
      }
    }
    std::string Problem = "unknown option '" + Entry.getKey().str() +
                          "' of check '" + Check.str() + "'";
    if (!Closest.empty())
      Problem += "; did you mean '" + Check.str() + "." + Closest + "'?";
    Problems.push_back(std::move(Problem));
  }
  llvm::sort(Problems);
  return Problems;
}

static const OptionSpec &specOf(llvm::StringRef Name) {
  if (const OptionSpec *Spec = findSpec(Name))
    return *Spec;
  llvm_unreachable("option without a spec");
}

std::optional<llvm::StringRef> OptionReader::raw(llvm::StringRef Name) const {
  return specOf(Name).Shared ? Options.getLocalOrGlobal(Name)
                             : Options.get(Name);
}

std::string OptionReader::keyOf(llvm::StringRef Name) const {
  if (specOf(Name).Shared && !Options.get(Name))
    return Name.str();
  return (CheckName + "." + Name).str();
}

bool OptionReader::boolean(llvm::StringRef Name, bool Default) {
  std::optional<llvm::StringRef> Value = raw(Name);
  if (!Value)
    return Default;
  if (std::optional<bool> Parsed = parseBool(*Value))
    return *Parsed;
  Report("invalid configuration value '" + Value->str() + "' for option '" +
         keyOf(Name) + "'; expected a bool");
  return Default;
}

unsigned OptionReader::unsignedInteger(llvm::StringRef Name, unsigned Default) {
  std::optional<llvm::StringRef> Value = raw(Name);
  if (!Value)
    return Default;
  unsigned Number = 0;
  if (!Value->getAsInteger(10, Number))
    return Number;
  Report("invalid configuration value '" + Value->str() + "' for option '" +
         keyOf(Name) + "'; expected a non-negative integer");
  return Default;
}

std::string OptionReader::string(llvm::StringRef Name,
                                 llvm::StringRef Default) {
  std::optional<llvm::StringRef> Value = raw(Name);
  return Value ? Value->str() : Default.str();
}

ListOption::ListOption(OptionReader &Reader, llvm::StringRef Name,
                       llvm::StringRef Default)
    : Name(Name.str()), Spec(Reader.string(Name, Default)) {
  if (specOf(Name).HasExtra)
    Extra = Reader.string(("Extra" + Name).str(), "");
  // Report bad patterns once here, by option name; the lists built from the
  // values skip them.
  for (const auto &[OptionName, Value] :
       {std::pair<std::string, const std::string &>(this->Name, Spec),
        std::pair<std::string, const std::string &>("Extra" + this->Name,
                                                    Extra)}) {
    NameList Parsed(Value);
    for (const std::string &Error : Parsed.errors())
      Reader.reportError(
          llvm::formatv("invalid regular expression {0} in option '{1}'", Error,
                        Reader.keyOf(OptionName))
              .str());
  }
}

void ListOption::store(const ClangTidyCheck::OptionsView &Options,
                       ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, Name, Spec);
  if (specOf(Name).HasExtra)
    Options.store(Opts, "Extra" + Name, Extra);
}

void storeBoolOption(const ClangTidyCheck::OptionsView &Options,
                     ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
                     bool Value) {
  Options.store(Opts, Name, llvm::StringRef(Value ? "true" : "false"));
}

static NameList listOf(const ListOption &Option) {
  NameList List(Option.Spec);
  List.append(Option.Extra);
  return List;
}

SharedOptions::SharedOptions(OptionReader &Reader)
    : SameObjectIsDependent(Reader.boolean("SameObjectIsDependent", true)),
      OrderingSteps(Reader.boolean("OrderingSteps", true)),
      ConditionalAwaits(Reader.boolean("ConditionalAwaits", true)),
      PerItemChains(Reader.boolean("PerItemChains", true)),
      GuardedReads(Reader.boolean("GuardedReads", true)),
      Brackets(Reader.boolean("Brackets", true)),
      DatabaseStatements(Reader.boolean("DatabaseStatements", true)),
      AnalyzeCalleeBodies(Reader.boolean("AnalyzeCalleeBodies", true)),
      CalleeDepth(Reader.unsignedInteger("CalleeDepth", 4)),
      ReportUnknownTaskTypes(Reader.boolean("ReportUnknownTaskTypes", false)),
      TaskTypes(Reader, "TaskTypes", ""),
      BarrierAwaitables(Reader, "BarrierAwaitables", DefaultBarrierAwaitables),
      SideEffectFreeCalls(Reader, "SideEffectFreeCalls",
                          DefaultSideEffectFreeCalls),
      LoggingFunctions(Reader, "LoggingFunctions", DefaultLoggingFunctions),
      BracketOpenCalls(Reader, "BracketOpenCalls", DefaultBracketOpenCalls),
      BracketCloseCalls(Reader, "BracketCloseCalls", DefaultBracketCloseCalls),
      GuardTypes(Reader, "GuardTypes", DefaultGuardTypes),
      ConcurrentObjectTypes(Reader, "ConcurrentObjectTypes",
                            DefaultConcurrentObjectTypes),
      ValueTypes(Reader, "ValueTypes", DefaultValueTypes),
      StateChangingCalls(Reader, "StateChangingCalls",
                         DefaultStateChangingCalls),
      AcknowledgementCalls(Reader, "AcknowledgementCalls",
                           DefaultAcknowledgementCalls),
      StatementCalls(Reader, "StatementCalls", DefaultStatementCalls),
      WhenAllFunction(Reader.string("WhenAllFunction", "")),
      WhenAllHeader(Reader.string("WhenAllHeader", "")),
      WhenAllSettledFunction(Reader.string("WhenAllSettledFunction", "")),
      WhenAllSettledHeader(Reader.string("WhenAllSettledHeader", "")),
      SettledValueMethod(Reader.string("SettledValueMethod", "")),
      CustomTaskTypes(listOf(TaskTypes)), Barriers(listOf(BarrierAwaitables)),
      SideEffectFree(listOf(SideEffectFreeCalls)),
      Logging(listOf(LoggingFunctions)), BracketOpen(listOf(BracketOpenCalls)),
      BracketClose(listOf(BracketCloseCalls)), Guards(listOf(GuardTypes)),
      Concurrent(listOf(ConcurrentObjectTypes)), Values(listOf(ValueTypes)),
      StateChanging(listOf(StateChangingCalls)),
      Acknowledgements(listOf(AcknowledgementCalls)),
      Statements(listOf(StatementCalls)) {
  for (const FrameworkProfile &Profile : frameworkProfiles())
    Barriers.append(Profile.Barriers);
}

void SharedOptions::store(const ClangTidyCheck::OptionsView &Options,
                          ClangTidyOptions::OptionMap &Opts) const {
  storeBoolOption(Options, Opts, "SameObjectIsDependent",
                  SameObjectIsDependent);
  storeBoolOption(Options, Opts, "OrderingSteps", OrderingSteps);
  storeBoolOption(Options, Opts, "ConditionalAwaits", ConditionalAwaits);
  storeBoolOption(Options, Opts, "PerItemChains", PerItemChains);
  storeBoolOption(Options, Opts, "GuardedReads", GuardedReads);
  storeBoolOption(Options, Opts, "Brackets", Brackets);
  storeBoolOption(Options, Opts, "DatabaseStatements", DatabaseStatements);
  storeBoolOption(Options, Opts, "AnalyzeCalleeBodies", AnalyzeCalleeBodies);
  Options.store(Opts, "CalleeDepth", CalleeDepth);
  storeBoolOption(Options, Opts, "ReportUnknownTaskTypes",
                  ReportUnknownTaskTypes);
  for (const ListOption *List :
       {&TaskTypes, &BarrierAwaitables, &SideEffectFreeCalls, &LoggingFunctions,
        &BracketOpenCalls, &BracketCloseCalls, &GuardTypes,
        &ConcurrentObjectTypes, &ValueTypes, &StateChangingCalls,
        &AcknowledgementCalls, &StatementCalls})
    List->store(Options, Opts);
  Options.store(Opts, "WhenAllFunction", WhenAllFunction);
  Options.store(Opts, "WhenAllHeader", WhenAllHeader);
  Options.store(Opts, "WhenAllSettledFunction", WhenAllSettledFunction);
  Options.store(Opts, "WhenAllSettledHeader", WhenAllSettledHeader);
  Options.store(Opts, "SettledValueMethod", SettledValueMethod);
}

std::optional<Combiner> SharedOptions::combinerFor(Framework Library) const {
  if (!WhenAllFunction.empty()) {
    Combiner C;
    C.Function = WhenAllFunction;
    C.Header = WhenAllHeader;
    C.DisplayName = "'" + C.Function + "'";
    return C;
  }
  const FrameworkProfile *Profile = profileOf(Library);
  if (!Profile || !Profile->WhenAll)
    return std::nullopt;
  Combiner C = *Profile->WhenAll;
  if (!WhenAllHeader.empty())
    C.Header = WhenAllHeader;
  return C;
}

std::optional<RangeCombiner>
SharedOptions::rangeCombinerFor(Framework Library) const {
  if (!WhenAllFunction.empty()) {
    RangeCombiner C;
    C.Function = WhenAllFunction;
    C.Header = WhenAllHeader;
    C.DisplayName = "'" + C.Function + "'";
    return C;
  }
  const FrameworkProfile *Profile = profileOf(Library);
  if (!Profile || !Profile->RangeWhenAll)
    return std::nullopt;
  RangeCombiner C = *Profile->RangeWhenAll;
  if (!WhenAllHeader.empty())
    C.Header = WhenAllHeader;
  return C;
}

std::optional<SettledCombiner>
SharedOptions::settledCombinerFor(Framework Library) const {
  std::optional<SettledCombiner> C;
  if (const FrameworkProfile *Profile = profileOf(Library))
    C = Profile->Settled;
  if (!WhenAllSettledFunction.empty()) {
    if (!C)
      C.emplace();
    C->Function = WhenAllSettledFunction;
    C->Header = WhenAllSettledHeader;
    C->DisplayName = "'" + WhenAllSettledFunction + "'";
    C->TakesRange = false; // not known for a function the user names
  } else if (C && !WhenAllSettledHeader.empty()) {
    C->Header = WhenAllSettledHeader;
  }
  if (C && !SettledValueMethod.empty())
    C->ValueMethod = SettledValueMethod;
  if (C && C->ValueMethod.empty())
    return std::nullopt;
  return C;
}

} // namespace clang::tidy::async::analysis
