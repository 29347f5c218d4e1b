//===- TypeTagChecker.cpp - kbound.TypeTag: TM1, TM3, TM4, TM5 ------------===//
//
// Registration data is stored behind a tag (the C TypeId; see
// docs/registration-api.md).
// Along each path this checker remembers
//   registration symbol -> tag it was created with,
//   auxiliary device symbol -> registration (auxiliary_registration_device),
//   data pointer symbol -> tag it was fetched with, and whether IS_ERR() has
//                          looked at it yet,
// and reports
//   TM1  a fetch with a tag other than the registration's,
//   TM3  `data` at creation pointing to a type other than the tag's,
//   TM4  the fetched pointer converted to a pointer to another type,
//   TM5  the fetched pointer dereferenced before any IS_ERR() check.
// At the end of each file, TagFieldScan adds TM1 across callbacks: a
// registration kept in a struct field by one function and fetched from it by
// another, and TM2 across files from the facts database (docs/facts-db.md):
// the auxiliary driver fetches with a tag that the other file's creation of
// the device name its id table binds to does not use. Without the database
// TM2 is the Coccinelle rule's job.
//
//===----------------------------------------------------------------------===//

#include "DriverIndex.h"
#include "FactsDB.h"
#include "KboundAPI.h"
#include "KboundCheckers.h"
#include "KboundCompat.h"
#include "TagFieldScan.h"
#include "TagResolver.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;
using namespace ento;
using namespace kbound;
using namespace kbound::tag;

namespace {

/// An auxiliary device taken from a registration we know the tag of.
struct DevInfo {
  SymbolRef Reg;
  const VarDecl *Tag;
  bool operator==(const DevInfo &O) const {
    return Reg == O.Reg && Tag == O.Tag;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Reg);
    ID.AddPointer(Tag);
  }
};

/// A pointer returned by auxiliary_registration_data().
struct DataInfo {
  const VarDecl *Tag; // null when the tag argument was not a known variable
  bool Checked;       // IS_ERR() & co. saw it, or it escaped to unknown code
  bool operator==(const DataInfo &O) const {
    return Tag == O.Tag && Checked == O.Checked;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(Tag);
    ID.AddBoolean(Checked);
  }
};

} // namespace

REGISTER_MAP_WITH_PROGRAMSTATE(RegTagMap, SymbolRef, const VarDecl *)
REGISTER_MAP_WITH_PROGRAMSTATE(DevTagMap, SymbolRef, DevInfo)
REGISTER_MAP_WITH_PROGRAMSTATE(DataTagMap, SymbolRef, DataInfo)

namespace {

class TypeTagChecker
    : public Checker<check::PreCall, check::PostCall, check::Location,
                     check::PostStmt<CastExpr>, check::DeadSymbols,
                     check::PointerEscape, check::ConstPointerEscape,
                     check::EndOfTranslationUnit> {
  bool isOurs(const BugType &BT) const { return Checks.owns(BT); }

  void checkCreation(const CallEvent &Call, CheckerContext &C) const;
  ExplodedNode *reportTM1(const CallEvent &Call, const DevInfo &Dev,
                          SymbolRef DevSym, const VarDecl *Fetch,
                          CheckerContext &C) const;

public:
  CheckSet Checks;

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  void checkLocation(SVal Loc, bool IsLoad, const Stmt *S,
                     CheckerContext &C) const;
  void checkPostStmt(const CastExpr *CE, CheckerContext &C) const;
  void checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const;
  ProgramStateRef checkPointerEscape(ProgramStateRef State,
                                     const InvalidatedSymbols &Escaped,
                                     const CallEvent *Call,
                                     PointerEscapeKind Kind) const;
  void checkEndOfTranslationUnit(const TranslationUnitDecl *TU,
                                 AnalysisManager &Mgr, BugReporter &BR) const;
  ProgramStateRef checkConstPointerEscape(ProgramStateRef State,
                                          const InvalidatedSymbols &Escaped,
                                          const CallEvent *Call,
                                          PointerEscapeKind Kind) const {
    return checkPointerEscape(State, Escaped, Call, Kind);
  }
};

} // namespace

/// The symbol a pointer value is based on, when it points to the very start
/// of a symbolic region (casts between pointer types keep it).
static SymbolRef pointerSymbol(SVal V) {
  if (const MemRegion *R = V.getAsRegion()) {
    if (const auto *SR = dyn_cast<SymbolicRegion>(R->StripCasts()))
      return SR->getSymbol();
    return nullptr;
  }
  return V.getAsSymbol();
}

/// What the `data` argument points to: the static type, looking through
/// casts to void/char pointers (`(void *)&foo` is a struct foo), else the
/// type of the memory region the value points to along the path.
static QualType dataPointee(const Expr *E, SVal V, ASTContext &Ctx) {
  if (E) {
    const Expr *Cur = E->IgnoreParens();
    while (const auto *CE = dyn_cast<CastExpr>(Cur)) {
      QualType T = CE->getType();
      // A cast to a typed pointer is the programmer's claim: stop there.
      if (T->isPointerType() && !isOpaquePointee(T->getPointeeType()))
        break;
      Cur = CE->getSubExpr()->IgnoreParens();
    }
    QualType T = Cur->getType();
    QualType P;
    if (T->isPointerType())
      P = T->getPointeeType();
    else if (T->isArrayType())
      P = T;
    if (!P.isNull()) {
      QualType Elem = P;
      if (const ArrayType *AT = Ctx.getAsArrayType(P))
        Elem = Ctx.getBaseElementType(AT);
      if (!isOpaquePointee(Elem))
        return P;
    }
  }
  if (const MemRegion *R = V.getAsRegion()) {
    R = R->StripCasts();
    if (const auto *TR = dyn_cast<TypedValueRegion>(R)) {
      QualType P = TR->getValueType();
      QualType Elem = P;
      if (const ArrayType *AT = Ctx.getAsArrayType(P))
        Elem = Ctx.getBaseElementType(AT);
      if (!isOpaquePointee(Elem))
        return P;
    }
  }
  return QualType();
}

/// The size of the object \p V points to, when it is a variable, a field or
/// (the start of) an array whose type we know; pointer parameters and heap
/// memory have no known extent here.
static std::optional<CharUnits> knownExtent(SVal V, ASTContext &Ctx) {
  const MemRegion *R = V.getAsRegion();
  if (!R)
    return std::nullopt;
  R = R->StripCasts();
  if (const auto *ER = dyn_cast<ElementRegion>(R)) {
    const auto *Super = dyn_cast<TypedValueRegion>(ER->getSuperRegion());
    if (!Super || !Super->getValueType()->isConstantArrayType())
      return std::nullopt;
    R = Super;
  }
  const auto *TR = dyn_cast<TypedValueRegion>(R);
  if (!TR || !isa<VarRegion, FieldRegion>(TR))
    return std::nullopt;
  QualType T = TR->getValueType();
  if (T->isIncompleteType() || T->isDependentType())
    return std::nullopt;
  return Ctx.getTypeSizeInChars(T);
}

static bool isCreation(const CallEvent &Call) {
  // The tag and data arguments are where the API has them (a user's
  // wrapper with another signature is tracked for lifetimes only).
  return api::isRegCreate(api::roleOf(Call)) && Call.getNumArgs() == 6;
}

static bool isKnownErrPtr(SymbolRef Sym, ProgramStateRef State,
                          CheckerContext &C);

static bool isErrCheck(const CallEvent &Call) {
  api::Role R = api::roleOf(Call);
  return api::isErrInspect(R) || R == api::Role::ErrCast;
}

// Logging a pointer (dev_info(..., "%p", p)) does not check it.
static bool isLogCall(const CallEvent &Call) {
  return api::roleOf(Call) == api::Role::Logging;
}

void TypeTagChecker::checkPreCall(const CallEvent &Call,
                                  CheckerContext &C) const {
  if (isCreation(Call))
    checkCreation(Call, C);
}

// TM3: the creation copies sizeof(tag type) bytes from `data`.
void TypeTagChecker::checkCreation(const CallEvent &Call,
                                   CheckerContext &C) const {
  const VarDecl *TagVD = tagDeclFromArg(Call.getArgSVal(4), Call.getArgExpr(4));
  ResolvedTag Tag = resolveTag(TagVD);
  if (!Tag.resolved())
    return;
  ASTContext &Ctx = C.getASTContext();
  QualType P = dataPointee(Call.getArgExpr(5), Call.getArgSVal(5), Ctx);
  if (P.isNull() || pointeeCompatible(Ctx, P, Tag.Type))
    return;
  // A raw integer buffer is a deliberate byte view of the tag's type, unless
  // it is a variable or array we can see that is smaller than what the
  // creation copies out of it.
  if (isRawIntegerView(Ctx, P, Tag.Type)) {
    std::optional<CharUnits> Have = knownExtent(Call.getArgSVal(5), Ctx);
    if (!Have || Tag.Type->isIncompleteType() ||
        *Have >= Ctx.getTypeSizeInChars(Tag.Type))
      return;
  }
  if (!Checks.on(CheckID::TM3))
    return;
  ExplodedNode *N = C.generateNonFatalErrorNode();
  if (!N)
    return;
  std::string PT = P.getUnqualifiedType().getAsString();
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  std::string Fn = FD ? FD->getName().str() : "auxiliary_registration_new";
  std::string Msg = "[TM3] data for tag " + describeTag(Tag) + " points to '" +
                    PT + "', but " + Fn + "() copies sizeof(" + Tag.TypeName +
                    ") bytes from it as a " + Tag.TypeName +
                    "; pass a pointer to a " + Tag.TypeName +
                    ", or define a tag for " + PT + " and use it";
  auto R = std::make_unique<PathSensitiveBugReport>(*Checks.get(CheckID::TM3),
                                                   Msg, N);
  R->addRange(Call.getArgSourceRange(5));
  C.emitReport(std::move(R));
}

ExplodedNode *TypeTagChecker::reportTM1(const CallEvent &Call,
                                        const DevInfo &Dev, SymbolRef DevSym,
                                        const VarDecl *Fetch,
                                        CheckerContext &C) const {
  if (!Checks.on(CheckID::TM1))
    return nullptr;
  ExplodedNode *N = C.generateNonFatalErrorNode();
  if (!N)
    return nullptr;
  ResolvedTag Created = resolveTag(Dev.Tag);
  ResolvedTag Fetched = resolveTag(Fetch);
  std::string Msg =
      "[TM1] registration data fetched with tag " + describeTag(Fetched) +
      " but the registration was created with " + describeTag(Created) +
      "; the fetch returns ERR_PTR(-EINVAL): fetch with &" +
      Dev.Tag->getName().str();
  auto R = std::make_unique<PathSensitiveBugReport>(*Checks.get(CheckID::TM1),
                                                   Msg, N);
  R->addRange(Call.getArgSourceRange(1));
  R->markInteresting(Dev.Reg);
  R->markInteresting(DevSym);
  C.emitReport(std::move(R));
  return N;
}

void TypeTagChecker::checkPostCall(const CallEvent &Call,
                                   CheckerContext &C) const {
  ProgramStateRef State = C.getState();

  if (isCreation(Call)) {
    const VarDecl *Tag = tagDeclFromArg(Call.getArgSVal(4), Call.getArgExpr(4));
    SymbolRef Reg = Call.getReturnValue().getAsSymbol();
    if (!Tag || !Reg)
      return;
    State = State->set<RegTagMap>(Reg, Tag);
    std::string Note =
        "Registration created with tag " + describeTag(resolveTag(Tag));
    const NoteTag *NT = C.getNoteTag(
        [this, Reg, Note](PathSensitiveBugReport &BR) -> std::string {
          if (!isOurs(BR.getBugType()) || !BR.isInteresting(Reg))
            return "";
          return Note;
        });
    C.addTransition(State, NT);
    return;
  }

  if (api::roleOf(Call) == api::Role::RegDevice) {
    SymbolRef Reg = pointerSymbol(Call.getArgSVal(0));
    SymbolRef Dev = Call.getReturnValue().getAsSymbol();
    if (!Reg || !Dev)
      return;
    const VarDecl *const *Tag = State->get<RegTagMap>(Reg);
    if (!Tag)
      return;
    State = State->set<DevTagMap>(Dev, DevInfo{Reg, *Tag});
    const NoteTag *NT =
        C.getNoteTag([this, Dev](PathSensitiveBugReport &BR) -> std::string {
          if (!isOurs(BR.getBugType()) || !BR.isInteresting(Dev))
            return "";
          return "Auxiliary device of that registration";
        });
    C.addTransition(State, NT);
    return;
  }

  if (api::roleOf(Call) == api::Role::RegData) {
    const VarDecl *Tag = tagDeclFromArg(Call.getArgSVal(1), Call.getArgExpr(1));
    // Chain the data-tracking transition after a TM1 report's node so the
    // path does not fork.
    ExplodedNode *Pred = C.getPredecessor();
    if (SymbolRef DevSym = pointerSymbol(Call.getArgSVal(0)))
      if (const DevInfo *Dev = State->get<DevTagMap>(DevSym))
        if (Tag && Dev->Tag != Tag)
          if (ExplodedNode *N = reportTM1(Call, *Dev, DevSym, Tag, C))
            Pred = N;
    SymbolRef Data = Call.getReturnValue().getAsSymbol();
    if (!Data)
      return;
    State = State->set<DataTagMap>(Data, DataInfo{Tag, false});
    std::string Note = "Registration data fetched";
    if (Tag)
      Note += " with tag " + describeTag(resolveTag(Tag));
    Note += "; it is an ERR_PTR() if the tag does not match or the device "
            "has no data";
    const NoteTag *NT = C.getNoteTag(
        [this, Data, Note](PathSensitiveBugReport &BR) -> std::string {
          if ((&BR.getBugType() != Checks.get(CheckID::TM4) &&
               &BR.getBugType() != Checks.get(CheckID::TM5)) ||
              !BR.isInteresting(Data))
            return "";
          return Note;
        });
    C.addTransition(State, Pred, NT);
    return;
  }

  // IS_ERR() and friends look at the pointer: from here on it is checked
  // (the error branch normally returns; what it does there is not TM5's).
  if (isErrCheck(Call)) {
    SymbolRef Sym = pointerSymbol(Call.getArgSVal(0));
    if (!Sym)
      return;
    const DataInfo *DI = State->get<DataTagMap>(Sym);
    if (!DI)
      return;
    // PTR_ERR_OR_ZERO() of an ERR_PTR is non-zero: the inline body's cast
    // of the pointer to long loses that, and the impossible "0" branch
    // would then dereference the error pointer.
    if (api::roleOf(Call) == api::Role::PtrErrOrZero &&
        isKnownErrPtr(Sym, State, C)) {
      if (auto RV = Call.getReturnValue().getAs<DefinedOrUnknownSVal>()) {
        ProgramStateRef NonZero = State->assume(*RV, true);
        if (!NonZero) {
          C.generateSink(State, C.getPredecessor());
          return;
        }
        if (NonZero != State) {
          C.addTransition(NonZero);
          return;
        }
      }
      return;
    }
    if (DI->Checked)
      return;
    C.addTransition(State->set<DataTagMap>(Sym, DataInfo{DI->Tag, true}));
  }
}

/// Is \p Sym an ERR_PTR on every execution of this path? True on the branch
/// where the inline IS_ERR() body compared it and found an error pointer.
static bool isKnownErrPtr(SymbolRef Sym, ProgramStateRef State,
                          CheckerContext &C) {
  QualType T = Sym->getType();
  if (!Loc::isLocType(T) && !T->isIntegerType())
    return false;
  SValBuilder &SVB = C.getSValBuilder();
  BasicValueFactory &BVF = SVB.getBasicValueFactory();
  unsigned Width = C.getASTContext().getTypeSize(T);
  llvm::APSInt Min(llvm::APInt(Width, -4095, /*isSigned=*/true),
                   /*isUnsigned=*/true);
  NonLoc Cond = SVB.makeNonLoc(Sym, BO_GE, BVF.getValue(Min),
                               SVB.getConditionType());
  auto [IsErr, NotErr] = State->assume(Cond);
  return IsErr && !NotErr;
}

// TM5: a load or store through the fetched pointer before IS_ERR(), or on
// the branch where IS_ERR() said it is an error pointer (the check logged
// and fell through instead of returning).
void TypeTagChecker::checkLocation(SVal Loc, bool IsLoad, const Stmt *S,
                                   CheckerContext &C) const {
  const MemRegion *R = Loc.getAsRegion();
  if (!R)
    return;
  const auto *SR = dyn_cast<SymbolicRegion>(R->getBaseRegion());
  if (!SR)
    return;
  SymbolRef Sym = SR->getSymbol();
  ProgramStateRef State = C.getState();
  const DataInfo *DI = State->get<DataTagMap>(Sym);
  if (!DI || (DI->Checked && !isKnownErrPtr(Sym, State, C)))
    return;
  // Report once per path (on the error branch: stop tracking it at all).
  State = DI->Checked ? State->remove<DataTagMap>(Sym)
                      : State->set<DataTagMap>(Sym, DataInfo{DI->Tag, true});
  if (!Checks.on(CheckID::TM5)) {
    C.addTransition(State);
    return;
  }
  ExplodedNode *N = C.generateNonFatalErrorNode(State);
  if (!N)
    return;
  std::string Msg =
      "[TM5] registration data from auxiliary_registration_data() is "
      "dereferenced without an IS_ERR() check; it is ERR_PTR(-EINVAL) on a "
      "tag mismatch and ERR_PTR(-ENOENT) when the device has no data (a NULL "
      "check catches neither): check IS_ERR() and return PTR_ERR() first";
  auto Rep = std::make_unique<PathSensitiveBugReport>(
      *Checks.get(CheckID::TM5), Msg, N);
  if (S)
    Rep->addRange(S->getSourceRange());
  Rep->markInteresting(Sym);
  C.emitReport(std::move(Rep));
}

// TM4: the fetched pointer converted (implicitly on assignment or by an
// explicit cast) to a pointer to a type other than the tag's.
void TypeTagChecker::checkPostStmt(const CastExpr *CE,
                                   CheckerContext &C) const {
  // An open-coded IS_ERR_VALUE((unsigned long)p) looks at the value as a
  // number: count it as a check for TM5.
  if (CE->getCastKind() == CK_PointerToIntegral) {
    SymbolRef Sym = pointerSymbol(C.getSVal(CE->getSubExpr()));
    if (!Sym)
      return;
    ProgramStateRef State = C.getState();
    const DataInfo *DI = State->get<DataTagMap>(Sym);
    if (DI && !DI->Checked)
      C.addTransition(State->set<DataTagMap>(Sym, DataInfo{DI->Tag, true}));
    return;
  }
  if (CE->getCastKind() != CK_BitCast)
    return;
  QualType To = CE->getType();
  if (!To->isPointerType() || isOpaquePointee(To->getPointeeType()))
    return;
  SymbolRef Sym = pointerSymbol(C.getSVal(CE->getSubExpr()));
  if (!Sym)
    return;
  const DataInfo *DI = C.getState()->get<DataTagMap>(Sym);
  if (!DI || !DI->Tag)
    return;
  ResolvedTag Tag = resolveTag(DI->Tag);
  if (!Tag.resolved())
    return;
  ASTContext &Ctx = C.getASTContext();
  QualType P = To->getPointeeType();
  if (pointeeCompatible(Ctx, Tag.Type, P) || isRawIntegerView(Ctx, P, Tag.Type))
    return;
  if (!Checks.on(CheckID::TM4))
    return;
  ExplodedNode *N = C.generateNonFatalErrorNode();
  if (!N)
    return;
  std::string PT = P.getUnqualifiedType().getAsString();
  std::string Msg = "[TM4] registration data fetched with tag " +
                    describeTag(Tag) + " is used as '" + PT +
                    " *'; use it as '" + Tag.TypeName +
                    " *', or fetch with the tag " + PT + " was registered with";
  auto R = std::make_unique<PathSensitiveBugReport>(*Checks.get(CheckID::TM4),
                                                   Msg, N);
  R->addRange(CE->getSourceRange());
  R->markInteresting(Sym);
  C.emitReport(std::move(R));
}

// TM1 across the callbacks of one file: the registration kept in a struct
// field by one function and fetched from it by another.
/// TM2 from the facts database: an auxiliary driver of this file whose id
/// table names only devices that other files create (none here), every one
/// of them known to the database, fetches with a tag none of those
/// creations use. Tags are objects: two files' tags are one when they are
/// the same external symbol.
static void reportCrossFileTags(const TranslationUnitDecl *TU,
                                const BugType &BT, AnalysisManager &Mgr,
                                BugReporter &BR) {
  std::vector<tag::NamedCreation> Local;
  tag::scanCreations(TU, Local);
  const SourceManager &SM = Mgr.getSourceManager();
  for (const DriverInfo &Drv : findDrivers(TU)) {
    if (!api::isRecord(Drv.Type, api::RecordKind::AuxDriver))
      continue;
    std::vector<std::string> Names = tag::idTableNames(Drv);
    std::vector<std::pair<std::string, const facts::Creation *>> Known;
    bool AllKnown = !Names.empty();
    for (const std::string &N : Names) {
      bool Here = llvm::any_of(Local, [&](const tag::NamedCreation &C) {
        return C.DevName == N;
      });
      const std::vector<facts::Creation> &Cs = facts::creationsOf(N);
      if (Here || Cs.empty()) {
        AllKnown = false; // TM1's (this file), or a parent we do not know
        break;
      }
      for (const facts::Creation &C : Cs)
        Known.push_back({N, &C});
    }
    if (!AllKnown)
      continue;
    for (const tag::DriverFetch &F : tag::driverFetches(Drv)) {
      if (!F.Tag->getIdentifier())
        continue;
      bool External = F.Tag->hasExternalFormalLinkage();
      if (llvm::any_of(Known, [&](const auto &K) {
            return External && K.second->External &&
                   K.second->Tag == F.Tag->getName();
          }))
        continue;
      const auto &[Name, C] = Known.front();
      tag::ResolvedTag Fetched = tag::resolveTag(F.Tag);
      std::string Created = "'" + C->Tag + "'" +
                            (C->TagType.empty() ? "" : " (" + C->TagType + ")");
      std::string Msg =
          "[TM2] registration data fetched with tag " +
          tag::describeTag(Fetched) + " by the driver of '" + Name +
          "', which " + C->File + ":" + std::to_string(C->Line) +
          " creates with tag " + Created +
          (C->Tag == F.Tag->getName()
               ? " (another object: a tag of internal linkage)"
               : "") +
          "; the fetch returns ERR_PTR(-EINVAL): fetch with that file's &" +
          C->Tag;
      auto R = std::make_unique<BasicBugReport>(
          BT, Msg,
          PathDiagnosticLocation::createBegin(
              F.Fetch, SM, Mgr.getAnalysisDeclContext(F.Fn)));
      R->addRange(F.Fetch->getArg(1)->getSourceRange());
      BR.emitReport(std::move(R));
    }
  }
}

void TypeTagChecker::checkEndOfTranslationUnit(const TranslationUnitDecl *TU,
                                               AnalysisManager &Mgr,
                                               BugReporter &BR) const {
  if (Checks.on(CheckID::TM2))
    reportCrossFileTags(TU, *Checks.get(CheckID::TM2), Mgr, BR);
  if (!Checks.on(CheckID::TM1))
    return;
  const BugType &BT_TM1 = *Checks.get(CheckID::TM1);
  const SourceManager &SM = Mgr.getSourceManager();
  for (const FieldTagMismatch &M : scanFieldTags(TU)) {
    ResolvedTag Created = resolveTag(M.CreateTag);
    ResolvedTag Fetched = resolveTag(M.FetchTag);
    std::string Field = M.Field->getName().str();
    std::string Msg = "[TM1] registration data fetched with tag " +
                      describeTag(Fetched) + " from the registration in '" +
                      Field + "', which is created with " +
                      describeTag(Created) +
                      "; the fetch returns ERR_PTR(-EINVAL): fetch with &" +
                      M.CreateTag->getName().str();
    auto R = std::make_unique<BasicBugReport>(
        BT_TM1, Msg,
        PathDiagnosticLocation::createBegin(
            M.Fetch, SM, Mgr.getAnalysisDeclContext(M.FetchFn)));
    R->addRange(M.Fetch->getArg(1)->getSourceRange());
    R->addNote("Registration stored in '" + Field + "' is created with tag " +
                   describeTag(Created) + " here",
               PathDiagnosticLocation::createBegin(
                   M.Create, SM, Mgr.getAnalysisDeclContext(M.CreateFn)));
    BR.emitReport(std::move(R));
  }
  for (const NameTagMismatch &M : scanNameTags(TU)) {
    ResolvedTag Created = resolveTag(M.CreateTag);
    ResolvedTag Fetched = resolveTag(M.FetchTag);
    if (!Created.resolved() || !Fetched.resolved())
      continue;
    std::string Msg = "[TM1] registration data fetched with tag " +
                      describeTag(Fetched) + " by the driver of '" +
                      M.DevName + "', which this file only creates with " +
                      describeTag(Created) +
                      "; the fetch returns ERR_PTR(-EINVAL): fetch with &" +
                      M.CreateTag->getName().str();
    auto R = std::make_unique<BasicBugReport>(
        BT_TM1, Msg,
        PathDiagnosticLocation::createBegin(
            M.Fetch, SM, Mgr.getAnalysisDeclContext(M.FetchFn)));
    R->addRange(M.Fetch->getArg(1)->getSourceRange());
    R->addNote("'" + M.DevName + "' is created with tag " +
                   describeTag(Created) + " here",
               PathDiagnosticLocation::createBegin(
                   M.Create, SM, Mgr.getAnalysisDeclContext(M.CreateFn)));
    BR.emitReport(std::move(R));
  }
}

void TypeTagChecker::checkDeadSymbols(SymbolReaper &SR,
                                      CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  bool Changed = false;
  for (const auto &E : State->get<RegTagMap>())
    if (SR.isDead(E.first)) {
      State = State->remove<RegTagMap>(E.first);
      Changed = true;
    }
  for (const auto &E : State->get<DevTagMap>())
    if (SR.isDead(E.first)) {
      State = State->remove<DevTagMap>(E.first);
      Changed = true;
    }
  for (const auto &E : State->get<DataTagMap>())
    if (SR.isDead(E.first)) {
      State = State->remove<DataTagMap>(E.first);
      Changed = true;
    }
  if (Changed)
    C.addTransition(State);
}

// A pointer handed to code we cannot see (directly, or inside a struct that
// is passed) may be checked there: stop TM5 for it (keep the tag for TM4).
// Storing it into a struct field checks nothing, so binds do not count.
ProgramStateRef TypeTagChecker::checkPointerEscape(
    ProgramStateRef State, const InvalidatedSymbols &Escaped,
    const CallEvent *Call, PointerEscapeKind Kind) const {
  if (Kind == PSK_EscapeOnBind || (Call && isLogCall(*Call)))
    return State;
  for (SymbolRef Sym : Escaped) {
    const DataInfo *DI = State->get<DataTagMap>(Sym);
    if (DI && !DI->Checked)
      State = State->set<DataTagMap>(Sym, DataInfo{DI->Tag, true});
  }
  return State;
}

static void registerModel(CheckerManager &Mgr) {
  Mgr.registerChecker<TypeTagChecker>();
  api::loadUserRows(Mgr);
}

static bool shouldRegister(const CheckerManager &) { return true; }

void kbound::enableTypeTagCheck(CheckerManager &Mgr, CheckID ID) {
  Mgr.getChecker<TypeTagChecker>()->Checks.enable(ID,
                                                  Mgr.getCurrentCheckerName());
}

void kbound::registerTypeTagModel(CheckerRegistry &Registry) {
  Registry.addChecker(registerModel, shouldRegister, "kbound.TypeTagModel",
                      "Models registration-data type tags", "",
                      /*IsHidden=*/true);
}
