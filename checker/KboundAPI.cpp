//===- KboundAPI.cpp - the API table built from KboundAPI.def -------------===//

#include "KboundAPI.h"
#include "FactsDB.h"
#include "KboundCompat.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "llvm/ADT/StringMap.h"

#include <optional>

using namespace clang;
using namespace kbound;
using namespace kbound::api;

namespace {

enum class Match : unsigned char { Prefix, Suffix, Contains };

struct Pattern {
  Match M;
  llvm::StringRef Text, Unless;
  Entry E;
};

struct Table {
  llvm::StringMap<Entry> Exact;
  std::vector<Pattern> Patterns;

  Table() {
#define KBOUND_FUNC(Name, Fam, R, Arg, Args, OnFail)                           \
  Exact[#Name] = Entry{#Name,  Family::Fam, Role::R, Arg,                      \
                       Args,   Fail::OnFail};
#define KBOUND_PATTERN(M, Text, Unless, Fam, R, OnFail)                        \
  Patterns.push_back(Pattern{Match::M, Text, Unless,                           \
                             Entry{Text, Family::Fam, Role::R, 0, -1,          \
                                   Fail::OnFail}});
#include "KboundAPI.def"
  }

  const Entry *find(llvm::StringRef N) const {
    auto It = Exact.find(N);
    if (It != Exact.end())
      return &It->second;
    for (const Pattern &P : Patterns) {
      bool Hit = P.M == Match::Prefix   ? compat::startsWith(N, P.Text)
                 : P.M == Match::Suffix ? compat::endsWith(N, P.Text)
                                        : N.contains(P.Text);
      if (Hit && (P.Unless.empty() || !N.contains(P.Unless)))
        return &P.E;
    }
    return nullptr;
  }
};

// One table per process: clang -cc1 analyzes one translation unit, and the
// user rows come from that run's options.
Table &table() {
  static Table T;
  return T;
}

// The call has the row's argument count, and at least the object argument
// (a user's row may claim more arguments than the function has).
bool argsMatch(const Entry &E, unsigned N) {
  return (E.Args < 0 || static_cast<unsigned>(E.Args) == N) &&
         (E.Arg < 0 || static_cast<unsigned>(E.Arg) < N);
}

} // namespace

llvm::StringRef api::roleName(Role R) {
  switch (R) {
#define KBOUND_ROLE_NAME(X)                                                    \
  case Role::X:                                                                \
    return #X;
    KBOUND_ROLES(KBOUND_ROLE_NAME)
#undef KBOUND_ROLE_NAME
  }
  return "Unknown";
}

llvm::StringRef api::familyName(Family F) {
  switch (F) {
#define KBOUND_FAMILY_NAME(X)                                                  \
  case Family::X:                                                              \
    return #X;
    KBOUND_FAMILIES(KBOUND_FAMILY_NAME)
#undef KBOUND_FAMILY_NAME
  }
  return "Kernel";
}

const Entry *api::lookup(llvm::StringRef Name) {
  if (Name.empty())
    return nullptr;
  return table().find(Name);
}

const Entry *api::lookup(const ento::CallEvent &Call) {
  if (!Call.isGlobalCFunction())
    return nullptr;
  const IdentifierInfo *II = Call.getCalleeIdentifier();
  if (!II)
    return nullptr;
  const Entry *E = lookup(II->getName());
  if (E && E->FromFacts)
    if (const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl()))
      if (FD->hasBody())
        return nullptr;
  return E && argsMatch(*E, Call.getNumArgs()) ? E : nullptr;
}

const Entry *api::lookup(const CallExpr *CE) {
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier())
    return nullptr;
  const Entry *E = lookup(FD->getName());
  if (E && E->FromFacts && FD->hasBody())
    return nullptr;
  return E && argsMatch(*E, CE->getNumArgs()) ? E : nullptr;
}

Role api::roleOf(const ento::CallEvent &Call) {
  const Entry *E = lookup(Call);
  return E ? E->R : Role::Unknown;
}

Role api::roleOf(const CallExpr *CE) {
  const Entry *E = lookup(CE);
  return E ? E->R : Role::Unknown;
}

llvm::StringRef api::nameFor(Family F, Role R) {
#define KBOUND_FUNC(Name, Fam, Rl, Arg, Args, OnFail)                          \
  if (F == Family::Fam && R == Role::Rl)                                       \
    return #Name;
#include "KboundAPI.def"
  return "";
}

std::vector<const Entry *> api::withRole(Role R) {
  std::vector<const Entry *> Out;
  for (const auto &KV : table().Exact)
    if (KV.second.R == R)
      Out.push_back(&KV.second);
  return Out;
}

llvm::StringRef api::recordName(RecordKind K) {
  switch (K) {
#define KBOUND_RECORD(Name, Fam, Kind)                                         \
  case RecordKind::Kind:                                                       \
    return #Name;
#include "KboundAPI.def"
  }
  return "";
}

bool api::isRecord(const RecordDecl *RD, RecordKind K) {
  return RD && RD->getIdentifier() && RD->getName() == recordName(K);
}

MemberKind api::memberKind(llvm::StringRef Name) {
#define KBOUND_MEMBER(N, Kind)                                                 \
  if (Name == #N)                                                              \
    return MemberKind::Kind;
#include "KboundAPI.def"
  return MemberKind::None;
}

MemberKind api::memberKind(const FieldDecl *FD) {
  return FD && FD->getIdentifier() ? memberKind(FD->getName())
                                   : MemberKind::None;
}

static Role parseRole(llvm::StringRef S) {
#define KBOUND_ROLE_PARSE(X)                                                   \
  if (S == #X)                                                                 \
    return Role::X;
  KBOUND_ROLES(KBOUND_ROLE_PARSE)
#undef KBOUND_ROLE_PARSE
  return Role::Unknown;
}

static void addUserRow(llvm::StringRef Name, Role R, int Arg) {
  // A user row describes a driver's own wrapper: it keeps the family and
  // failure convention of the API function it wraps.
  Family F = Family::RegData;
  Fail OnFail = Fail::None;
  for (const Entry *Like : withRole(R))
    if (!Like->User) {
      F = Like->Fam;
      OnFail = Like->OnFail;
      break;
    }
  Entry E{Name.str(), F, R, Arg, -1, OnFail};
  E.User = true;
  table().Exact[Name] = E;
}

void api::addFactsRow(llvm::StringRef Name, llvm::StringRef FamilyText,
                      llvm::StringRef RoleText, int Arg,
                      llvm::StringRef Path, llvm::StringRef FailText) {
  Role R = parseRole(RoleText);
  std::optional<Family> F;
#define KBOUND_FAMILY_PARSE(X)                                                 \
  if (FamilyText == #X)                                                        \
    F = Family::X;
  KBOUND_FAMILIES(KBOUND_FAMILY_PARSE)
#undef KBOUND_FAMILY_PARSE
  // Only the device families the lifetime model follows become rows.
  if (Name.empty() || R == Role::Unknown || !F || !isModeledFamily(*F) ||
      Arg < -1 || table().find(Name))
    return;
  Entry E{Name.str(), *F, R, Arg, -1,
          FailText == "Int"      ? Fail::Int
          : FailText == "ErrPtr" ? Fail::ErrPtr
          : FailText == "Null"   ? Fail::Null
          : FailText == "IntPut" ? Fail::IntPut
                                 : Fail::None};
  E.FromFacts = true;
  E.Path = Path.str();
  table().Exact[Name] = E;
}

void api::loadUserRows(ento::CheckerManager &Mgr) {
  static bool Loaded = false;
  if (Loaded)
    return;
  Loaded = true;
  facts::load(Mgr);
  const AnalyzerOptions &Opts = Mgr.getAnalyzerOptions();
  // clang splits -analyzer-config values at commas before a checker sees
  // them, so a list is separated by ';' or spaces (',' still works where the
  // value reaches us whole).
  auto Items = [&](llvm::StringRef Option) {
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef Rest = Opts.getCheckerStringOption(PackageName, Option);
    while (!Rest.empty()) {
      size_t End = Rest.find_first_of(";, ");
      if (End != 0)
        Parts.push_back(Rest.take_front(End));
      Rest = End == llvm::StringRef::npos ? "" : Rest.drop_front(End + 1);
    }
    return Parts;
  };
  for (llvm::StringRef N : Items("ExtraCreateFunctions"))
    addUserRow(N, Role::RegNew, -1);
  for (llvm::StringRef N : Items("ExtraDropFunctions"))
    addUserRow(N, Role::RegDrop, 0);
  std::string Bad;
  for (llvm::StringRef Item : Items("ExtraFunctions")) {
    auto [Name, Spec] = Item.split(':');
    auto [RoleText, ArgText] = Spec.split(':');
    Role R = parseRole(RoleText.trim());
    int Arg = R == Role::RegNew || R == Role::RegNewManaged ||
                      R == Role::Create || R == Role::CreateManaged ||
                      R == Role::Alloc
                  ? -1
                  : 0;
    if (Name.trim().empty() || R == Role::Unknown ||
        (!ArgText.empty() && ArgText.trim().getAsInteger(10, Arg)) ||
        Arg < -1) {
      Bad += (Bad.empty() ? "" : ", ") + Item.str();
      continue;
    }
    addUserRow(Name.trim(), R, Arg);
  }
  if (Bad.empty())
    return;
  DiagnosticsEngine &Diags = Mgr.getASTContext().getDiagnostics();
  Diags.Report(Diags.getCustomDiagID(
      DiagnosticsEngine::Error,
      "kbound:ExtraFunctions: cannot read '%0'; write name:Role or "
      "name:Role:Arg, with Role one of kbound's API roles (e.g. Init, Add, "
      "Del, Put, RegNew, RegDrop, Free)"))
      << Bad;
}
