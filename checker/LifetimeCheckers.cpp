//===- LifetimeCheckers.cpp - RL1/RL2/RL4/RL5 and UA1/UA2/UA5/UA6 ---------===//
//
// One path-sensitive model of registration and auxiliary-device lifetimes
// (kbound.LifetimeModel, hidden) and two user-visible checker names on top of
// it: kbound.RegistrationLeak (RL1, RL2, RL4, RL5) and kbound.UseAfterUnbind
// (UA1, UA2, UA5, UA6). The model is one checker object; the two names only
// switch its reports on (the MallocChecker / CStringChecker pattern).
//
// Modeling choices:
//  - auxiliary_registration_new: the path splits into an ERR_PTR branch
//    (nothing owed) and a valid, non-NULL branch (a drop is owed). The error
//    branch is the symbol constrained to [-MAX_ERRNO, ~0], which is exactly
//    what the kernel's inline IS_ERR() compares, so IS_ERR/IS_ERR_OR_NULL
//    guards resolve without further splitting.
//  - auxiliary_device_init / __auxiliary_device_add: 0 (success) or
//    [-4095, -1] (failure), as in the kernel.
//  - auxiliary_device_uninit / auxiliary_device_delete are static inline in
//    the kernel; they are evaluated here (eval::Call) instead of inlined, so
//    that put_device/device_del bodies never look like an escape.
//  - Leak reports (RL2, RL4, RL5) are silenced by escapes: returned, stored
//    outside the locals, or passed to any function that is not the API.
//
//===----------------------------------------------------------------------===//

#include "CheckIDs.h"
#include "KboundAPI.h"
#include "KboundCheckers.h"
#include "KboundCompat.h"
#include "LifetimeFacts.h"
#include "RegistrationState.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtVisitor.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CallEvent.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/CheckerContext.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/ProgramStateTrait.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <memory>
#include <optional>
#include <string>

using namespace clang;
using namespace ento;
using namespace kbound;
using namespace kbound::lifetime;

REGISTER_MAP_WITH_PROGRAMSTATE(KbRegMap, SymbolRef, RegState)
REGISTER_MAP_WITH_PROGRAMSTATE(KbDevMap, const MemRegion *, DevState)
// A device (from auxiliary_registration_device) or data pointer (from
// auxiliary_registration_data) -> the registration it belongs to.
REGISTER_MAP_WITH_PROGRAMSTATE(KbDerivedMap, SymbolRef, SymbolRef)
// Memory allocated on this path that nothing outside the locals can reach
// yet (the MallocChecker notion of "not escaped").
REGISTER_SET_WITH_PROGRAMSTATE(KbLocalAllocs, SymbolRef)
// Pointers that are never an ERR_PTR (allocator results, registrations on
// their valid branch): IS_ERR() on them is false without splitting.
REGISTER_SET_WITH_PROGRAMSTATE(KbNotErr, SymbolRef)
// Heap memory that a live registration's data points into (UA3 on a
// path that creates the registration): the block -> the registration.
REGISTER_MAP_WITH_PROGRAMSTATE(KbBorrowMap, const MemRegion *, SymbolRef)
// Read before the creation call invalidates the data struct.
REGISTER_SET_WITH_PROGRAMSTATE(KbPendingBorrow, const MemRegion *)
// Memory from devm_kzalloc() & co. on this path: devres frees it at unbind.
REGISTER_SET_WITH_PROGRAMSTATE(KbDevmAllocs, SymbolRef)
// File-static variables (FileFacts::isPrivateVar) that a probe or __init
// function set to a tracked device, with that device: a call to another
// file cannot change them, although the engine invalidates every global.
REGISTER_MAP_WITH_PROGRAMSTATE(KbPrivateHolders, const MemRegion *,
                               const MemRegion *)
// Devices this path took another reference to (get_device): the model does
// not count references, so their puts are not followed.
REGISTER_SET_WITH_PROGRAMSTATE(KbExtraRef, const MemRegion *)
// Memory a member of a put device pointed to when the put ran the release,
// which kfree()s that member (platform_data, a name): the block -> the member.
REGISTER_MAP_WITH_PROGRAMSTATE(KbReleaseFreedMem, const MemRegion *,
                               const FieldDecl *)

namespace {

constexpr int64_t MaxErrno = 4095;

class LifetimeModel
    : public Checker<check::PreCall, check::PostCall, eval::Call,
                     check::DeadSymbols, check::LiveSymbols, check::Bind,
                     check::PointerEscape, check::PreStmt<ReturnStmt>,
                     check::EndFunction, check::Location,
                     check::RegionChanges> {
public:
  CheckSet Checks;
  // Facts about the whole file, computed on first use (one model per TU).
  mutable std::optional<FileFacts> Facts;
  const FileFacts &facts(CheckerContext &C) const {
    if (!Facts)
      Facts = FileFacts::compute(C.getASTContext());
    return *Facts;
  }
  // Functions whose body has an asm goto, by definition (callsAsmGoto()).
  mutable llvm::DenseMap<const FunctionDecl *, bool> AsmGotoFns;
  bool callsAsmGoto(const CallEvent &Call) const;
  bool mayReportHalfTeardown(const DevState &D, CheckerContext &C) const;
  bool releaseMayFree(const DevState &D, const MemRegion *R,
                      CheckerContext &C) const;

  void checkPreCall(const CallEvent &Call, CheckerContext &C) const;
  void checkPostCall(const CallEvent &Call, CheckerContext &C) const;
  ProgramStateRef
  checkRegionChanges(ProgramStateRef State, const InvalidatedSymbols *,
                     ArrayRef<const MemRegion *>, ArrayRef<const MemRegion *>,
                     const LocationContext *LCtx, const CallEvent *Call) const;
  bool evalCall(const CallEvent &Call, CheckerContext &C) const;
  void checkDeadSymbols(SymbolReaper &SR, CheckerContext &C) const;
  void checkLiveSymbols(ProgramStateRef State, SymbolReaper &SR) const;
  void checkBind(SVal Loc, SVal Val, const Stmt *S, CheckerContext &C) const;
  /// checkBind()'s state: private holders and escapes by store.
  ProgramStateRef afterBind(const MemRegion *LR, const MemRegion *VR,
                            CheckerContext &C) const;
  ProgramStateRef checkPointerEscape(ProgramStateRef State,
                                     const InvalidatedSymbols &Escaped,
                                     const CallEvent *Call,
                                     PointerEscapeKind Kind) const;
  void checkPreStmt(const ReturnStmt *RS, CheckerContext &C) const;
  void checkEndFunction(const ReturnStmt *RS, CheckerContext &C) const;
  void checkLocation(SVal Loc, bool IsLoad, const Stmt *S,
                     CheckerContext &C) const;
  /// The model's entries in -analyzer-checker-debug / exploded-graph dumps.
  void printState(raw_ostream &Out, ProgramStateRef State, const char *NL,
                  const char *Sep) const override;

private:
  bool isOurs(const BugType &BT) const { return Checks.owns(BT); }
  static bool isKnownAPI(const CallEvent &Call);

  const NoteTag *note(CheckerContext &C, SymbolRef Sym, const MemRegion *R,
                      std::string Msg) const;
  void report(CheckerContext &C, CheckID ID, StringRef Msg,
              ExplodedNode *N, SymbolRef Sym, const MemRegion *R,
              const Site &Unique) const;

  // Call handlers.
  void preRegistrationCall(const CallEvent &Call, CheckerContext &C) const;
  void preDeviceCall(const CallEvent &Call, CheckerContext &C) const;
  void preFree(const CallEvent &Call, CheckerContext &C) const;
  bool preReleaseCall(const CallEvent &Call, CheckerContext &C) const;
  bool freeRegion(const MemRegion *FR, CheckerContext &C) const;
  bool cleanupFrees(CheckerContext &C) const;
  llvm::ArrayRef<const VarDecl *> freedByCleanup(const Decl *D) const;
  mutable llvm::DenseMap<const Decl *, llvm::SmallVector<const VarDecl *, 2>>
      CleanupVars;
  void postCreate(const CallEvent &Call, CheckerContext &C) const;
  void postInitOrAdd(const CallEvent &Call, CheckerContext &C) const;
};

// ---- messages --------------------------------------------------------------
//
// Every report text, once: what is wrong, then what to do.
namespace msg {

constexpr const char *RegNotDropped =
    "[RL2] Registration from auxiliary_registration_new() is not "
    "dropped on this path and nothing else holds it: the auxiliary "
    "device stays registered with data that outlives its parent; call "
    "auxiliary_registration_drop() before returning, or store it where "
    ".remove drops it";
constexpr const char *DoubleDrop =
    "[UA1] Registration dropped twice: the first "
    "auxiliary_registration_drop() already freed it; drop it exactly "
    "once";
constexpr const char *RegUseAfterDrop =
    "[UA1] Registration data (or its device) used after "
    "auxiliary_registration_drop(): the drop freed it; finish all uses "
    "before dropping the registration";
constexpr const char *BorrowFreedEarly =
    "[UA3] this memory is borrowed by the data of a registration that "
    "is still live: the auxiliary driver may still use it; call "
    "auxiliary_registration_drop() first, then free it";
constexpr const char *DevmRegDropped =
    "[UA6] auxiliary_registration_drop() on a registration from "
    "devm_auxiliary_registration_new(): devres drops it when the parent "
    "unbinds, so this drops it twice; remove the call or create it with "
    "auxiliary_registration_new()";
constexpr const char *DevmRegFieldDropped =
    "[UA6] auxiliary_registration_drop() on a registration stored from "
    "devm_auxiliary_registration_new(): devres drops it when the parent "
    "unbinds, so this drops it twice; remove the call or create it with "
    "auxiliary_registration_new()";
/// A device family's own words and functions (from the API table), so that
/// one text serves auxiliary_device_uninit() and put_device() alike.
struct Names {
  std::string Init, Del, Put, Destroy, Create;
  const char *Noun, *A, *PutVerb;
  bool InitMayFail = true; // false: the init call was an init + add that failed
};

Names namesOf(const DevState &D) {
  using api::Role;
  auto Of = [&](Role R, Role Alt) {
    llvm::StringRef N = api::nameFor(D.Fam, R);
    return (N.empty() ? api::nameFor(D.Fam, Alt) : N).str();
  };
  Names N;
  N.Init = Of(Role::Init, Role::AllocInit);
  N.Del = Of(Role::Del, Role::DelPut);
  N.Put = Of(Role::Put, Role::DelPut);
  N.Destroy = Of(Role::Destroy, Role::DelPut);
  N.Create = api::nameFor(D.Fam, Role::Create).str();
  bool Aux = api::isAuxiliaryFamily(D.Fam);
  N.Noun = Aux ? "auxiliary device"
           : D.Fam == api::Family::Platform ? "platform device"
                                            : "device";
  N.A = Aux ? "an" : "a";
  N.PutVerb = Aux ? "uninit" : "put";
  // The call that set it up names the init better than the family does
  // (device_register(), platform_device_register()).
  if (const auto *CE = dyn_cast_or_null<CallExpr>(D.Origin.S))
    if (const api::Entry *E = api::lookup(CE))
      if (E->R == Role::Init || E->R == Role::InitAdd ||
          E->R == Role::AllocInit || E->R == Role::Create) {
        N.Init = E->Name;
        N.InitMayFail = E->R != Role::InitAdd;
      }
  return N;
}

std::string initDone(const Names &N) {
  return N.InitMayFail ? N.Init + "() succeeded but"
                       : "after " + N.Init +
                             "() the device is initialized (even when it "
                             "fails), but";
}

std::string initUnreachable(const Names &N) {
  return "[RL4] " + initDone(N) + " the device becomes unreachable without " +
         N.Put + "(): its reference and memory leak; call " + N.Put +
         "() on this path (its release callback frees the memory)";
}

std::string initErrorPath(const Names &N) {
  return "[RL4] " + initDone(N) + " this error path returns without " +
         N.Put + "(): the device's reference and memory leak; call " + N.Put +
         "() before returning (not kfree(): the release callback frees it)";
}

std::string addedErrorPath(const Names &N) {
  return std::string("[RL4] The ") + N.Noun +
         " was initialized and added but this error path returns without "
         "tearing it down; call " +
         N.Del + "() and " + N.Put + "() before returning";
}

std::string createdErrorPath(const Names &N) {
  return std::string("[RL4] The ") + N.Noun + " created by " + N.Create +
         "() is registered but this error path returns without tearing it "
         "down; call " + N.Destroy + "() before returning";
}

std::string kfreeInsteadOfPut(const Names &N) {
  return "[RL4] " + initDone(N) +
         " this path frees the device with kfree() instead of " + N.Put +
         "(); call " + N.Put + "() (after " + N.Del +
         "() if it was added) and let the release callback free it";
}

std::string halfTeardown(const Names &N) {
  std::string Alt = N.Create.empty()
                        ? "or " + N.Destroy + "(), which does both"
                        : "or " + N.Destroy + "() for " + N.Create + "()";
  return std::string("[RL5] Added ") + N.Noun + " torn down with " + N.Put +
         "() but never " + N.Del + "(): it stays registered on the bus; call " +
         N.Del + "() before " + N.Put + "() (" + Alt + ")";
}

std::string deviceAccessAfterPut(const Names &N, bool Destroyed) {
  std::string Noun = N.Noun;
  Noun[0] = llvm::toUpper(Noun[0]);
  return "[UA1] " + Noun + " accessed after " + (Destroyed ? N.Destroy : N.Put) +
         "(): its release callback may already have freed it; finish all "
         "uses before the " + N.PutVerb;
}

std::string containerAccessAfterPut(const Names &N, bool Destroyed) {
  return std::string("[UA1] The structure that embeds the ") + N.Noun +
         " is accessed after " + (Destroyed ? N.Destroy : N.Put) +
         "(): the release callback frees it; finish all uses before the " +
         N.PutVerb;
}

std::string returnedAfterPut(const Names &N, bool Destroyed) {
  return std::string("[UA1] The ") + N.Noun +
         " (or the structure that embeds it) is returned after " +
         (Destroyed ? N.Destroy : N.Put) +
         "(): the release callback may have freed it, and the caller gets a "
         "dangling pointer; return an error (ERR_PTR() or NULL) on this path";
}

std::string kfreeInitialized(const Names &N) {
  return std::string("[UA2] kfree() of ") + N.A + " " + N.Noun +
         " (or the structure that contains it) after " + N.Init +
         "()" + (N.InitMayFail ? " succeeded" : "") +
         ": the device is refcounted now; call " + N.Put +
         "() instead and free the memory in its release callback";
}

std::string releaseCalledDirectly(const Names &N, llvm::StringRef Fn) {
  return std::string("[UA2] ") + Fn.str() + "() called directly on " + N.A +
         " " + N.Noun + " after " + N.Init + "()" +
         (N.InitMayFail ? " succeeded" : "") +
         ": it frees the memory while the device is refcounted; call " +
         N.Put + "() instead and let the last put run the release";
}

std::string kfreeReleasedMember(llvm::StringRef Member) {
  return ("[UA2] kfree() of memory that the device's release callback "
          "already freed: the put above ran the release, which kfree()s "
          "the device's ->" + Member + "; a double free. Leave it to the "
          "release (free it here only while the init has not succeeded)")
      .str();
}

std::string kfreeAfterPut(const Names &N) {
  return std::string("[UA2] kfree() of ") + N.A + " " + N.Noun +
         " (or the structure that contains it) after " + N.Init + "()" +
         (N.InitMayFail ? " succeeded" : "") + ": " + N.Put +
         "() already let the release callback free it, so this is a double "
         "free; remove the kfree() and free only in the release callback";
}

std::string kfreeOutsideRelease(const Names &N) {
  return std::string("[UA2] kfree() of the structure that contains ") + N.A +
         " " + N.Noun + " after " + N.Put +
         "(): its memory must be freed by the release callback, when the "
         "last reference is put; a reference still held elsewhere would use "
         "freed memory. Free it in the release callback instead";
}

std::string doublePut(const Names &N) {
  return "[UA1] " + N.Put +
         "() called twice on the same device: the first call may already "
         "have freed it; " + N.PutVerb + " it exactly once";
}

std::string deleteAfterPut(const Names &N) {
  return "[UA5] " + N.Del + "() after " + N.Put +
         "(): the device may be freed while it is still registered; call " +
         N.Del + "() first, then " + N.Put + "()";
}

std::string discarded(llvm::StringRef Fn) {
  return "[RL1] The registration returned by " + Fn.str() +
         "() is discarded: the auxiliary device can never be unregistered "
         "and its data never freed; keep the result, check it with IS_ERR() "
         "and drop it with auxiliary_registration_drop()";
}

std::string regUseAfterDrop(llvm::StringRef Fn) {
  return "[UA1] " + Fn.str() +
         "() on a registration (or its device) after "
         "auxiliary_registration_drop(); use it only before dropping it";
}

std::string useAfterRelease(llvm::StringRef Fn, const Names &N,
                            bool Destroyed) {
  return "[UA1] " + Fn.str() + "() on " + N.A + " " + N.Noun + " after " +
         (Destroyed ? N.Destroy : N.Put) +
         "(): its release callback may already have freed it; do not use the "
         "device after tearing it down";
}

std::string devmMemoryDevice(llvm::StringRef Fn) {
  return "[UA8] " + Fn.str() +
         "() on a device that lives in devres memory (devm_kzalloc() & co.): "
         "devres frees that memory when the parent unbinds, whatever "
         "references to the device remain (sysfs, a bound driver); allocate "
         "it with kzalloc() and free it in the device's release callback";
}

std::string emptyReleaseHeap(llvm::StringRef Fn, llvm::StringRef Release) {
  return "[UA8] " + Fn.str() + "() on a device in heap memory whose release "
         "callback " + Release.str() + "() is empty: nothing frees the memory "
         "when the last reference goes, so it leaks or its owner frees it "
         "while references may remain; free the containing structure in " +
         Release.str() + "() and let the put free it";
}

std::string devmDeviceByHand(llvm::StringRef Fn) {
  return "[UA6] " + Fn.str() +
         "() on a device from devm_auxiliary_device_create(): devres "
         "destroys it when the parent unbinds; remove this call";
}

} // namespace msg

// ---- small helpers ---------------------------------------------------------

const MemRegion *regionOf(SVal V) {
  if (const MemRegion *R = V.getAsRegion())
    return R->StripCasts();
  return nullptr;
}

SymbolRef symbolOf(SVal V) {
  if (SymbolRef S = V.getAsLocSymbol(/*IncludeBaseRegions=*/true))
    return S;
  return V.getAsSymbol();
}

bool related(const MemRegion *A, const MemRegion *B) {
  return A == B || A->isSubRegionOf(B) || B->isSubRegionOf(A);
}

/// Memory allocated on the analyzed path and not escaped, or a local
/// variable: once it is unreachable nobody else can tear the device down.
bool isLocalStorage(const MemRegion *R, ProgramStateRef State) {
  const MemRegion *Base = R->getBaseRegion();
  if (const auto *VR = dyn_cast<VarRegion>(Base))
    return isa<StackLocalsSpaceRegion>(VR->getMemorySpace());
  const auto *SR = dyn_cast<SymbolicRegion>(Base);
  return SR && State->contains<KbLocalAllocs>(SR->getSymbol());
}

/// The row of a call that the lifetime model follows: a modeled family's
/// function (or the user's wrapper of one), or null.
const api::Entry *modeled(const CallEvent &Call) {
  const api::Entry *E = api::lookup(Call);
  return E && api::isModeledFamily(E->Fam) ? E : nullptr;
}

/// The argument that is the device or registration (a user's row may say
/// which; the API's own functions take it first).
unsigned objArg(const api::Entry &E) { return E.Arg > 0 ? E.Arg : 0; }

bool hasRole(const CallEvent &Call, api::Role R) {
  const api::Entry *E = modeled(Call);
  return E && E->R == R;
}

/// The API's own function, not a user's wrapper of it (a wrapper's inlined
/// body calls the real one, which must not count twice).
bool isBuiltin(const CallEvent &Call, api::Role R) {
  const api::Entry *E = modeled(Call);
  return E && E->R == R && !E->User;
}

/// The callee's name for messages.
StringRef calleeOf(const CallEvent &Call) {
  const IdentifierInfo *II = Call.getCalleeIdentifier();
  return II ? II->getName() : "the call";
}

/// kzalloc, kmalloc, kcalloc, kvzalloc, devm_kzalloc, __kmalloc_noprof, ...
bool isAllocator(const CallEvent &Call) {
  api::Role R = api::roleOf(Call);
  return Call.getResultType()->isPointerType() &&
         (R == api::Role::Alloc || R == api::Role::ManagedAlloc);
}

/// Printing helpers take device pointers but never keep them.
bool isPrintLike(const CallEvent &Call) {
  return api::roleOf(Call) == api::Role::Logging;
}

/// A function pointer among the arguments: a callback that may run a
/// teardown later (devm_add_action_or_reset()).
bool hasCallbackArg(const CallEvent &Call) {
  for (unsigned I = 0, E = Call.getNumArgs(); I != E; ++I)
    if (const Expr *AE = Call.getArgExpr(I))
      if (AE->getType()->isFunctionPointerType())
        return true;
  return false;
}

/// A platform or auxiliary device \p R passed to an unknown function only as
/// its context `struct device *` (`&pdev->dev`: a parent, a devres owner, a
/// DMA or sysfs target) is not handed over: functions that take such a device
/// over take the family object itself. A callback argument may defer a
/// teardown (devm_add_action), so any function pointer argument hands over.
bool receivesOnlyContextDevice(const CallEvent &Call, const MemRegion *R,
                               api::Family Fam) {
  if (Fam != api::Family::Platform && Fam != api::Family::Auxiliary)
    return false;
  if (hasCallbackArg(Call))
    return false;
  bool Seen = false;
  for (unsigned I = 0, E = Call.getNumArgs(); I != E; ++I) {
    const Expr *AE = Call.getArgExpr(I);
    if (!AE)
      return false;
    QualType T = AE->IgnoreParenImpCasts()->getType();
    const MemRegion *AR = regionOf(Call.getArgSVal(I));
    if (!AR || !related(AR, R))
      continue;
    QualType P = T->getPointeeType();
    const RecordDecl *RD = P.isNull() ? nullptr : P->getAsRecordDecl();
    if (!RD || !api::isRecord(RD, api::RecordKind::Device) || AR == R ||
        !AR->isSubRegionOf(R))
      return false;
    Seen = true;
  }
  return Seen;
}

/// Is the result of \p E thrown away (expression statement, (void) cast,
/// left of a comma, loop increment)?
bool isDiscarded(const Expr *E, const LocationContext *LC) {
  const ParentMap &PM = LC->getParentMap();
  const Stmt *Cur = E;
  while (const Stmt *P = PM.getParent(Cur)) {
    if (isa<ParenExpr>(P)) {
      Cur = P;
      continue;
    }
    if (const auto *CE = dyn_cast<CastExpr>(P)) {
      if (CE->getType()->isVoidType())
        return true;
      if (isa<ImplicitCastExpr>(CE)) {
        Cur = P;
        continue;
      }
      return false;
    }
    if (isa<CompoundStmt>(P))
      return true;
    // Only inspected, never kept: IS_ERR(auxiliary_registration_new(...)).
    if (const auto *CE = dyn_cast<CallExpr>(P))
      return api::isErrInspect(api::roleOf(CE));
    if (const auto *BO = dyn_cast<BinaryOperator>(P))
      return BO->getOpcode() == BO_Comma && BO->getLHS() == Cur;
    if (const auto *If = dyn_cast<IfStmt>(P))
      return If->getThen() == Cur || If->getElse() == Cur;
    if (const auto *F = dyn_cast<ForStmt>(P))
      return F->getBody() == Cur || F->getInc() == Cur || F->getInit() == Cur;
    if (const auto *W = dyn_cast<WhileStmt>(P))
      return W->getBody() == Cur;
    if (const auto *D = dyn_cast<DoStmt>(P))
      return D->getBody() == Cur;
    if (isa<LabelStmt, CaseStmt, DefaultStmt>(P))
      return true;
    return false;
  }
  return false;
}

bool isDiscarded(const Expr *E, CheckerContext &C) {
  return isDiscarded(E, C.getLocationContext());
}

/// A name that says the function tears something down.
bool looksLikeTeardown(StringRef Name) {
  std::string N = Name.lower();
  for (const char *W : {"put", "free", "release", "remove", "del", "destroy",
                        "clean", "unregister", "unreg", "exit", "teardown",
                        "fini", "uninit", "unbind", "detach", "unplug"})
    if (StringRef(N).contains(W))
      return true;
  return false;
}

/// Could \p Call keep (and later tear down) a device it is given? A call
/// into this file's own functions, through a pointer, or with a callback
/// argument may; so may a teardown-named call whose result nobody looks at
/// (a cleanup helper: `foo_cleanup(foo); return ret;`). Any other function
/// of another file is a setup step that hands nothing over
/// (`sysfb_set_efifb_fwnode(pd)`, `ret = create_stack(dev)`).
bool mayKeepDevice(const CallEvent &Call) {
  const Decl *CD = Call.getDecl();
  if (!CD || CD->hasBody() || hasCallbackArg(Call))
    return true;
  const Expr *OE = Call.getOriginExpr();
  bool Ignored = Call.getResultType()->isVoidType() || !OE ||
                 isDiscarded(OE, Call.getLocationContext());
  return Ignored && looksLikeTeardown(calleeOf(Call));
}

/// The condition "Sym is an ERR_PTR" as the kernel's IS_ERR computes it.
std::optional<NonLoc> errPtrCond(SymbolRef Sym, CheckerContext &C) {
  QualType T = Sym->getType();
  if (!Loc::isLocType(T) && !T->isIntegerType())
    return std::nullopt;
  SValBuilder &SVB = C.getSValBuilder();
  BasicValueFactory &BVF = SVB.getBasicValueFactory();
  unsigned Width = C.getASTContext().getTypeSize(T);
  llvm::APSInt Min(llvm::APInt(Width, -MaxErrno, /*isSigned=*/true),
                   /*isUnsigned=*/true);
  return SVB.makeNonLoc(Sym, BO_GE, BVF.getValue(Min),
                        SVB.getConditionType());
}

/// Is \p Sym an ERR_PTR on every path through this state?
bool isErrPtr(SymbolRef Sym, ProgramStateRef State, CheckerContext &C) {
  auto Cond = errPtrCond(Sym, C);
  if (!Cond)
    return false;
  auto [IsErr, NotErr] = State->assume(*Cond);
  return IsErr && !NotErr;
}

/// Does this path return an error (non-zero int, NULL or ERR_PTR)?
bool returnsError(const Expr *RetE, CheckerContext &C) {
  ProgramStateRef State = C.getState();
  SVal V = C.getSVal(RetE);
  QualType T = RetE->IgnoreParenImpCasts()->getType();
  if (auto CI = V.getAs<nonloc::ConcreteInt>())
    return CI->getValue() != 0;
  if (auto CL = V.getAs<loc::ConcreteInt>()) {
    const llvm::APSInt &I = CL->getValue();
    return I == 0 || I.getZExtValue() >= (uint64_t)-MaxErrno;
  }
  auto DV = V.getAs<DefinedOrUnknownSVal>();
  if (!DV || V.isUnknown())
    return false;
  // PTR_ERR(p): the integer value of a pointer known to be an ERR_PTR.
  if (auto LI = V.getAs<nonloc::LocAsInteger>())
    if (SymbolRef S = LI->getLoc().getAsLocSymbol())
      if (isErrPtr(S, State, C))
        return true;
  // The same truncated to int (`ret = PTR_ERR(p)`): the engine keeps
  // (int)p as a cast symbol whose zero-ness it cannot decide, although no
  // ERR_PTR truncates to 0.
  if (SymbolRef S = V.getAsSymbol())
    if (const auto *SC = dyn_cast<SymbolCast>(S))
      if (Loc::isLocType(SC->getOperand()->getType()) &&
          isErrPtr(SC->getOperand(), State, C))
        return true;
  if (T->isIntegerType() || T->isBooleanType()) {
    // Definitely non-zero.
    auto [NonZero, Zero] = State->assume(*DV);
    return NonZero && !Zero;
  }
  if (T->isPointerType()) {
    auto [NonNull, Null] = State->assume(*DV);
    if (Null && !NonNull)
      return true;
    if (SymbolRef S = V.getAsLocSymbol())
      return isErrPtr(S, State, C);
  }
  return false;
}

/// The record a device region is embedded in (its outermost field's parent),
/// or null when the device is a whole allocation.
const RecordDecl *containerRecord(const MemRegion *R) {
  const FieldRegion *Outer = nullptr;
  for (const MemRegion *Cur = R; const auto *Sub = dyn_cast<SubRegion>(Cur);
       Cur = Sub->getSuperRegion())
    if (const auto *FR = dyn_cast<FieldRegion>(Cur))
      Outer = FR;
  return Outer ? Outer->getDecl()->getParent() : nullptr;
}

bool isStructDeviceField(const MemRegion *R) {
  const auto *FR = dyn_cast_or_null<FieldRegion>(R);
  return FR && api::isRecord(FR->getDecl()->getType()->getAsRecordDecl(),
                             api::RecordKind::Device);
}

/// The tracked device a call's argument names: the region itself, the
/// device whose struct device it is (put_device(&adev->dev) on an auxiliary
/// device), or the tracked struct device embedded in it
/// (platform_device_add(pdev) after device_initialize(&pdev->dev)).
/// Untracked: the region itself.
const MemRegion *trackedDevice(ProgramStateRef State, const MemRegion *R) {
  if (!R || State->get<KbDevMap>(R))
    return R;
  if (isStructDeviceField(R)) {
    const MemRegion *Outer = cast<FieldRegion>(R)->getSuperRegion()->StripCasts();
    if (State->get<KbDevMap>(Outer))
      return Outer;
  }
  for (const auto &[DR, D] : State->get<KbDevMap>())
    if (isStructDeviceField(DR) &&
        cast<FieldRegion>(DR)->getSuperRegion()->StripCasts() == R)
      return DR;
  return R;
}

/// The device a modeled call acts on: its object argument, or for a
/// summary of another file's function (FactsDB.h) the member of it the
/// summary names (`bus_add_device(bdev)` registers `&bdev->dev`).
const MemRegion *deviceArg(const CallEvent &Call, const api::Entry &E,
                           ProgramStateRef State) {
  SVal V = Call.getArgSVal(objArg(E));
  if (E.Path.empty())
    return trackedDevice(State, regionOf(V));
  const Expr *AE = Call.getArgExpr(objArg(E));
  QualType T = AE ? AE->getType() : QualType();
  llvm::StringRef Rest = E.Path;
  while (!Rest.empty()) {
    auto [Name, Tail] = Rest.split('.');
    Rest = Tail;
    const RecordDecl *RD = T.isNull() ? nullptr
                           : T->isPointerType()
                               ? T->getPointeeType()->getAsRecordDecl()
                               : T->getAsRecordDecl();
    RD = RD ? RD->getDefinition() : nullptr;
    if (!RD || V.isUnknownOrUndef())
      return nullptr;
    const FieldDecl *Field = nullptr;
    for (const FieldDecl *FD : RD->fields())
      if (FD->getIdentifier() && FD->getName() == Name)
        Field = FD;
    if (!Field)
      return nullptr;
    V = State->getLValue(Field, V);
    T = Field->getType();
  }
  return trackedDevice(State, regionOf(V));
}

const Decl *topDecl(CheckerContext &C) {
  const LocationContext *LC = C.getLocationContext();
  while (LC->getParent())
    LC = LC->getParent();
  return LC->getDecl();
}

bool isReleasedKind(DevKind K) {
  return K == DevKind::Uninit || K == DevKind::UninitAdded ||
         K == DevKind::Destroyed;
}

/// The node a report hangs on: the state before the model forgets the
/// entry, so that two paths whose states become equal once it is forgotten
/// do not merge into one error node (the path shown would be the wrong one).
ExplodedNode *reportNode(CheckerContext &C) {
  static const SimpleProgramPointTag Tag("kbound.LifetimeModel", "report");
  return C.generateNonFatalErrorNode(C.getState(), &Tag);
}

void continueFrom(CheckerContext &C, ProgramStateRef State, ExplodedNode *N) {
  if (N)
    C.addTransition(State, N);
  else
    C.addTransition(State);
}

// ---- model -----------------------------------------------------------------

/// RL5 for a device whose add we did not see needs a reason to think it was
/// added: the path is a .remove callback that deletes nothing at all.
bool LifetimeModel::mayReportHalfTeardown(const DevState &D,
                                          CheckerContext &C) const {
  if (D.EscapedCall)
    return false;
  if (!D.Assumed)
    return true;
  // A put_device() / platform_device_put() in .remove more often drops a
  // reference a lookup took (bus_find_device(), of_find_device_by_node())
  // than it tears down a device the driver added: without the add on the
  // path, only the auxiliary family's uninit says the device was added.
  if (!api::isAuxiliaryFamily(D.Fam))
    return false;
  const Decl *Top = topDecl(C);
  // The uninit's argument names the device only when the uninit is in the
  // remove function itself (in a helper it names the helper's parameter).
  const Expr *Dev = nullptr;
  if (const auto *UC = dyn_cast_or_null<CallExpr>(D.UninitAt.S))
    if (D.UninitAt.LC && D.UninitAt.LC->getStackFrame()->inTopFrame() &&
        UC->getNumArgs() >= 1)
      Dev = UC->getArg(0);
  return facts(C).isRemoveFn(Top) &&
         !callsSomethingLikeDelete(dyn_cast_or_null<FunctionDecl>(Top), Dev);
}

/// A put of a generic or platform device whose set-up this path did not see
/// may drop one of several references its caller holds (kobject_get(), cdev
/// refs, a get_device() before async_schedule()).
static bool putMayDropAnotherRef(const DevState &D) {
  return D.Assumed && !api::isAuxiliaryFamily(D.Fam);
}

/// May the put that released \p R have freed it (and its container)? The
/// release is read where the file has it: a file whose device releases free
/// nothing of this type (an empty release, memory freed by the owner) is
/// UA8's concern, not a use after free. Devices the core allocated
/// (platform_device_alloc, auxiliary_device_create) have the core's
/// release, which frees them; so does any device whose release is not in
/// the file (the kernel's rule).
bool LifetimeModel::releaseMayFree(const DevState &D, const MemRegion *R,
                                   CheckerContext &C) const {
  // A bare put of a device this path did not set up (the put started its
  // tracking) may drop one of several references: the one a get_device()
  // took when the driver stored it (dell_smbios_unregister_device()), while
  // the caller still holds its own. An unregister is a teardown, and is
  // judged as one.
  if (D.K == DevKind::UninitAdded && D.UninitAt == D.Origin &&
      putMayDropAnotherRef(D))
    return false;
  if (const auto *CE = dyn_cast_or_null<CallExpr>(D.Origin.S)) {
    api::Role OR = api::roleOf(CE);
    if (OR == api::Role::AllocInit || OR == api::Role::Create)
      return true;
  }
  // The release may be known through the container (container_of() to it)
  // or through the device itself (`adev->dev.release = fn` on a struct
  // auxiliary_device pointer, pmic_glink's shape).
  const RecordDecl *Cont = containerRecord(R);
  const RecordDecl *Own = nullptr;
  if (const auto *TR = dyn_cast<TypedValueRegion>(R))
    Own = TR->getValueType()->getAsRecordDecl();
  const FileFacts &F = facts(C);
  if (!F.releaseKnownFor(Cont) && !F.releaseKnownFor(Own))
    return true;
  return F.isFreedByRelease(Cont ? Cont : Own);
}

/// Calls the model handles itself: never an escape of what they are given.
bool LifetimeModel::isKnownAPI(const CallEvent &Call) {
  using api::Role;
  if (api::roleOf(Call) == Role::Free)
    return true;
  const api::Entry *E = modeled(Call);
  if (!E)
    return false;
  switch (E->R) {
  case Role::RegNew: case Role::RegNewManaged: case Role::RegDrop:
  case Role::RegDevice: case Role::RegData: case Role::DeviceSetup:
    return true;
  default:
    return api::isDevicePrimitive(E->R);
  }
}

const NoteTag *LifetimeModel::note(CheckerContext &C, SymbolRef Sym,
                                   const MemRegion *R, std::string Msg) const {
  return C.getNoteTag(
      [this, Sym, R, Msg](PathSensitiveBugReport &BR) -> std::string {
        if (!isOurs(BR.getBugType()))
          return "";
        if ((Sym && BR.isInteresting(Sym)) || (R && BR.isInteresting(R)))
          return Msg;
        return "";
      });
}

/// The function analyzed (the top frame) is one of the API's own, defined in
/// the driver core's file: its contract is its row in the table (a
/// device_register() that returns device_add()'s error leaves the put to its
/// caller by definition), not something to check against itself.
static bool analyzingAPIBody(CheckerContext &C) {
  const StackFrameContext *SFC = C.getStackFrame();
  while (!SFC->inTopFrame())
    SFC = SFC->getParent()->getStackFrame();
  const auto *FD = dyn_cast_or_null<FunctionDecl>(SFC->getDecl());
  if (!FD || !FD->getIdentifier())
    return false;
  // A summary from the facts database is what the function does, not a
  // contract: its own failure paths are still checked (ntb_register_device()
  // returning device_register()'s error without the put).
  const api::Entry *E = api::lookup(FD->getName());
  return E && api::isModeledFamily(E->Fam) && !E->User && !E->FromFacts;
}

void LifetimeModel::report(CheckerContext &C, CheckID ID, StringRef Msg,
                           ExplodedNode *N, SymbolRef Sym, const MemRegion *R,
                           const Site &Unique) const {
  const BugType *BTP = Checks.get(ID);
  if (!N || !BTP || analyzingAPIBody(C))
    return;
  const BugType &BT = *BTP;
  std::unique_ptr<PathSensitiveBugReport> BR;
  if (Unique.S && Unique.LC) {
    PathDiagnosticLocation L = PathDiagnosticLocation::createBegin(
        Unique.S, C.getSourceManager(), Unique.LC);
    BR = std::make_unique<PathSensitiveBugReport>(BT, Msg, N, L,
                                                  Unique.LC->getDecl());
  } else {
    BR = std::make_unique<PathSensitiveBugReport>(BT, Msg, N);
  }
  if (Sym)
    BR->markInteresting(Sym);
  if (R)
    BR->markInteresting(R);
  C.emitReport(std::move(BR));
}

// The registration (or the device/data derived from it) \p V refers to.
static SymbolRef owningRegistration(ProgramStateRef State, SVal V) {
  SymbolRef S = symbolOf(V);
  if (!S)
    return nullptr;
  if (State->get<KbRegMap>(S))
    return S;
  if (const SymbolRef *Owner = State->get<KbDerivedMap>(S))
    return *Owner;
  return nullptr;
}

void LifetimeModel::preRegistrationCall(const CallEvent &Call,
                                        CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  using api::Role;
  const api::Entry *E = modeled(Call);
  if (!E)
    return;
  bool IsDrop = E->R == Role::RegDrop;
  bool UsesReg = IsDrop || E->R == Role::RegDevice;
  bool UsesDev = E->R == Role::RegData || E->R == Role::Init ||
                 E->R == Role::Add || E->R == Role::Del ||
                 E->R == Role::Put || E->R == Role::Destroy;
  if ((!UsesReg && !UsesDev) || Call.getNumArgs() < 1)
    return;
  SVal Arg = Call.getArgSVal(objArg(*E));
  SymbolRef Reg = owningRegistration(State, Arg);
  if (!Reg && IsDrop) {
    // Not created on this path (typically .remove): the file tells whether
    // the field it comes from holds a devm registration.
    if (facts(C).isDevmField(Call.getArgExpr(objArg(*E)))) {
      report(C, CheckID::UA6,
             msg::DevmRegFieldDropped,
             C.generateNonFatalErrorNode(), nullptr, nullptr, Site());
      return;
    }
    SymbolRef S = symbolOf(Arg);
    if (S && !E->User &&
        !State->get<KbDerivedMap>(S))
      C.addTransition(
          State->set<KbRegMap>(
              S, RegState(RegKind::Dropped,
                          Site{Call.getOriginExpr(), C.getLocationContext()})),
          note(C, S, nullptr, "Registration dropped here"));
    return;
  }
  if (!Reg)
    return;
  const RegState *RS = State->get<KbRegMap>(Reg);
  if (!RS)
    return;

  if (IsDrop && symbolOf(Arg) == Reg) {
    if (RS->K == RegKind::Devm) {
      report(C, CheckID::UA6,
             msg::DevmRegDropped,
             C.generateNonFatalErrorNode(), Reg, nullptr, Site());
      return;
    }
    if (RS->K == RegKind::Dropped) {
      // Go on (still dropped): a later different bug is reported too.
      ExplodedNode *N = reportNode(C);
      report(C, CheckID::UA1, msg::DoubleDrop, N, Reg, nullptr, Site());
      continueFrom(C, State->set<KbRegMap>(Reg, RS->reported()), N);
      return;
    }
    // Extra drop functions are marked in checkPostCall, so that an inlined
    // body calling the real drop is not seen as a double drop.
    if (!E->User) {
      State = State->set<KbRegMap>(Reg, RS->with(RegKind::Dropped));
      C.addTransition(State, note(C, Reg, nullptr, "Registration dropped here"));
    }
    return;
  }
  if (RS->K == RegKind::Dropped && !RS->UseReported) {
    ExplodedNode *N = reportNode(C);
    report(C, CheckID::UA1, msg::regUseAfterDrop(calleeOf(Call)), N, Reg,
           nullptr, Site());
    continueFrom(C, State->set<KbRegMap>(Reg, RS->reported()), N);
  }
}

/// The struct device of a tracked device region: the region itself, or the
/// `struct device` member of a family object (auxiliary_device, ...).
/// The `struct device` member of the object \p Obj of record \p RD.
static const FieldRegion *deviceMemberOf(const SubRegion *Obj,
                                         const RecordDecl *RD,
                                         MemRegionManager &MRM) {
  if (!RD || !RD->getDefinition())
    return nullptr;
  for (const FieldDecl *FD : RD->getDefinition()->fields())
    if (const RecordDecl *In = FD->getType()->getAsRecordDecl())
      if (api::isRecord(In, api::RecordKind::Device))
        return MRM.getFieldRegion(FD, Obj);
  return nullptr;
}

static const SubRegion *structDeviceOf(const MemRegion *R,
                                       MemRegionManager &MRM) {
  const auto *TR = dyn_cast<TypedValueRegion>(R);
  const RecordDecl *RD =
      TR ? TR->getValueType()->getAsRecordDecl() : nullptr;
  if (RD && api::isRecord(RD, api::RecordKind::Device))
    return TR;
  return TR ? deviceMemberOf(TR, RD, MRM) : nullptr;
}

/// The release callback installed on \p R on this path, when it has an
/// empty body and R lives in heap memory allocated on this path (not devres
/// memory: that is the devm UA8).
static std::string emptyReleaseOfHeapDevice(ProgramStateRef State,
                                            const MemRegion *R,
                                            const FileFacts &F,
                                            CheckerContext &C) {
  const SymbolicRegion *SB = R->getSymbolicBase();
  if (!SB || !State->contains<KbLocalAllocs>(SB->getSymbol()) ||
      State->contains<KbDevmAllocs>(SB->getSymbol()))
    return "";
  MemRegionManager &MRM = C.getSValBuilder().getRegionManager();
  const SubRegion *Dev = structDeviceOf(R, MRM);
  const auto *DevTR = dyn_cast_or_null<TypedValueRegion>(Dev);
  if (!DevTR)
    return "";
  const RecordDecl *DevRD = DevTR->getValueType()->getAsRecordDecl();
  for (const FieldDecl *FD : DevRD->getDefinition()->fields()) {
    if (api::memberKind(FD) != api::MemberKind::Release)
      continue;
    const auto *FR = dyn_cast_or_null<FunctionCodeRegion>(
        State->getSVal(MRM.getFieldRegion(FD, DevTR)).getAsRegion());
    if (!FR)
      break; // not installed on this path: another file's, maybe
    const auto *Fn = dyn_cast<FunctionDecl>(FR->getDecl());
    const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
    const auto *Body =
        Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
    return Body && Body->body_empty() ? Def->getName().str() : "";
  }
  // The release another file installs (the facts database): a struct of a
  // header whose release this file does not define.
  return F.emptyReleaseInDatabase(containerRecord(R));
}

/// The put of \p R (which may be the last) runs its release: remember what
/// the members it frees point to, so that a later kfree of it is a double
/// free. The platform core's release frees platform_data; a release in this
/// file frees the members it kfree()s, of the device, its family object or
/// the containers around it.
static ProgramStateRef noteReleaseFreedMembers(ProgramStateRef State,
                                               const MemRegion *R,
                                               const DevState &D,
                                               const FileFacts &F,
                                               CheckerContext &C) {
  MemRegionManager &MRM = C.getSValBuilder().getRegionManager();
  auto Freed = [&](const FieldDecl *FD) {
    if (F.releaseFreesMember(FD))
      return true;
    return D.Fam == api::Family::Platform &&
           api::memberKind(FD) == api::MemberKind::PlatformData &&
           api::isRecord(FD->getParent(), api::RecordKind::Device);
  };
  auto Note = [&](const FieldDecl *FD, const SubRegion *Obj) {
    SVal V = State->getSVal(MRM.getFieldRegion(FD, Obj));
    if (const MemRegion *P = V.getAsRegion())
      if (isa<SymbolicRegion>(P->getBaseRegion()))
        State = State->set<KbReleaseFreedMem>(P->getBaseRegion(), FD);
  };
  auto Visit = [&](const SubRegion *Obj, QualType T) {
    const RecordDecl *RD = T.isNull() ? nullptr : T->getAsRecordDecl();
    if (!RD || RD->isUnion() || !RD->getDefinition())
      return;
    for (const FieldDecl *FD : RD->getDefinition()->fields())
      if (FD->getType()->isPointerType() && Freed(FD))
        Note(FD, Obj);
  };
  // Each region from the device out to its outermost container, and the
  // struct device inside the device's own family object.
  for (const MemRegion *Cur = R; const auto *Sub = dyn_cast<SubRegion>(Cur);
       Cur = Sub->getSuperRegion()) {
    QualType T;
    if (const auto *TR = dyn_cast<TypedValueRegion>(Sub))
      T = TR->getValueType();
    else if (const auto *SR = dyn_cast<SymbolicRegion>(Sub))
      T = compat::pointeeStaticType(SR);
    Visit(Sub, T);
    if (Cur == R && !T.isNull())
      if (const FieldRegion *Dev = deviceMemberOf(Sub, T->getAsRecordDecl(), MRM))
        Visit(Dev, Dev->getValueType());
  }
  return State;
}

void LifetimeModel::preDeviceCall(const CallEvent &Call,
                                  CheckerContext &C) const {
  using api::Role;
  const api::Entry *E = modeled(Call);
  if (!E)
    return;
  DevOp Op;
  switch (E->R) {
  case Role::Put: Op = DevOp::Put; break;
  case Role::Del: Op = DevOp::Del; break;
  case Role::Destroy: case Role::DelPut: Op = DevOp::Destroy; break;
  case Role::Init: case Role::Add: case Role::InitAdd: case Role::RegData:
  case Role::Get:
    Op = DevOp::Use;
    break;
  default: return;
  }
  ProgramStateRef State = C.getState();
  const MemRegion *R = deviceArg(Call, *E, State);
  if (!R)
    return;
  Site Here{Call.getOriginExpr(), C.getLocationContext()};
  const DevState *D = State->get<KbDevMap>(R);
  // get_device() on a live device: a later put need not be the last.
  if (E->R == Role::Get &&
      (!D || devStep(D->K, Op).K == DevStepKind::Ignore)) {
    C.addTransition(State->remove<KbDevMap>(R)->add<KbExtraRef>(R));
    return;
  }
  if (State->contains<KbExtraRef>(R))
    return;
  // UA8: the device becomes refcounted inside memory devres will free.
  if ((E->R == Role::Init || E->R == Role::InitAdd) && !D)
    if (const SymbolicRegion *SB = R->getSymbolicBase())
      if (State->contains<KbDevmAllocs>(SB->getSymbol())) {
        report(C, CheckID::UA8, msg::devmMemoryDevice(calleeOf(Call)),
               C.generateNonFatalErrorNode(), nullptr, R, Here);
        return;
      }
  // UA8: the release installed on this path is empty while the device is
  // in heap memory allocated on this path.
  if ((E->R == Role::Init || E->R == Role::InitAdd) && !D)
    if (std::string Rel = emptyReleaseOfHeapDevice(State, R, facts(C), C);
        !Rel.empty()) {
      report(C, CheckID::UA8, msg::emptyReleaseHeap(calleeOf(Call), Rel),
             C.generateNonFatalErrorNode(), nullptr, R, Here);
      return;
    }
  if (!D) {
    // Teardown of a device set up elsewhere (typically in .remove): start
    // tracking from here, knowing nothing about what came before. Not in a
    // release callback: a teardown there of its own device is UA7's, and
    // of another device (a parent it held) ends that device's use here.
    if (Op == DevOp::Use || facts(C).isReleaseFn(topDecl(C)))
      return;
    if (facts(C).isDevmField(Call.getArgExpr(objArg(*E)))) {
      report(C, CheckID::UA6, msg::devmDeviceByHand(calleeOf(Call)),
             C.generateNonFatalErrorNode(), nullptr, R, Site());
      return;
    }
    DevState N(assumedStart(Op), Here, E->Fam);
    N.Assumed = true;
    N.Owner = C.getStackFrame();
    if (Op == DevOp::Put)
      N.UninitAt = Here;
    C.addTransition(State->set<KbDevMap>(R, N),
                    note(C, nullptr, R,
                         Op == DevOp::Del   ? "Device deleted here"
                         : Op == DevOp::Put ? "Device uninitialized here"
                                            : "Device destroyed here"));
    return;
  }

  const DevStep &Step = devStep(D->K, Op);
  switch (Step.K) {
  case DevStepKind::Ignore:
    return;
  case DevStepKind::Move: {
    DevState N = D->with(Step.To);
    if (Op == DevOp::Put)
      N.UninitAt = Here;
    if (isReleasedKind(Step.To))
      State = noteReleaseFreedMembers(State, R, *D, facts(C), C);
    C.addTransition(State->set<KbDevMap>(R, N), note(C, nullptr, R, Step.Note));
    return;
  }
  case DevStepKind::UseAfterRelease: {
    // One report per released device and path; the path goes on so that a
    // later kfree of the container (UA2) is still seen.
    if (D->UseReported)
      return;
    // A put after a teardown this path only saw the end of (.remove, an
    // async unregister) may drop a reference taken earlier (get_device()
    // before async_schedule(): nvdimm's nd_async_device_unregister()).
    if (Op == DevOp::Put && putMayDropAnotherRef(*D))
      return;
    // The same put before the unregister of a device this path looked up
    // (device_destroy(): class_find_device(); put_device(); then
    // device_unregister()): the put dropped the lookup's reference, the
    // unregister drops the registration's.
    if ((Op == DevOp::Del || Op == DevOp::Destroy) && putMayDropAnotherRef(*D))
      return;
    ExplodedNode *N = reportNode(C);
    report(C, CheckID::UA1,
           msg::useAfterRelease(calleeOf(Call), msg::namesOf(*D),
                                D->K == DevKind::Destroyed),
           N, nullptr, R, Site());
    continueFrom(C, State->set<KbDevMap>(R, D->reported()), N);
    return;
  }
  case DevStepKind::DoublePut:
    // A put of a generic or platform device this path did not set up may
    // drop one of several references the caller holds (kobject_get(),
    // cdev refs): two puts prove nothing without the init.
    if (putMayDropAnotherRef(*D))
      return;
    {
      ExplodedNode *N = reportNode(C);
      report(C, CheckID::UA1, msg::doublePut(msg::namesOf(*D)), N, nullptr, R,
             Site());
      continueFrom(C, State->set<KbDevMap>(R, D->reported()), N);
    }
    return;
  case DevStepKind::DelAfterPut: {
    // The order is wrong on this path whatever an unknown callee did to the
    // device earlier (had it deleted it, this delete is a use after the
    // uninit), so an escape does not excuse it.
    ExplodedNode *N = reportNode(C);
    report(C, CheckID::UA5, msg::deleteAfterPut(msg::namesOf(*D)), N, nullptr, R,
           D->UninitAt);
    continueFrom(C, State->set<KbDevMap>(R, D->with(Step.To)), N);
    return;
  }
  case DevStepKind::DevmByHand:
    report(C, CheckID::UA6, msg::devmDeviceByHand(calleeOf(Call)),
           C.generateNonFatalErrorNode(), nullptr, R, Site());
    return;
  }
}

void LifetimeModel::preFree(const CallEvent &Call, CheckerContext &C) const {
  const api::Entry *FE = api::lookup(Call);
  if (!FE || FE->R != api::Role::Free ||
      Call.getNumArgs() <= static_cast<unsigned>(FE->Arg))
    return;
  if (const MemRegion *FR = regionOf(Call.getArgSVal(FE->Arg)))
    freeRegion(FR, C);
}

/// The file's release callback called by hand on a device that is set up:
/// it frees what only the last put may free (hwmon's error path before
/// upstream ada61aa0b118). Reported at the call, which is where the fix goes.
bool LifetimeModel::preReleaseCall(const CallEvent &Call,
                                   CheckerContext &C) const {
  if (Call.getNumArgs() != 1 || !facts(C).isReleaseFn(Call.getDecl()))
    return false;
  const MemRegion *Arg = regionOf(Call.getArgSVal(0));
  ProgramStateRef State = C.getState();
  const MemRegion *R = Arg ? trackedDevice(State, Arg) : nullptr;
  const DevState *D = R ? State->get<KbDevMap>(R) : nullptr;
  if (!D || (D->K != DevKind::Init && D->K != DevKind::Added &&
             D->K != DevKind::Deleted))
    return false;
  ExplodedNode *N = reportNode(C);
  report(C, CheckID::UA2,
         msg::releaseCalledDirectly(msg::namesOf(*D), calleeOf(Call)), N,
         nullptr, R, D->Origin);
  if (D->K != DevKind::Deleted)
    report(C, CheckID::RL4, msg::kfreeInsteadOfPut(msg::namesOf(*D)), N,
           nullptr, R, D->Origin);
  // Reported once, here: the frees inside the release are the same bug.
  continueFrom(C, State->remove<KbDevMap>(R), N);
  return true;
}

/// `T *p __free(kfree) = ...`: the kernel's scope-based cleanup
/// (include/linux/cleanup.h) kfree()s p when its scope ends, unless
/// no_free_ptr()/return_ptr() took it. The analyzer does not run cleanup
/// functions, so the model does it at each return statement, for the
/// variables of the function's outermost scope (not yet: inner scopes, and a
/// void function that falls off its end). True when one was freed.
bool LifetimeModel::cleanupFrees(CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  for (const VarDecl *VD : freedByCleanup(C.getStackFrame()->getDecl())) {
    SVal V = State->getSVal(State->getLValue(VD, C.getLocationContext()));
    if (const MemRegion *FR = regionOf(V))
      if (freeRegion(FR, C))
        return true;
  }
  return false;
}

/// The pointer variables of \p D's outermost scope whose cleanup is
/// `__free_<f>` with `<f>` a Free row (kfree, kvfree, ...). Computed once per
/// function: checkLiveSymbols asks at every dead-symbol sweep.
llvm::ArrayRef<const VarDecl *>
LifetimeModel::freedByCleanup(const Decl *D) const {
  auto [It, New] = CleanupVars.try_emplace(D);
  if (!New)
    return It->second;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
  const auto *Body =
      FD ? dyn_cast_or_null<CompoundStmt>(FD->getBody()) : nullptr;
  if (!Body)
    return It->second;
  for (const Stmt *S : Body->body())
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *Dcl : DS->decls()) {
        const auto *VD = dyn_cast<VarDecl>(Dcl);
        const auto *CA = VD ? VD->getAttr<CleanupAttr>() : nullptr;
        if (!CA || !CA->getFunctionDecl() || !VD->getType()->isPointerType())
          continue;
        StringRef Fn = CA->getFunctionDecl()->getName();
        if (Fn.consume_front("__free_") && api::roleOf(Fn) == api::Role::Free)
          It->second.push_back(VD);
      }
  return It->second;
}

/// A free of the block \p FR (kfree() and the like, or a scope's cleanup):
/// UA2/UA3 when it frees what the model tracks. True when the model's state
/// changed.
bool LifetimeModel::freeRegion(const MemRegion *FR, CheckerContext &C) const {
  ProgramStateRef Before = C.getState(), State = Before;
  if (const FieldDecl *const *FD =
          State->get<KbReleaseFreedMem>(FR->getBaseRegion())) {
    ExplodedNode *N = reportNode(C);
    report(C, CheckID::UA2, msg::kfreeReleasedMember((*FD)->getName()), N,
           nullptr, FR->getBaseRegion(), Site());
    continueFrom(C, State->remove<KbReleaseFreedMem>(FR->getBaseRegion()), N);
    return true;
  }
  if (const SymbolRef *Reg = State->get<KbBorrowMap>(FR->getBaseRegion())) {
    const RegState *RS = State->get<KbRegMap>(*Reg);
    State = State->remove<KbBorrowMap>(FR->getBaseRegion());
    if (RS && RS->K == RegKind::Live) {
      ExplodedNode *N = reportNode(C);
      report(C, CheckID::UA3,
             msg::BorrowFreedEarly,
             N, *Reg, nullptr, RS->Origin);
      continueFrom(C, State, N);
      return true;
    }
  }
  for (const auto &[R, D] : State->get<KbDevMap>()) {
    // The freed block is the device or contains it.
    bool Hit = related(R, FR) && (R == FR || R->isSubRegionOf(FR));
    // The block itself, or container_of() arithmetic back to its start
    // (an element region at a negative offset from the device).
    const MemRegion *Stripped = FR->StripCasts();
    if (!Hit && R->getBaseRegion() == FR->getBaseRegion() &&
        isa<SymbolicRegion>(R->getBaseRegion()) &&
        (isa<SymbolicRegion>(Stripped) || isa<ElementRegion>(Stripped)))
      Hit = true;
    if (!Hit)
      continue;
    ProgramStateRef NS = State->remove<KbDevMap>(R);
    switch (D.K) {
    case DevKind::Init:
    case DevKind::Added:
    case DevKind::Deleted:
    case DevKind::Created: {
      ExplodedNode *N = reportNode(C);
      report(C, CheckID::UA2,
             msg::kfreeInitialized(msg::namesOf(D)),
             N, nullptr, R, D.Origin);
      // The kfree also means the uninit that was owed never happens.
      if (D.K == DevKind::Init || D.K == DevKind::Added)
        report(C, CheckID::RL4,
               msg::kfreeInsteadOfPut(msg::namesOf(D)),
               N, nullptr, R, D.Origin);
      continueFrom(C, NS, N);
      return true;
    }
    case DevKind::Uninit:
    case DevKind::UninitAdded:
    case DevKind::Destroyed:
      // The release callback freed the device; the container too when this
      // file's release callback kfree()s that type. Otherwise, when the
      // file's device release callbacks do not free the container, it is
      // freed outside its release while a reference taken by anyone else
      // (sysfs, a bound driver's get_device()) may still be held.
    {
      std::string Msg;
      if (R == FR || facts(C).isFreedByRelease(containerRecord(R)))
        Msg = msg::kfreeAfterPut(msg::namesOf(D));
      else if (D.K != DevKind::Destroyed && facts(C).HasDeviceRelease)
        Msg = msg::kfreeOutsideRelease(msg::namesOf(D));
      if (!Msg.empty()) {
        ExplodedNode *N = reportNode(C);
        report(C, CheckID::UA2, Msg, N, nullptr, R, D.UninitAt);
        continueFrom(C, NS, N);
        return true;
      }
      break;
    }
    case DevKind::DevmCreated:
      break;
    }
    State = NS;
  }
  C.addTransition(State);
  return State != Before;
}

static ProgramStateRef addBorrows(ProgramStateRef State, SVal Data,
                                  CheckerContext &C);

void LifetimeModel::checkPreCall(const CallEvent &Call,
                                 CheckerContext &C) const {
  // Before the API filter: a release callback is usually static.
  if (preReleaseCall(Call, C))
    return;
  if (!Call.isGlobalCFunction())
    return;
  preRegistrationCall(Call, C);
  preDeviceCall(Call, C);
  preFree(Call, C);
  if (isBuiltin(Call, api::Role::RegNew) && Call.getNumArgs() == 6) {
    ProgramStateRef State = addBorrows(C.getState()->remove<KbPendingBorrow>(),
                                       Call.getArgSVal(5), C);
    if (State != C.getState())
      C.addTransition(State);
  }
}

/// The heap blocks the pointer fields of the data struct point to: the
/// registration copies the struct, so its data keeps borrowing them.
static ProgramStateRef addBorrows(ProgramStateRef State, SVal Data,
                                  CheckerContext &C) {
  const MemRegion *DR = regionOf(Data);
  const auto *TR = dyn_cast_or_null<TypedValueRegion>(DR);
  if (!TR)
    return State;
  const RecordDecl *RD = TR->getValueType()->getAsRecordDecl();
  if (!RD || RD->isUnion())
    return State;
  MemRegionManager &MRM = C.getSValBuilder().getRegionManager();
  for (const FieldDecl *FD : RD->fields()) {
    if (!FD->getType()->isPointerType())
      continue;
    SVal V = State->getSVal(MRM.getFieldRegion(FD, TR));
    const MemRegion *B = V.getAsRegion();
    if (!B)
      continue;
    B = B->getBaseRegion();
    if (isa<SymbolicRegion>(B))
      State = State->add<KbPendingBorrow>(B);
  }
  return State;
}

void LifetimeModel::postCreate(const CallEvent &Call, CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  SVal Ret = Call.getReturnValue();
  SymbolRef Sym = Ret.getAsSymbol();
  if (!Sym || State->get<KbRegMap>(Sym))
    return; // an inlined wrapper whose inner call is already tracked
  const Expr *E = Call.getOriginExpr();
  Site Here{E, C.getLocationContext()};

  if (hasRole(Call, api::Role::RegNewManaged)) {
    State = State->set<KbRegMap>(Sym, RegState(RegKind::Devm, Here));
    C.addTransition(State,
                    note(C, Sym, nullptr, "Devm-managed registration created here"));
    return;
  }

  if (E && isDiscarded(E, C)) {
    // RL1, and nothing to track: no RL2 on top of it.
    report(C, CheckID::RL1, msg::discarded(calleeOf(Call)),
           C.generateNonFatalErrorNode(), nullptr, nullptr, Site());
    return;
  }

  auto Cond = errPtrCond(Sym, C);
  if (!Cond)
    return;
  auto [StErr, StOk] = State->assume(*Cond);
  if (StOk)
    StOk = StOk->assume(Ret.castAs<DefinedOrUnknownSVal>(), true);
  if (StErr)
    C.addTransition(StErr->remove<KbPendingBorrow>());
  if (StOk) {
    StOk = StOk->set<KbRegMap>(Sym, RegState(RegKind::Live, Here))
               ->add<KbNotErr>(Sym);
    for (const MemRegion *B : StOk->get<KbPendingBorrow>())
      StOk = StOk->set<KbBorrowMap>(B, Sym);
    StOk = StOk->remove<KbPendingBorrow>();
    ExplodedNode *N =
        C.addTransition(StOk, note(C, Sym, nullptr, "Registration created here"));
    if (N)
      C.addTransition(StOk, N,
                      note(C, Sym, nullptr,
                           "Assuming the registration succeeded"));
  }
}

void LifetimeModel::postInitOrAdd(const CallEvent &Call,
                                  CheckerContext &C) const {
  using api::Role;
  const api::Entry *E = modeled(Call);
  if (!E)
    return;
  const MemRegion *R = deviceArg(Call, *E, C.getState());
  if (!R)
    return;
  ProgramStateRef State = C.getState();
  const DevState *D = State->get<KbDevMap>(R);
  bool IsAdd = E->R == Role::Add;
  if (IsAdd && (!D || D->K != DevKind::Init))
    return;
  Site Here{Call.getOriginExpr(), C.getLocationContext()};
  auto Fresh = [&](DevKind K) {
    DevState N(K, Here, E->Fam);
    N.Local = isLocalStorage(R, State);
    N.Owner = C.getStackFrame();
    return N;
  };
  std::string Fn = calleeOf(Call).str();

  // device_initialize() cannot fail.
  QualType RetTy = Call.getResultType();
  auto Ret = Call.getReturnValue().getAs<DefinedOrUnknownSVal>();
  if (E->R == Role::Init && RetTy->isVoidType()) {
    C.addTransition(State->set<KbDevMap>(R, Fresh(DevKind::Init)),
                    note(C, nullptr, R, "Device initialized here"));
    return;
  }
  if (!Ret || !RetTy->isIntegerType())
    return;
  BasicValueFactory &BVF = C.getSValBuilder().getBasicValueFactory();
  ProgramStateRef StFail = State->assumeInclusiveRange(
      *Ret, BVF.getValue(-MaxErrno, RetTy), BVF.getValue(-1, RetTy), true);
  ProgramStateRef StOk = State->assume(
      C.getSValBuilder()
          .evalEQ(State, *Ret, C.getSValBuilder().makeZeroVal(RetTy))
          .castAs<DefinedOrUnknownSVal>(),
      true);

  switch (E->R) {
  case Role::Init:
    if (StFail)
      C.addTransition(StFail->remove<KbDevMap>(R));
    if (StOk)
      C.addTransition(StOk->set<KbDevMap>(R, Fresh(DevKind::Init)),
                      note(C, nullptr, R, Fn + " succeeded"));
    return;
  case Role::InitAdd:
    // device_register() initializes the device whether or not the add
    // succeeds: on failure the put is still owed.
    // A static device (board files) is not followed on failure: its
    // reference is never freed, and nothing else of it leaks.
    if (StFail && isa<GlobalsSpaceRegion>(R->getMemorySpace()))
      C.addTransition(StFail->remove<KbDevMap>(R));
    else if (StFail && E->OnFail == api::Fail::IntPut) {
      // A register function of another file that drops the device itself
      // when it fails (vmbus_device_register()): its release may have run.
      DevState Put = Fresh(DevKind::Uninit);
      Put.UninitAt = Here;
      C.addTransition(StFail->set<KbDevMap>(R, Put),
                      note(C, nullptr, R,
                           Fn + " failed and put the device: its release "
                                "callback may have freed it"));
    } else if (StFail)
      C.addTransition(StFail->set<KbDevMap>(R, Fresh(DevKind::Init)),
                      note(C, nullptr, R,
                           Fn + " failed; the device is initialized and "
                                "still needs its put"));
    if (StOk)
      C.addTransition(StOk->set<KbDevMap>(R, Fresh(DevKind::Added)),
                      note(C, nullptr, R, "Device registered here"));
    return;
  default:
    if (StFail)
      C.addTransition(StFail, note(C, nullptr, R, Fn + " failed"));
    if (StOk)
      C.addTransition(StOk->set<KbDevMap>(R, D->with(DevKind::Added)),
                      note(C, nullptr, R, "Device added here"));
    return;
  }
}

/// A function of another file cannot have changed the private variables
/// that hold tracked devices (KbPrivateHolders): after the engine's
/// invalidation for such a call made them fresh symbols, bind them back to
/// their device, or a later teardown through the variable would not reach
/// it.
ProgramStateRef LifetimeModel::checkRegionChanges(
    ProgramStateRef State, const InvalidatedSymbols *,
    ArrayRef<const MemRegion *>, ArrayRef<const MemRegion *>,
    const LocationContext *LCtx, const CallEvent *Call) const {
  const auto *FD = Call ? dyn_cast_or_null<FunctionDecl>(Call->getDecl())
                        : nullptr;
  if (!FD || FD->hasBody() || !LCtx ||
      State->get<KbPrivateHolders>().isEmpty())
    return State;
  for (const auto &[Var, Dev] : State->get<KbPrivateHolders>())
    if (State->getSVal(loc::MemRegionVal(Var)).getAsRegion() != Dev)
      State = State->bindLoc(loc::MemRegionVal(Var), loc::MemRegionVal(Dev),
                             LCtx, /*notifyChanges=*/false);
  return State;
}

void LifetimeModel::checkPostCall(const CallEvent &Call,
                                  CheckerContext &C) const {
  using api::Role;
  if (!Call.isGlobalCFunction())
    return;
  const api::Entry *E = modeled(Call);
  Role R = E ? E->R : Role::Unknown;
  if (api::isRegCreate(R)) {
    postCreate(Call, C);
    return;
  }
  if (R == Role::Init || R == Role::Add || R == Role::InitAdd) {
    postInitOrAdd(Call, C);
    return;
  }
  ProgramStateRef State = C.getState();
  if (isAllocator(Call)) {
    if (SymbolRef S = Call.getReturnValue().getAsSymbol()) {
      State = State->add<KbLocalAllocs>(S);
      if (api::roleOf(Call) == api::Role::ManagedAlloc)
        State = State->add<KbDevmAllocs>(S);
      // The slab and vmalloc allocators return NULL or memory, never an
      // ERR_PTR (their rows say Fail Null): without this, a later IS_ERR()
      // on the pointer splits into an impossible path. Other *alloc*
      // functions (devm_drm_dev_alloc(), iio_device_alloc()) may return an
      // ERR_PTR (Fail Unknown).
      const api::Entry *AE = api::lookup(Call);
      if (AE && AE->OnFail == api::Fail::Null)
        if (auto Cond = errPtrCond(S, C))
          if (ProgramStateRef NotErr = State->assume(*Cond, false))
            State = NotErr->add<KbNotErr>(S);
      C.addTransition(State);
    }
    return;
  }
  if (R == Role::AllocInit) {
    // platform_device_alloc(): NULL, or a new initialized device whose put
    // is owed.
    const MemRegion *Dev = regionOf(Call.getReturnValue());
    auto Ret = Call.getReturnValue().getAs<DefinedOrUnknownSVal>();
    if (!Dev || !Ret)
      return;
    ProgramStateRef StNull = State->assume(*Ret, false);
    ProgramStateRef StOk = State->assume(*Ret, true);
    if (StNull)
      C.addTransition(StNull);
    if (StOk) {
      DevState N(DevKind::Init, Site{Call.getOriginExpr(),
                                     C.getLocationContext()},
                 E->Fam);
      N.Local = true;
      N.Owner = C.getStackFrame();
      C.addTransition(StOk->set<KbDevMap>(Dev, N),
                      note(C, nullptr, Dev, "Device allocated here"));
    }
    return;
  }
  if (R == Role::Create || R == Role::CreateManaged) {
    const MemRegion *Dev = regionOf(Call.getReturnValue());
    if (!Dev)
      return;
    bool Devm = R == Role::CreateManaged;
    DevState N(Devm ? DevKind::DevmCreated : DevKind::Created,
               Site{Call.getOriginExpr(), C.getLocationContext()}, E->Fam);
    N.Owner = C.getStackFrame();
    // The failure result (NULL or an ERR_PTR, per the row) has nothing to
    // tear down: track the device on the success branch only.
    auto Ret = Call.getReturnValue().getAs<DefinedOrUnknownSVal>();
    SymbolRef Sym = Call.getReturnValue().getAsSymbol();
    if (E->OnFail == api::Fail::Null && Ret) {
      if (ProgramStateRef StNull = State->assume(*Ret, false))
        C.addTransition(StNull);
      State = State->assume(*Ret, true);
    } else if (E->OnFail == api::Fail::ErrPtr && Sym) {
      if (auto Cond = errPtrCond(Sym, C)) {
        auto [StErr, StOk] = State->assume(*Cond);
        if (StErr)
          C.addTransition(StErr);
        State = StOk ? StOk->add<KbNotErr>(Sym) : nullptr;
      }
    }
    if (!State)
      return;
    C.addTransition(State->set<KbDevMap>(Dev, N),
                    note(C, nullptr, Dev,
                         Devm ? "Devm-managed device created here"
                              : "Device created here"));
    return;
  }
  if (R == Role::RegDevice || R == Role::RegData) {
    SymbolRef Reg = owningRegistration(State, Call.getArgSVal(objArg(*E)));
    if (!Reg && R == Role::RegDevice) {
      // A registration created elsewhere (typically fetched in .remove):
      // start tracking it so a later drop orders its device's uses. It is
      // not ours to drop, so it never leaks.
      if ((Reg = symbolOf(Call.getArgSVal(objArg(*E))))) {
        RegState RS(RegKind::Live,
                    Site{Call.getOriginExpr(), C.getLocationContext()});
        RS.Escaped = true;
        State = State->set<KbRegMap>(Reg, RS);
      }
    }
    SymbolRef Ret = symbolOf(Call.getReturnValue());
    if (Reg && Ret && Ret != Reg)
      State = State->set<KbDerivedMap>(Ret, Reg);
    C.addTransition(State);
    return;
  }
  if (R == Role::RegDrop && E->User && Call.getNumArgs() >= 1) {
    SymbolRef Reg = symbolOf(Call.getArgSVal(objArg(*E)));
    const RegState *RS = Reg ? State->get<KbRegMap>(Reg) : nullptr;
    if (RS && RS->K == RegKind::Live)
      C.addTransition(
          State->set<KbRegMap>(Reg, RS->with(RegKind::Dropped)),
          note(C, Reg, nullptr, "Registration dropped here"));
    else if (Reg && !RS && !State->get<KbDerivedMap>(Reg))
      C.addTransition(
          State->set<KbRegMap>(
              Reg, RegState(RegKind::Dropped, Site{Call.getOriginExpr(),
                                                   C.getLocationContext()})),
          note(C, Reg, nullptr, "Registration dropped here"));
  }
}

/// Evaluate a call as one with no effect but a fresh return value: nothing
/// it is given is invalidated or escapes.
/// The roles whose rows set a device up (the others' inline bodies, such as
/// dev_get_drvdata()'s load, stay visible to the analyzer).
static bool setsUpDevice(api::Role R) {
  using api::Role;
  return R == Role::Init || R == Role::Add || R == Role::Create ||
         R == Role::InitAdd || R == Role::AllocInit;
}

/// The callee's body is in this translation unit (a driver core file).
static bool hasVisibleBody(const CallEvent &Call) {
  const Decl *D = Call.getRuntimeDefinition().getDecl();
  return D && D->hasBody();
}

static bool evalWithoutSideEffects(const CallEvent &Call, CheckerContext &C) {
  const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
  if (!CE)
    return false;
  ProgramStateRef State = C.getState();
  QualType RetTy = Call.getResultType();
  if (!RetTy->isVoidType())
    State = State->BindExpr(CE, C.getLocationContext(),
                            C.getSValBuilder().conjureSymbolVal(
                                CE, C.getLocationContext(), RetTy,
                                C.blockCount()));
  C.addTransition(State);
  return true;
}

static bool containsAsmGoto(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *A = dyn_cast<GCCAsmStmt>(S))
    if (A->isAsmGoto())
      return true;
  for (const Stmt *Sub : S->children())
    if (containsAsmGoto(Sub))
      return true;
  return false;
}

/// Does \p Call's body contain an `asm goto`? The engine ends every path
/// that reaches one (clang 14-19), so inlining arch_static_branch() would end
/// every path through a dev_dbg() or a static key test of a kernel built
/// with jump labels.
bool LifetimeModel::callsAsmGoto(const CallEvent &Call) const {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call.getDecl());
  if (!FD || !FD->hasBody())
    return false;
  FD = FD->getDefinition();
  auto [It, New] = AsmGotoFns.try_emplace(FD, false);
  if (New)
    It->second = containsAsmGoto(FD->getBody());
  return It->second;
}

bool LifetimeModel::evalCall(const CallEvent &Call, CheckerContext &C) const {
  using api::Role;
  const api::Entry *Row = api::lookup(Call);
  if (!Row)
    // Its result is unknown, and it has no side effect on what is modeled
    // (static keys, jump labels).
    return callsAsmGoto(Call) && evalWithoutSideEffects(Call, C);
  bool Modeled = api::isModeledFamily(Row->Fam);
  Role R = Row->R;
  // The static inline teardown wrappers: modeled, not inlined.
  if (Modeled && (R == Role::Put || R == Role::Del || R == Role::DelPut)) {
    C.addTransition(C.getState());
    return true;
  }
  // Logging (and a device's setup before its add: platform_device_add_data)
  // keeps nothing and changes none of the driver's state: without this, the
  // conservative call would invalidate every global (a device kept in a
  // static would read back as a new symbol after each pr_err()).
  if (R == Role::Logging || R == Role::DeviceSetup)
    return evalWithoutSideEffects(Call, C);
  // list_add(&priv->node, &head): the structure the node is in, and every
  // device embedded in it, is now reachable by whoever walks the list (a
  // teardown by name, a module exit). The list itself is not modeled.
  if (R == Role::Store) {
    const MemRegion *Node = regionOf(Call.getArgSVal(Row->Arg));
    if (!Node)
      return false;
    ProgramStateRef State = C.getState();
    for (const auto &[DR, D] : State->get<KbDevMap>())
      if (DR->getBaseRegion() == Node->getBaseRegion() && !D.EscapedBind) {
        DevState N = D;
        N.EscapedBind = true;
        State = State->set<KbDevMap>(DR, N);
      }
    C.addTransition(State);
    return true;
  }
  // ERR_PTR(err) of a symbolic err: the engine's int-to-pointer cast gives
  // Unknown, and with it a returned ERR_PTR(ret) would not be an error
  // return. A fresh pointer that is an ERR_PTR whenever err is non-zero.
  if (R == Role::MakeErr) {
    const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
    auto Err = Call.getArgSVal(0).getAs<DefinedSVal>();
    if (!CE || !Err || Err->getAs<nonloc::ConcreteInt>())
      return false;
    ProgramStateRef State = C.getState();
    auto [NonZero, Zero] = State->assume(*Err);
    if (!NonZero || Zero)
      return false;
    DefinedOrUnknownSVal P = C.getSValBuilder().conjureSymbolVal(
        nullptr, CE, C.getLocationContext(), Call.getResultType(),
        C.blockCount());
    if (SymbolRef S = P.getAsSymbol())
      if (auto Cond = errPtrCond(S, C))
        if (ProgramStateRef IsErr = State->assume(*Cond, true)) {
          C.addTransition(IsErr->BindExpr(CE, C.getLocationContext(), P));
          return true;
        }
    return false;
  }
  // IS_ERR() on a pointer known not to be an ERR_PTR. The inline body's
  // comparison is lost on casted regions (Element{SymRegion{p}}), which
  // would split an impossible error path.
  if (R == Role::IsErr) {
    SymbolRef S = Call.getArgSVal(0).getAsLocSymbol(/*IncludeBaseRegions=*/true);
    const auto *CE = dyn_cast_or_null<CallExpr>(Call.getOriginExpr());
    if (S && CE && C.getState()->contains<KbNotErr>(S)) {
      SVal False = C.getSValBuilder().makeZeroVal(Call.getResultType());
      C.addTransition(
          C.getState()->BindExpr(CE, C.getLocationContext(), False));
      return true;
    }
  }
  // A device's setup is its row's, not its body's:
  //  - init/add: only the return value. A conservative call would
  //    invalidate everything reachable from the device (dev.parent ->
  //    parent -> drvdata -> the container), so the container pointer would
  //    read back as a new symbol and the device would lose its identity.
  //  - in the driver core's own files, where the API's bodies are visible,
  //    every setup row, creators included: inlining platform_device_alloc()
  //    would track the device it initializes inside a second time, as a
  //    generic device that its platform_device_put() does not reach.
  if (Modeled && setsUpDevice(R)) {
    QualType RetTy = Call.getResultType();
    bool InitOrAdd = R == Role::Init || R == Role::Add || R == Role::InitAdd;
    bool ValueOnly = RetTy->isVoidType() || RetTy->isIntegerType();
    if ((InitOrAdd && ValueOnly) || (!Row->User && hasVisibleBody(Call)))
      return evalWithoutSideEffects(Call, C);
  }
  return false;
}

ProgramStateRef
LifetimeModel::checkPointerEscape(ProgramStateRef State,
                                  const InvalidatedSymbols &Escaped,
                                  const CallEvent *Call,
                                  PointerEscapeKind Kind) const {
  if (Call && isKnownAPI(*Call))
    return State;
  bool Print = Call && isPrintLike(*Call);
  for (SymbolRef S : Escaped) {
    if (Print)
      break;
    if (State->contains<KbLocalAllocs>(S))
      State = State->remove<KbLocalAllocs>(S);
    const RegState *RS = State->get<KbRegMap>(S);
    if (RS && RS->K == RegKind::Live && !RS->Escaped) {
      RegState N = *RS;
      N.Escaped = true;
      State = State->set<KbRegMap>(S, N);
    }
  }
  bool OnCall = Call && (Kind == PSK_DirectEscapeOnCall ||
                         Kind == PSK_IndirectEscapeOnCall);
  for (const auto &[R, D] : State->get<KbDevMap>()) {
    const SymbolicRegion *SB = R->getSymbolicBase();
    if (!SB || !Escaped.count(SB->getSymbol()))
      continue;
    DevState N = D;
    if (!OnCall) {
      // Stores are judged in checkBind, which sees where the pointer goes.
      // An invalidation with no store seen (inline asm with a memory
      // clobber, loop widening) keeps nothing.
      if (Kind != PSK_EscapeOnBind && Kind != PSK_EscapeOther)
        N.EscapedBind = true;
    } else {
      // A sibling field of the container (&priv->lock) does not hand the
      // device over; the device, its container, a field of the device, or
      // anything that reaches the container through another object does.
      bool SameBaseUnrelated = false, Direct = false, LocalArg = false;
      for (unsigned I = 0, E = Call->getNumArgs(); I != E; ++I) {
        const MemRegion *AR = regionOf(Call->getArgSVal(I));
        if (!AR)
          continue;
        if (related(AR, R))
          Direct = true;
        else if (AR->getBaseRegion() == R->getBaseRegion())
          SameBaseUnrelated = true;
        else if (isa<StackSpaceRegion>(AR->getMemorySpace()))
          LocalArg = true; // a local struct may carry it (info.pdev)
      }
      // A function of another file that is not given the device cannot
      // reach it unless it was stored where others look (EscapedBind): a
      // device kept in a file-static variable is out of its reach.
      const Decl *CD = Call->getDecl();
      bool Reaches = Direct || SameBaseUnrelated || LocalArg ||
                     D.EscapedBind || !CD || CD->hasBody() ||
                     hasCallbackArg(*Call);
      // Printing keeps nothing, but an indirect reach still invalidates the
      // container pointer (the device may be re-read as another region).
      if (Reaches && (Print ? (!Direct && !SameBaseUnrelated)
                            : (Direct || !SameBaseUnrelated)))
        if (!receivesOnlyContextDevice(*Call, R, D.Fam)) {
          N.EscapedCall = true;
          if (mayKeepDevice(*Call))
            N.EscapedInTU = true;
        }
    }
    if (!(N == D))
      State = State->set<KbDevMap>(R, N);
  }
  return State;
}

/// The variables a cleanup function frees at the end of their scope
/// (`__free(kfree)`) are used there: keep them, and what they point to, live
/// until cleanupFrees() has run.
void LifetimeModel::checkLiveSymbols(ProgramStateRef State,
                                     SymbolReaper &SR) const {
  if (const LocationContext *LC = SR.getLocationContext())
    for (const VarDecl *VD : freedByCleanup(LC->getDecl()))
      SR.markLive(State->getLValue(VD, LC).getAsRegion());
}

/// A pointer to a tracked device (or into its block) stored outside the
/// locals: someone else can reach it. Not a store into the device's own
/// block (`dev->dma_mask = &dev->coherent_dma_mask`), which reaches nothing
/// new.
void LifetimeModel::checkBind(SVal Loc, SVal Val, const Stmt *S,
                              CheckerContext &C) const {
  ProgramStateRef State = afterBind(Loc.getAsRegion(), Val.getAsRegion(), C);
  if (State != C.getState())
    C.addTransition(State);
}

ProgramStateRef LifetimeModel::afterBind(const MemRegion *LR,
                                         const MemRegion *VR,
                                         CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  if (const MemRegion *const *Held =
          LR ? State->get<KbPrivateHolders>(LR) : nullptr) {
    if (*Held == VR)
      return State; // checkRegionChanges() putting it back
    State = State->remove<KbPrivateHolders>(LR);
  }
  if (!VR || !LR)
    return State;
  const MemRegion *VBase = VR->getBaseRegion(), *LBase = LR->getBaseRegion();
  if (VBase == LBase || isa<StackSpaceRegion>(LR->getMemorySpace()))
    return State;
  // A probe or __init function that keeps its device in a private file
  // variable for .remove or the module exit, which run only if it
  // succeeds: on its own error paths the teardown is still its.
  // (Or an element or field of one: `static struct platform_device
  // *pdev[2]; pdev[i] = platform_device_alloc(...)`, nct6683's init.)
  if (const auto *Var = dyn_cast<VarRegion>(LBase))
    if (facts(C).isPrivateVar(Var->getDecl()) &&
        facts(C).isSetupFn(C.getStackFrame()->getDecl()) &&
        State->get<KbDevMap>(VR))
      return State->set<KbPrivateHolders>(LR, VR);
  for (const auto &[R, D] : State->get<KbDevMap>()) {
    if (R->getBaseRegion() != VBase || D.EscapedBind)
      continue;
    DevState N = D;
    N.EscapedBind = true;
    State = State->set<KbDevMap>(R, N);
  }
  return State;
}

void LifetimeModel::checkDeadSymbols(SymbolReaper &SR,
                                     CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  ExplodedNode *Pred = C.getPredecessor();
  bool Changed = false;

  for (SymbolRef S : State->get<KbLocalAllocs>())
    if (SR.isDead(S)) {
      State = State->remove<KbLocalAllocs>(S);
      Changed = true;
    }
  for (SymbolRef S : State->get<KbDevmAllocs>())
    if (SR.isDead(S)) {
      State = State->remove<KbDevmAllocs>(S);
      Changed = true;
    }
  for (const MemRegion *R : State->get<KbExtraRef>())
    if (!SR.isLiveRegion(R)) {
      State = State->remove<KbExtraRef>(R);
      Changed = true;
    }
  for (SymbolRef S : State->get<KbNotErr>())
    if (SR.isDead(S)) {
      State = State->remove<KbNotErr>(S);
      Changed = true;
    }
  llvm::SmallVector<std::pair<SymbolRef, Site>, 2> LeakedRegs;
  for (const auto &[S, Reg] : State->get<KbDerivedMap>())
    if (SR.isDead(S)) {
      State = State->remove<KbDerivedMap>(S);
      Changed = true;
    }
  for (const auto &[S, RS] : State->get<KbRegMap>()) {
    if (!SR.isDead(S))
      continue;
    bool StillReferenced = false;
    for (const auto &[D, Reg] : State->get<KbDerivedMap>())
      StillReferenced |= Reg == S;
    if (RS.K == RegKind::Live && !RS.Escaped)
      LeakedRegs.push_back({S, RS.Origin});
    if (!StillReferenced || RS.K == RegKind::Live) {
      State = State->remove<KbRegMap>(S);
      Changed = true;
    }
  }

  llvm::SmallVector<std::pair<const MemRegion *, DevState>, 2> LeakedDevs,
      HalfDevs;
  for (const auto &[R, D] : State->get<KbDevMap>()) {
    if (SR.isLiveRegion(R))
      continue;
    bool Keep = false;
    if (D.K == DevKind::Init && !D.EscapedCall && !D.EscapedBind && D.Local)
      LeakedDevs.push_back({R, D});
    else if (D.K == DevKind::UninitAdded && mayReportHalfTeardown(D, C)) {
      HalfDevs.push_back({R, D});
    }
    else if ((D.K == DevKind::Init || D.K == DevKind::Added ||
              D.K == DevKind::Created) &&
             (!D.EscapedCall || !D.EscapedInTU))
      Keep = true; // still checked when its owner returns an error
    if (!Keep) {
      State = State->remove<KbDevMap>(R);
      Changed = true;
    }
  }

  if (LeakedRegs.empty() && LeakedDevs.empty() && HalfDevs.empty()) {
    if (Changed)
      C.addTransition(State);
    return;
  }
  ExplodedNode *N = reportNode(C);
  if (!N)
    N = Pred;
  continueFrom(C, State, N);
  {
    for (const auto &[S, Origin] : LeakedRegs)
      report(C, CheckID::RL2,
             msg::RegNotDropped,
             N, S, nullptr, Origin);
    for (const auto &[R, D] : LeakedDevs)
      report(C, CheckID::RL4, msg::initUnreachable(msg::namesOf(D)), N,
             nullptr, R, D.Origin);
    for (const auto &[R, D] : HalfDevs)
      report(C, CheckID::RL5, msg::halfTeardown(msg::namesOf(D)), N, nullptr,
             R, D.UninitAt);
  }
}

/// Is \p R the device of a parameter of \p SFC's function whose callers,
/// the facts database says, put it when the function fails? Then an error
/// path of the function without the put follows its callers' convention
/// (rio_add_device(), whose callers put_device()), and is no leak.
static bool callersPut(const MemRegion *R, const StackFrameContext *SFC,
                       const FileFacts &F) {
  const SymbolicRegion *SB = R->getSymbolicBase();
  const auto *SRV =
      SB ? dyn_cast<SymbolRegionValue>(SB->getSymbol()) : nullptr;
  const auto *VR = SRV ? dyn_cast<VarRegion>(SRV->getRegion()) : nullptr;
  const auto *PVD = VR ? dyn_cast<ParmVarDecl>(VR->getDecl()) : nullptr;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(SFC->getDecl());
  return PVD && FD && PVD->getDeclContext() == FD &&
         F.callersPutOnFailure(FD, PVD->getFunctionScopeIndex());
}

void LifetimeModel::checkPreStmt(const ReturnStmt *RS, CheckerContext &C) const {
  // The scope's cleanups run after the return value is computed, while the
  // frame's variables are still bound (checkEndFunction is too late: the
  // frame's dead bindings are gone by then).
  if (cleanupFrees(C))
    return;
  const Expr *RetE = RS->getRetValue();
  if (!RetE)
    return;
  ProgramStateRef State = C.getState();
  // UA1: the device (or its container) handed to the caller after the put
  // that may have freed it.
  if (RetE->getType()->isPointerType())
    if (const MemRegion *RR = regionOf(C.getSVal(RetE))) {
      for (const auto &[R, D] : State->get<KbDevMap>()) {
        // Only a device set up on this path: a put of a looked-up device
        // (bus_find_device(); put_device(); return dev;) drops the lookup's
        // reference, not the last one.
        if (!isReleasedKind(D.K) || D.UseReported || D.Assumed ||
            R->getBaseRegion() != RR->getBaseRegion() ||
            !isa<SymbolicRegion>(RR->getBaseRegion()) ||
            !releaseMayFree(D, R, C))
          continue;
        ExplodedNode *N = reportNode(C);
        report(C, CheckID::UA1,
               msg::returnedAfterPut(msg::namesOf(D),
                                     D.K == DevKind::Destroyed),
               N, nullptr, R, Site());
        continueFrom(C, State->set<KbDevMap>(R, D.reported()), N);
        return;
      }
    }
  const StackFrameContext *SFC = C.getStackFrame();
  llvm::SmallVector<std::pair<const MemRegion *, DevState>, 2> Leaks;
  for (const auto &[R, D] : State->get<KbDevMap>()) {
    if (D.Owner != SFC)
      continue;
    // An added device is only this frame's to tear down if this very frame
    // set it up (a helper that returned success handed it over); a created
    // one that a helper returned is the caller's (the return hands it over).
    bool SetUpHere = D.Origin.LC && D.Origin.LC->getStackFrame() == SFC;
    // The frame that set the device up still owes its teardown on an error
    // path after handing it to functions of other files (issue 10, item 4);
    // a function of this file, or a device set up elsewhere, may have kept it.
    if (D.EscapedCall && (D.EscapedInTU || !SetUpHere))
      continue;
    if (D.K == DevKind::Init && callersPut(R, SFC, facts(C)))
      continue;
    if (D.K == DevKind::Init ||
        (D.K == DevKind::Added && D.Local && !D.EscapedBind && SetUpHere) ||
        (D.K == DevKind::Created && !D.EscapedBind))
      Leaks.push_back({R, D});
  }
  if (Leaks.empty() || !returnsError(RetE, C))
    return;
  // An inlined callee returning the error of a register call on its
  // caller's memory (a static `foo_add_device(foo)` returning
  // device_register()'s error): the caller gets the error and the device,
  // as from device_register() itself, and its own error path decides. The
  // callee's frame hands the debt up instead of reporting it. A callee
  // that called device_initialize() itself owns that reference (edac's
  // edac_create_csrow_object()): its error path is judged here.
  if (!SFC->inTopFrame()) {
    const StackFrameContext *Up = SFC->getParent()->getStackFrame();
    bool Handed = false;
    for (const auto &[R, D] : Leaks)
      if (D.K == DevKind::Init && isa<SymbolicRegion>(R->getBaseRegion()) &&
          api::roleOf(dyn_cast_or_null<CallExpr>(D.Origin.S)) ==
              api::Role::InitAdd) {
        DevState N = D;
        N.Owner = Up;
        State = State->set<KbDevMap>(R, N);
        Handed = true;
      }
    if (Handed) {
      C.addTransition(State);
      return;
    }
  }
  for (const auto &[R, D] : Leaks)
    State = State->remove<KbDevMap>(R);
  ExplodedNode *N = reportNode(C);
  continueFrom(C, State, N);
  for (const auto &[R, D] : Leaks) {
    if (D.K == DevKind::Init)
      report(C, CheckID::RL4, msg::initErrorPath(msg::namesOf(D)), N, nullptr,
             R, D.Origin);
    else if (D.K == DevKind::Created)
      report(C, CheckID::RL4, msg::createdErrorPath(msg::namesOf(D)), N,
             nullptr, R, D.Origin);
    else
      report(C, CheckID::RL4, msg::addedErrorPath(msg::namesOf(D)), N,
             nullptr, R, D.Origin);
  }
}

void LifetimeModel::checkEndFunction(const ReturnStmt *RS,
                                     CheckerContext &C) const {
  ProgramStateRef State = C.getState();
  const StackFrameContext *SFC = C.getStackFrame();
  if (!C.inTopFrame()) {
    // A helper returned without an error: its caller now owns the teardown.
    const StackFrameContext *Parent =
        SFC->getParent() ? SFC->getParent()->getStackFrame() : nullptr;
    bool Changed = false;
    for (const auto &[R, D] : State->get<KbDevMap>()) {
      if (D.Owner != SFC)
        continue;
      DevState N = D;
      N.Owner = Parent;
      State = State->set<KbDevMap>(R, N);
      Changed = true;
    }
    if (Changed)
      C.addTransition(State);
    return;
  }
  llvm::SmallVector<std::pair<const MemRegion *, DevState>, 2> Half;
  for (const auto &[R, D] : State->get<KbDevMap>())
    if (D.K == DevKind::UninitAdded && mayReportHalfTeardown(D, C)) {
      Half.push_back({R, D});
    }
  if (Half.empty())
    return;
  for (const auto &[R, D] : Half)
    State = State->remove<KbDevMap>(R);
  ExplodedNode *N = reportNode(C);
  continueFrom(C, State, N);
  for (const auto &[R, D] : Half)
    report(C, CheckID::RL5, msg::halfTeardown(msg::namesOf(D)), N, nullptr, R,
           D.UninitAt);
}

void LifetimeModel::checkLocation(SVal Loc, bool IsLoad, const Stmt *S,
                                  CheckerContext &C) const {
  const MemRegion *R = Loc.getAsRegion();
  if (!R)
    return;
  ProgramStateRef State = C.getState();

  // Memory of a registration (or of its device/data) after the drop.
  if (const SymbolicRegion *SB = R->getSymbolicBase()) {
    SymbolRef Reg =
        owningRegistration(State, loc::MemRegionVal(SB));
    const RegState *RS = Reg ? State->get<KbRegMap>(Reg) : nullptr;
    if (RS && RS->K == RegKind::Dropped) {
      if (RS->UseReported)
        return;
      ExplodedNode *N = reportNode(C);
      report(C, CheckID::UA1, msg::RegUseAfterDrop, N, Reg, nullptr, Site());
      continueFrom(C, State->set<KbRegMap>(Reg, RS->reported()), N);
      return;
    }
  }

  // A field of a released device.
  for (const MemRegion *Cur = R; Cur;) {
    if (const DevState *D = State->get<KbDevMap>(Cur)) {
      if (isReleasedKind(D->K) && !D->UseReported &&
          releaseMayFree(*D, Cur, C)) {
        ExplodedNode *N = reportNode(C);
        report(C, CheckID::UA1, msg::deviceAccessAfterPut(msg::namesOf(*D),
                                                 D->K == DevKind::Destroyed),
               N, nullptr, Cur, Site());
        continueFrom(C, State->set<KbDevMap>(Cur, D->reported()), N);
      }
      return;
    }
    const auto *Sub = dyn_cast<SubRegion>(Cur);
    Cur = Sub ? Sub->getSuperRegion() : nullptr;
  }

  // Another field of the structure the device is embedded in, when this
  // file's release callback frees that structure.
  const MemRegion *Base = R->getBaseRegion();
  if (!isa<SymbolicRegion>(Base))
    return;
  for (const auto &[DR, D] : State->get<KbDevMap>()) {
    if (!isReleasedKind(D.K) || DR->getBaseRegion() != Base)
      continue;
    if (D.UseReported || !releaseMayFree(D, DR, C))
      continue;
    ExplodedNode *N = reportNode(C);
    report(C, CheckID::UA1, msg::containerAccessAfterPut(msg::namesOf(D),
                                                D.K == DevKind::Destroyed),
           N, nullptr, DR, Site());
    continueFrom(C, State->set<KbDevMap>(DR, D.reported()), N);
    return;
  }
}

void LifetimeModel::printState(raw_ostream &Out, ProgramStateRef State,
                               const char *NL, const char *Sep) const {
  auto Flags = [&](bool B, const char *Name) {
    if (B)
      Out << ' ' << Name;
  };
  KbRegMapTy Regs = State->get<KbRegMap>();
  KbDevMapTy Devs = State->get<KbDevMap>();
  if (Regs.isEmpty() && Devs.isEmpty())
    return;
  Out << Sep << "kbound registrations and devices:" << NL;
  for (const auto &[S, RS] : Regs) {
    Out << "  reg " << S << ": " << kindName(RS.K);
    Flags(RS.Escaped, "escaped");
    Flags(RS.UseReported, "use-reported");
    Out << NL;
  }
  for (const auto &[R, D] : Devs) {
    Out << "  dev " << R << ": " << kindName(D.K);
    Flags(D.EscapedCall, "escaped-call");
    Flags(D.EscapedInTU, "escaped-in-tu");
    Flags(D.EscapedBind, "escaped-bind");
    Flags(D.Local, "local");
    Flags(D.Assumed, "assumed");
    Flags(D.UseReported, "use-reported");
    Out << NL;
  }
}

// ---- registration ----------------------------------------------------------

void registerModel(CheckerManager &Mgr) {
  Mgr.registerChecker<LifetimeModel>();
  api::loadUserRows(Mgr);
}

bool shouldRegister(const CheckerManager &) { return true; }

} // namespace

void kbound::enableLifetimeCheck(CheckerManager &Mgr, CheckID ID) {
  Mgr.getChecker<LifetimeModel>()->Checks.enable(ID,
                                                 Mgr.getCurrentCheckerName());
}

void kbound::registerLifetimeModel(CheckerRegistry &Registry) {
  Registry.addChecker(registerModel, shouldRegister, "kbound.LifetimeModel",
                      "Models registration and auxiliary device lifetimes",
                      "", /*IsHidden=*/true);
}
