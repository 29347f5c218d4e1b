//===- DriverCallbacksChecker.cpp - RL3, UA3, UA4 across .probe/.remove ---===//
//
// kbound.DriverCallbacks looks at the driver structs of one translation unit
// and at the .probe/.remove pair each one names. It is an AST checker that
// runs once per TU (checkEndOfTranslationUnit): the bugs it finds span two
// callbacks that the path-sensitive engine never analyzes together.
//
//  RL3  .probe stores a non-devm registration in driver data (a field, a
//       global, or the drvdata itself) and .remove never drops it.
//  UA3  .remove frees memory the registration data borrows before the
//       registration is dropped, or frees what a devm registration borrows
//       (devres drops that registration only after .remove returns).
//  UA4  an auxiliary driver's .probe stores the registration-data pointer
//       (or its container_of) in a global/static or in the parent's data and
//       its .remove never clears it.
//
// How it works (see docs/checker-design.md): a bounded, flow-insensitive
// summary of .probe and the functions it calls (values are traced through
// locals and through parameters back to the call site's arguments), then a
// walk of .remove (and its callees) against that summary; for UA3 the order
// of the free and the drop comes from .remove's CFG.
//
//===----------------------------------------------------------------------===//

#include "ASTHelpers.h"
#include "DriverIndex.h"
#include "ReleaseScan.h"
#include "KboundAPI.h"
#include "KboundCheckers.h"
#include "KboundCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/CFGStmtMap.h"
#include "clang/Lex/Lexer.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugReporter.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/AnalysisManager.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

using namespace clang;
using namespace ento;
using namespace kbound;

namespace {

// How deep the summaries follow calls to functions defined in the TU, and how
// many hops of local/parameter indirection a value is traced through.
constexpr unsigned MaxCallDepth = 4;
constexpr unsigned MaxTraceDepth = 6;

//===----------------------------------------------------------------------===//
// Small AST helpers
//===----------------------------------------------------------------------===//

const Expr *strip(const Expr *E) { return E ? E->IgnoreParenCasts() : nullptr; }


// What a callee is, from the API table (KboundAPI.def).
bool is(StringRef N, api::Role R) { return api::roleOf(N) == R; }
bool isRegNew(StringRef N) { return is(N, api::Role::RegNew); }
bool isDevmRegNew(StringRef N) { return is(N, api::Role::RegNewManaged); }
bool isRegDrop(StringRef N) { return is(N, api::Role::RegDrop); }
void forEachStmt(const Stmt *S, const std::function<void(const Stmt *)> &Fn);
bool isRegData(StringRef N) { return is(N, api::Role::RegData); }
bool isDevAdd(StringRef N) {
  const api::Entry *E = api::lookup(N);
  return E && E->R == api::Role::Add && E->Fam == api::Family::Auxiliary;
}
bool isDevDelete(StringRef N) {
  const api::Entry *E = api::lookup(N);
  return E && E->R == api::Role::Del && E->Fam == api::Family::Auxiliary;
}

// Does E mention field FD anywhere (&priv->cont->adev mentions 'cont')?
bool mentionsField(const Expr *E, const FieldDecl *FD) {
  bool Found = false;
  forEachStmt(E, [&](const Stmt *S) {
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (ME->getMemberDecl() == FD)
        Found = true;
  });
  return Found;
}
bool isSetDrvdata(StringRef N) { return is(N, api::Role::SetDrvdata); }

// External functions known not to drop a registration: calling them with the
// driver data is not an escape.
bool isKnownNonDropping(StringRef N) {
  api::Role R = api::roleOf(N);
  // A driver-core primitive acts on a device, never on a registration.
  return api::isNonKeeping(R) || api::isDevicePrimitive(R);
}

const RecordDecl *pointeeRecord(QualType T) {
  if (T.isNull())
    return nullptr;
  if (const auto *PT = T->getAs<PointerType>())
    if (const RecordType *RT = PT->getPointeeType()->getAs<RecordType>())
      return cast<RecordDecl>(RT->getDecl()->getCanonicalDecl());
  return nullptr;
}

const RecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  if (const RecordType *RT = T->getAs<RecordType>())
    return cast<RecordDecl>(RT->getDecl()->getCanonicalDecl());
  return nullptr;
}


bool isRegPointerType(QualType T) {
  return api::isRecord(pointeeRecord(T), api::RecordKind::Registration);
}

// A struct that embeds a struct auxiliary_device (the real API's container).
bool embedsAuxDevice(const RecordDecl *RD) {
  if (!RD || api::isRecord(RD, api::RecordKind::AuxDevice))
    return false;
  const RecordDecl *Def = RD->getDefinition();
  if (!Def)
    return false;
  for (const FieldDecl *F : Def->fields())
    if (api::isRecord(recordOf(F->getType()), api::RecordKind::AuxDevice))
      return true;
  return false;
}

// The global variable at the bottom of g, g.x, g[i].y (not through pointers).
const VarDecl *globalBase(const Expr *E) {
  E = strip(E);
  while (true) {
    if (const auto *ASE = dyn_cast_or_null<ArraySubscriptExpr>(E)) {
      E = strip(ASE->getBase());
      continue;
    }
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(E)) {
      if (ME->isArrow())
        break;
      E = strip(ME->getBase());
      continue;
    }
    break;
  }
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasGlobalStorage())
        return VD;
  return nullptr;
}

// cfg.reg, cfg.regs[i]: a member of a local struct variable (no '->' on the
// way). Not driver data: nothing for .remove to drop.
bool isLocalObject(const Expr *E) {
  E = strip(E);
  while (true) {
    if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
      E = strip(ASE->getBase());
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return false;
      E = strip(ME->getBase());
      continue;
    }
    break;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return VD->hasLocalStorage();
  return false;
}

// Calls every sub-statement of S (including S), not descending into lambdas.
void forEachStmt(const Stmt *S, const std::function<void(const Stmt *)> &Fn) {
  if (!S)
    return;
  Fn(S);
  for (const Stmt *Child : S->children())
    forEachStmt(Child, Fn);
}

const FunctionDecl *definitionOf(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  if (FD->hasBody(Def) && Def && Def->doesThisDeclarationHaveABody())
    return Def;
  return nullptr;
}

//===----------------------------------------------------------------------===//
// Frames: a function body analyzed on behalf of a call site, so that a
// parameter can be traced back to the caller's argument.
//===----------------------------------------------------------------------===//

struct Frame {
  const FunctionDecl *FD;
  const CallExpr *Call; // in Parent; null at the root
  const Frame *Parent;
  unsigned depth() const { return Parent ? Parent->depth() + 1 : 0; }
  bool onStack(const FunctionDecl *F) const {
    for (const Frame *Fr = this; Fr; Fr = Fr->Parent)
      if (Fr->FD == F)
        return true;
    return false;
  }
};

// The expressions assigned to a local variable anywhere in a function
// (initializer, '=' assignments): a flow-insensitive alias map.
class AssignIndex {
public:
  const std::vector<const Expr *> &valuesOf(const FunctionDecl *FD,
                                            const VarDecl *VD) {
    auto &M = Index[FD];
    if (!Built.count(FD)) {
      Built.insert(FD);
      forEachStmt(FD->getBody(), [&](const Stmt *S) {
        if (const auto *DS = dyn_cast<DeclStmt>(S)) {
          for (const Decl *D : DS->decls())
            if (const auto *V = dyn_cast<VarDecl>(D))
              if (const Expr *Init = V->getInit())
                M[V].push_back(Init);
        } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
          if (BO->getOpcode() == BO_Assign)
            if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(BO->getLHS())))
              if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
                M[V].push_back(BO->getRHS());
        }
      });
    }
    static const std::vector<const Expr *> Empty;
    auto It = M.find(VD);
    return It == M.end() ? Empty : It->second;
  }

private:
  llvm::DenseMap<const FunctionDecl *,
                 llvm::DenseMap<const VarDecl *, std::vector<const Expr *>>>
      Index;
  llvm::SmallPtrSet<const FunctionDecl *, 16> Built;
};

struct Root {
  const Expr *E;
  const Frame *F;
};

// What E may evaluate to: locals are replaced by what is assigned to them,
// parameters by the caller's argument. Roots keep their frame.
void collectRootsImpl(const Expr *E, const Frame *F, AssignIndex &AI,
                      std::vector<Root> &Out, unsigned Depth,
                      unsigned &Steps) {
  // Depth bounds chains, Steps bounds fan-out (a local assigned many times,
  // whose values are locals assigned many times...).
  if (!E || ++Steps > 256)
    return;
  // Roots keep explicit casts: (struct foo *)(p - off) is how container_of
  // says what it points to.
  const Expr *Orig = E->IgnoreParenImpCasts();
  E = strip(E);
  if (Depth < MaxTraceDepth)
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *PVD = dyn_cast<ParmVarDecl>(DRE->getDecl())) {
        if (F->Call && F->Parent) {
          unsigned Idx = PVD->getFunctionScopeIndex();
          if (Idx < F->Call->getNumArgs()) {
            collectRootsImpl(F->Call->getArg(Idx), F->Parent, AI, Out,
                             Depth + 1, Steps);
            return;
          }
        }
      } else if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        if (VD->hasLocalStorage() && !VD->getType()->isRecordType() &&
            !VD->getType()->isArrayType()) {
          const auto &Vals = AI.valuesOf(F->FD, VD);
          if (!Vals.empty()) {
            for (const Expr *V : Vals)
              collectRootsImpl(V, F, AI, Out, Depth + 1, Steps);
            return;
          }
        }
      }
    }
  Out.push_back({Orig, F});
}

void collectRoots(const Expr *E, const Frame *F, AssignIndex &AI,
                  std::vector<Root> &Out) {
  unsigned Steps = 0;
  collectRootsImpl(E, F, AI, Out, 0, Steps);
}

//===----------------------------------------------------------------------===//
// Designators: what a kfree() or a drop may name.
//===----------------------------------------------------------------------===//

struct Desig {
  enum Kind { Field, Global, Object } K;
  const FieldDecl *FD = nullptr;  // Field
  const VarDecl *VD = nullptr;    // Global
  const RecordDecl *RD = nullptr; // Object: any object of this struct type
  bool operator<(const Desig &O) const {
    return std::tie(K, FD, VD, RD) < std::tie(O.K, O.FD, O.VD, O.RD);
  }
  bool operator==(const Desig &O) const {
    return K == O.K && FD == O.FD && VD == O.VD && RD == O.RD;
  }
};

bool rootDesignates(const Expr *E, const Desig &D) {
  E = strip(E);
  switch (D.K) {
  case Desig::Field:
    return memberField(E) == D.FD;
  case Desig::Global:
    return globalBase(E) == D.VD;
  case Desig::Object:
    return pointeeRecord(E->getType()) == D.RD;
  }
  return false;
}

bool designates(const Expr *E, const Frame *F, AssignIndex &AI,
                const Desig &D) {
  if (D.K == Desig::Object &&
      pointeeRecord(strip(E)->getType()) == D.RD)
    return true;
  std::vector<Root> Roots;
  collectRoots(E, F, AI, Roots);
  for (const Root &R : Roots)
    if (rootDesignates(R.E, D))
      return true;
  return false;
}

//===----------------------------------------------------------------------===//
// The summary of .probe
//===----------------------------------------------------------------------===//

// A place the registration data borrows from.
struct Borrow {
  Desig D;
  const Expr *Site; // where the data was made to point there
  const FunctionDecl *SiteFn;
};

// One auxiliary_registration_new / devm_ call reached from .probe.
// Or, for the real auxiliary-bus API, one auxiliary_device_add() of a device
// embedded in a separately allocated container (AuxDev): what the
// container's pointer members point to is borrowed until
// auxiliary_device_delete().
struct Origin {
  const CallExpr *NewCall; // the creation, or the add
  const FunctionDecl *NewFn;
  bool Devm;
  std::vector<Borrow> Borrows;
  bool AuxDev = false;
};

// Where .probe keeps a registration.
struct RegStore {
  enum Kind { Field, Global, DrvData } K;
  const FieldDecl *FD = nullptr;
  const VarDecl *VD = nullptr;
  const Origin *O;
  const Stmt *Site;
  const FunctionDecl *SiteFn;
  std::string Text; // the place as written, e.g. "priv->reg"
};

struct ProbeSummary {
  std::vector<std::unique_ptr<Origin>> Origins;
  std::vector<RegStore> Stores;
  // Functions whose address .probe takes (devm actions, work items): they may
  // run at unbind, so they count as teardown for RL3.
  llvm::SmallPtrSet<const FunctionDecl *, 8> ReferencedFns;
};

class Analysis {
public:
  Analysis(AnalysisManager &Mgr, BugReporter &BR, const CheckSet &Checks)
      : Mgr(Mgr), BR(BR), SM(Mgr.getSourceManager()),
        LO(Mgr.getLangOpts()), Checks(Checks) {}

  void run(const TranslationUnitDecl *TU);

private:
  using Driver = DriverInfo;

  AnalysisManager &Mgr;
  BugReporter &BR;
  const SourceManager &SM;
  const LangOptions &LO;
  const CheckSet &Checks;
  const BugType &bt(CheckID ID) const { return *Checks.get(ID); }
  AssignIndex AI;
  std::set<std::pair<const Stmt *, const Stmt *>> Reported;

  // --- probe summary
  void summarizeProbe(const Frame &F, ProbeSummary &S);
  const Origin *originOf(const Expr *E, const Frame *F, ProbeSummary &S,
                         unsigned Depth = 0);
  const Origin *originOfCall(const CallExpr *CE, const Frame *F,
                             ProbeSummary &S);
  void borrowsOfData(const Expr *Data, const Frame *F, Origin &O);
  void noteAuxDeviceAdd(const CallExpr *Add, const Frame *F, ProbeSummary &S);
  void classifyBorrow(const Expr *E, const Frame *F, Origin &O,
                      const Expr *Site);
  // Frames are owned here so that pointers to them stay valid; a call site
  // analyzed under a given parent frame always gets the same child frame.
  std::map<std::pair<const CallExpr *, const Frame *>, std::unique_ptr<Frame>>
      CallFrames;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Frame>> RootFrames;
  const Frame *child(const CallExpr *CE, const FunctionDecl *Def,
                     const Frame *Parent) {
    auto &Slot = CallFrames[{CE, Parent}];
    if (!Slot)
      Slot.reset(new Frame{Def, CE, Parent});
    return Slot.get();
  }
  // Work left for this TU: every function body entered costs one. Drivers
  // whose probe fans out widely stop being followed (and stay silent).
  unsigned Budget = 20000;
  // The body of CE's callee if the summaries should follow it: defined in the
  // driver's own files (the main file, or a header beside it), not kernel
  // API headers, and while the budget lasts.
  const FunctionDecl *descend(const CallExpr *CE) {
    const FunctionDecl *Def = definitionOf(CE->getDirectCallee());
    if (!Def || !isDriverLocal(Def->getLocation()) || Budget == 0)
      return nullptr;
    --Budget;
    return Def;
  }
  bool isDriverLocal(SourceLocation L) const {
    L = SM.getExpansionLoc(L);
    if (SM.isInMainFile(L))
      return true;
    SourceLocation ML = SM.getLocForStartOfFile(SM.getMainFileID());
    return llvm::sys::path::parent_path(SM.getFilename(L)) ==
           llvm::sys::path::parent_path(SM.getFilename(ML));
  }
  const Frame *root(const FunctionDecl *FD) {
    auto &Slot = RootFrames[FD];
    if (!Slot)
      Slot.reset(new Frame{FD, nullptr, nullptr});
    return Slot.get();
  }
  llvm::DenseMap<const CallExpr *, const Origin *> OriginByCall;

  // --- RL3
  void checkRL3(const Driver &D, const ProbeSummary &S);
  bool teardownDrops(const RegStore &St, const Frame &F, bool &Escapes);

  // --- UA3
  void checkUA3(const Driver &D, const ProbeSummary &S);
  struct Event {
    enum Kind { Drop, Free } K;
    unsigned Which; // index into the store list (Drop) or borrow list (Free)
    const Stmt *Site;
    const FunctionDecl *SiteFn;
  };
  struct BorrowRef {
    const RegStore *Store; // null for devm origins
    const Origin *O;
    const Borrow *B;
  };
  void eventsOfCall(const CallExpr *CE, const Frame &F,
                    const std::vector<const RegStore *> &Stores,
                    const std::vector<BorrowRef> &Borrows,
                    std::vector<Event> &Out);
  void orderCheck(const Frame &F, const std::vector<const RegStore *> &Stores,
                  const std::vector<BorrowRef> &Borrows,
                  llvm::SmallPtrSetImpl<const FunctionDecl *> &Done);

  // --- UA4
  void checkUA4(const Driver &D);
  bool isBoundPointer(const Expr *E, const Frame *F);
  void scanEscapes(const Frame &F, const Driver &D,
                   llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen);
  bool clearedIn(const FunctionDecl *FD, const Desig &Target,
                 llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen,
                 unsigned Depth);

  // --- reporting
  // The expression as written; printed from the AST when it comes out of a
  // macro (the driver's own wrappers), where the source has no text for it.
  std::string text(const Expr *E) const {
    std::string T = Lexer::getSourceText(CharSourceRange::getTokenRange(
                                             E->getSourceRange()),
                                         SM, LO)
                        .str();
    if (!T.empty())
      return T;
    llvm::raw_string_ostream OS(T);
    E->printPretty(OS, nullptr, PrintingPolicy(LO));
    return OS.str();
  }
  PathDiagnosticLocation loc(const Stmt *S, const FunctionDecl *FD) {
    return PathDiagnosticLocation::createBegin(
        S, SM, Mgr.getAnalysisDeclContext(FD));
  }
  PathDiagnosticLocation loc(const Decl *D) {
    return PathDiagnosticLocation(D->getLocation(), SM);
  }
};

//===----------------------------------------------------------------------===//
// Probe summary
//===----------------------------------------------------------------------===//

const Origin *Analysis::originOfCall(const CallExpr *CE, const Frame *F,
                                     ProbeSummary &S) {
  auto It = OriginByCall.find(CE);
  if (It != OriginByCall.end())
    return It->second;
  StringRef N = calleeName(CE);
  if (!isRegNew(N) && !isDevmRegNew(N))
    return nullptr;
  auto O = std::make_unique<Origin>();
  O->NewCall = CE;
  O->NewFn = F->FD;
  O->Devm = isDevmRegNew(N);
  OriginByCall[CE] = O.get();
  if (CE->getNumArgs() >= 6)
    borrowsOfData(CE->getArg(5), F, *O);
  S.Origins.push_back(std::move(O));
  return S.Origins.back().get();
}

// The registration a value may be: a creation call, a local or parameter
// holding one, or a call to a TU function that returns one.
const Origin *Analysis::originOf(const Expr *E, const Frame *F,
                                 ProbeSummary &S, unsigned Depth) {
  std::vector<Root> Roots;
  collectRoots(E, F, AI, Roots);
  // A local reused for several registrations: prefer the creation that comes
  // last before the use (straight-line probe code), else the first one.
  const Origin *Best = nullptr, *First = nullptr;
  for (const Root &R : Roots) {
    const Expr *RE = strip(R.E);
    // &cont->adev: the device embedded in a container that was added.
    if (const auto *UO = dyn_cast<UnaryOperator>(RE))
      if (UO->getOpcode() == UO_AddrOf)
        if (const auto *ME = dyn_cast<MemberExpr>(strip(UO->getSubExpr())))
          if (ME->isArrow() && Depth < MaxCallDepth)
            if (const Origin *O = originOf(ME->getBase(), R.F, S, Depth + 1))
              if (O->AuxDev) {
                if (!First)
                  First = O;
                continue;
              }
    const auto *CE = dyn_cast<CallExpr>(RE);
    if (!CE)
      continue;
    const Origin *O = originOfCall(CE, R.F, S);
    const FunctionDecl *Def = descend(CE);
    if (!O && Def && Depth < MaxCallDepth && !R.F->onStack(Def) &&
        isRegPointerType(CE->getType())) {
      // A helper that returns a registration it created.
      const Frame *Callee = child(CE, Def, R.F);
      forEachStmt(Def->getBody(), [&](const Stmt *St) {
        if (O)
          return;
        if (const auto *RS = dyn_cast<ReturnStmt>(St))
          if (RS->getRetValue())
            O = originOf(RS->getRetValue(), Callee, S, Depth + 1);
      });
    }
    if (!O)
      continue;
    if (!First)
      First = O;
    if (R.F == F && SM.isBeforeInTranslationUnit(CE->getBeginLoc(),
                                                 E->getBeginLoc()) &&
        (!Best || SM.isBeforeInTranslationUnit(Best->NewCall->getBeginLoc(),
                                               CE->getBeginLoc())))
      Best = O;
  }
  return Best ? Best : First;
}

void Analysis::classifyBorrow(const Expr *E, const Frame *F, Origin &O,
                              const Expr *Site) {
  E = strip(E);
  if (!E || !E->getType()->isPointerType())
    return;
  auto Add = [&](Desig D) {
    for (const Borrow &B : O.Borrows)
      if (B.D == D)
        return;
    O.Borrows.push_back({D, Site, F->FD});
  };
  // &priv->gpu: the borrow is the object priv points to.
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_AddrOf)
      return;
    const Expr *Sub = strip(UO->getSubExpr());
    while (true) {
      if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Sub)) {
        Sub = strip(ASE->getBase());
        continue;
      }
      const auto *ME = dyn_cast<MemberExpr>(Sub);
      if (!ME)
        break;
      if (ME->isArrow()) {
        if (const RecordDecl *RD = pointeeRecord(strip(ME->getBase())->getType()))
          Add({Desig::Object, nullptr, nullptr, RD});
        if (const FieldDecl *FD = memberField(ME->getBase()))
          Add({Desig::Field, FD, nullptr, nullptr});
        return;
      }
      Sub = strip(ME->getBase());
    }
    return;
  }
  std::vector<Root> Roots;
  collectRoots(E, F, AI, Roots);
  Roots.push_back({E, F});
  for (const Root &R : Roots) {
    const Expr *RE = strip(R.E);
    if (const FieldDecl *FD = memberField(RE))
      Add({Desig::Field, FD, nullptr, nullptr});
    if (const auto *DRE = dyn_cast<DeclRefExpr>(RE)) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        if (VD->hasGlobalStorage())
          Add({Desig::Global, nullptr, VD, nullptr});
        else if (const RecordDecl *RD = pointeeRecord(VD->getType()))
          Add({Desig::Object, nullptr, nullptr, RD});
      }
    }
  }
  // gpu = kzalloc(); priv->gpu = gpu; info.gpu = gpu: the borrow is also
  // field 'gpu', which is how .remove will name it.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasLocalStorage())
        forEachStmt(F->FD->getBody(), [&](const Stmt *St) {
          const auto *BO = dyn_cast<BinaryOperator>(St);
          if (!BO || BO->getOpcode() != BO_Assign)
            return;
          const auto *R = dyn_cast<DeclRefExpr>(strip(BO->getRHS()));
          if (R && R->getDecl() == VD)
            if (const FieldDecl *FD = memberField(BO->getLHS()))
              Add({Desig::Field, FD, nullptr, nullptr});
        });
}

// The data argument is copied (type->size bytes); what the copy borrows is
// what its pointer members point to.
void Analysis::borrowsOfData(const Expr *Data, const Frame *F, Origin &O) {
  const Expr *E = strip(Data);
  const VarDecl *Obj = nullptr;
  bool ThroughPointer = false;
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(strip(UO->getSubExpr())))
        Obj = dyn_cast<VarDecl>(DRE->getDecl());
  } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    Obj = dyn_cast<VarDecl>(DRE->getDecl());
    ThroughPointer = true;
  }
  if (!Obj)
    return;
  // A parameter: follow it to the caller and look there.
  if (isa<ParmVarDecl>(Obj) && F->Call && F->Parent) {
    unsigned Idx = cast<ParmVarDecl>(Obj)->getFunctionScopeIndex();
    if (Idx < F->Call->getNumArgs())
      borrowsOfData(F->Call->getArg(Idx), F->Parent, O);
    return;
  }
  // Initializer: struct foo_info info = { .gpu = priv->gpu };
  if (!ThroughPointer)
    if (const auto *ILE = dyn_cast_or_null<InitListExpr>(Obj->getInit()))
      for (unsigned I = 0; I < ILE->getNumInits(); ++I)
        classifyBorrow(ILE->getInit(I), F, O, ILE->getInit(I));
  // Assignments: info.gpu = ...; info->gpu = ...;
  forEachStmt(F->FD->getBody(), [&](const Stmt *St) {
    const auto *BO = dyn_cast<BinaryOperator>(St);
    if (!BO || BO->getOpcode() != BO_Assign)
      return;
    const auto *ME = dyn_cast<MemberExpr>(strip(BO->getLHS()));
    if (!ME || ME->isArrow() != ThroughPointer)
      return;
    const auto *Base = dyn_cast<DeclRefExpr>(strip(ME->getBase()));
    if (Base && Base->getDecl() == Obj)
      classifyBorrow(BO->getRHS(), F, O, BO->getRHS());
  });
}

// auxiliary_device_add(&cont->adev) where cont is a local pointer to a
// separately allocated container: the container's allocation becomes an
// AuxDev origin, and what cont->member = V stores is what it borrows.
void Analysis::noteAuxDeviceAdd(const CallExpr *Add, const Frame *F,
                                ProbeSummary &S) {
  std::vector<Root> Roots;
  collectRoots(Add->getArg(0), F, AI, Roots);
  for (const Root &R : Roots) {
    const auto *UO = dyn_cast<UnaryOperator>(strip(R.E));
    if (!UO || UO->getOpcode() != UO_AddrOf)
      continue;
    const auto *ME = dyn_cast<MemberExpr>(strip(UO->getSubExpr()));
    if (!ME || !ME->isArrow())
      continue;
    const auto *Base = dyn_cast<DeclRefExpr>(strip(ME->getBase()));
    const auto *C = Base ? dyn_cast<VarDecl>(Base->getDecl()) : nullptr;
    if (!C || !C->hasLocalStorage() || isa<ParmVarDecl>(C) ||
        !embedsAuxDevice(pointeeRecord(C->getType())))
      continue;
    // The allocations assigned to the container local stand for it.
    const auto &Vals = AI.valuesOf(R.F->FD, C);
    std::vector<const CallExpr *> Allocs;
    for (const Expr *V : Vals)
      if (const auto *AC = dyn_cast<CallExpr>(strip(V)))
        if (calleeName(AC).contains("alloc"))
          Allocs.push_back(AC);
    if (Allocs.empty() || OriginByCall.count(Allocs.front()))
      continue;
    auto O = std::make_unique<Origin>();
    O->NewCall = Add;
    O->NewFn = F->FD;
    O->Devm = false;
    O->AuxDev = true;
    borrowsOfData(Base, R.F, *O);
    for (const CallExpr *AC : Allocs)
      OriginByCall[AC] = O.get();
    S.Origins.push_back(std::move(O));
  }
}

void Analysis::summarizeProbe(const Frame &F, ProbeSummary &S) {
  auto AddStore = [&](RegStore St) {
    for (const RegStore &Old : S.Stores)
      if (Old.K == St.K && Old.FD == St.FD && Old.VD == St.VD &&
          Old.O == St.O)
        return;
    S.Stores.push_back(St);
  };
  forEachStmt(F.FD->getBody(), [&](const Stmt *St) {
    if (const auto *BO = dyn_cast<BinaryOperator>(St)) {
      if (BO->getOpcode() != BO_Assign)
        return;
      const Expr *LHS = strip(BO->getLHS());
      bool IsField = memberField(LHS) != nullptr && !isLocalObject(LHS);
      const VarDecl *G = globalBase(LHS);
      if (!IsField && !G)
        return;
      const Origin *O = originOf(BO->getRHS(), &F, S);
      if (!O)
        return;
      RegStore RS;
      RS.O = O;
      RS.Site = BO;
      RS.SiteFn = F.FD;
      RS.Text = text(BO->getLHS());
      if (IsField) {
        RS.K = RegStore::Field;
        RS.FD = memberField(LHS);
      } else {
        RS.K = RegStore::Global;
        RS.VD = G;
      }
      AddStore(RS);
      return;
    }
    const auto *CE = dyn_cast<CallExpr>(St);
    if (!CE)
      return;
    StringRef N = calleeName(CE);
    if (isSetDrvdata(N) && CE->getNumArgs() == 2) {
      if (const Origin *O = originOf(CE->getArg(1), &F, S)) {
        RegStore RS;
        RS.K = RegStore::DrvData;
        RS.O = O;
        RS.Site = CE;
        RS.SiteFn = F.FD;
        RS.Text = "driver data";
        AddStore(RS);
      }
      return;
    }
    if (isDevAdd(N) && CE->getNumArgs() >= 1)
      noteAuxDeviceAdd(CE, &F, S);
    // Make sure creations that are not stored still get an origin (devm).
    originOfCall(CE, &F, S);
    for (const Expr *Arg : CE->arguments())
      if (const FunctionDecl *Ref = definitionOf(functionNamed(Arg)))
        S.ReferencedFns.insert(Ref);
    const FunctionDecl *Def = descend(CE);
    if (!Def || F.depth() >= MaxCallDepth || F.onStack(Def) ||
        isSetDrvdata(N))
      return;
    summarizeProbe(*child(CE, Def, &F), S);
  });
}

//===----------------------------------------------------------------------===//
// RL3
//===----------------------------------------------------------------------===//

bool dropMatchesStore(const Expr *Arg, const Frame *F, AssignIndex &AI,
                      const RegStore &St) {
  if (St.O->AuxDev) {
    // auxiliary_device_delete(&priv->cont->adev), or through a local.
    if (St.K != RegStore::Field)
      return St.K == RegStore::Global &&
             designates(Arg, F, AI, {Desig::Global, nullptr, St.VD, nullptr});
    std::vector<Root> Roots;
    collectRoots(Arg, F, AI, Roots);
    for (const Root &R : Roots)
      if (mentionsField(R.E, St.FD))
        return true;
    return false;
  }
  switch (St.K) {
  case RegStore::DrvData:
    return true; // the drvdata is the registration; any drop will do
  case RegStore::Field:
    return designates(Arg, F, AI, {Desig::Field, St.FD, nullptr, nullptr});
  case RegStore::Global:
    return designates(Arg, F, AI, {Desig::Global, nullptr, St.VD, nullptr});
  }
  return false;
}

// Does teardown frame F (or a function it calls) drop the registration kept
// in St? Sets Escapes when it hands the place to code we cannot see.
bool Analysis::teardownDrops(const RegStore &St, const Frame &F,
                             bool &Escapes) {
  bool Found = false;
  const RecordDecl *Holder =
      St.K == RegStore::Field
          ? cast<RecordDecl>(St.FD->getParent()->getCanonicalDecl())
          : nullptr;
  forEachStmt(F.FD->getBody(), [&](const Stmt *S) {
    if (Found)
      return;
    const auto *CE = dyn_cast<CallExpr>(S);
    if (!CE)
      return;
    StringRef N = calleeName(CE);
    if (isRegDrop(N)) {
      if (CE->getNumArgs() == 1 && dropMatchesStore(CE->getArg(0), &F, AI, St))
        Found = true;
      return;
    }
    // pci_set_drvdata(pdev, NULL) forgets the registration, it drops
    // nothing: the device it is given is not a hand-off.
    if (isSetDrvdata(N))
      return;
    const FunctionDecl *Def = descend(CE);
    if (Def) {
      if (F.depth() < MaxCallDepth && !F.onStack(Def)) {
        if (teardownDrops(St, *child(CE, Def, &F), Escapes))
          Found = true;
      } else if (!F.onStack(Def)) {
        Escapes = true; // too deep to follow: assume it may drop
      }
      return;
    }
    if (isKnownNonDropping(N))
      return;
    // A call we cannot see: if it is given the registration or the struct
    // holding it, it may drop it.
    const FunctionDecl *Callee = CE->getDirectCallee();
    bool LocalCallee = false;
    if (Callee) {
      // Declared in the driver's own directory (its own headers): part of
      // the same driver, so assume it may tear down anything it is given.
      LocalCallee = isDriverLocal(Callee->getLocation());
    } else {
      LocalCallee = true; // through a function pointer: anything may happen
    }
    for (const Expr *Arg : CE->arguments()) {
      QualType T = strip(Arg)->getType();
      const RecordDecl *RD = pointeeRecord(T);
      if ((LocalCallee && T->isPointerType()) || isRegPointerType(T) ||
          (Holder && RD == Holder) ||
          dropMatchesStore(Arg, &F, AI, St)) {
        Escapes = true;
        return;
      }
    }
  });
  return Found;
}

void Analysis::checkRL3(const Driver &D, const ProbeSummary &S) {
  for (const RegStore &St : S.Stores) {
    if (St.O->Devm || St.O->AuxDev) // devm: nothing to drop; AuxDev: RL5's
      continue;
    bool Escapes = false, Dropped = false;
    if (D.Remove) {
      Dropped = teardownDrops(St, *root(D.Remove), Escapes);
    }
    for (const FunctionDecl *Ref : S.ReferencedFns) {
      if (Dropped || Escapes)
        break;
      Dropped = teardownDrops(St, *root(Ref), Escapes);
    }
    if (Dropped || Escapes)
      continue;
    std::string Place =
        St.K == RegStore::DrvData ? "driver data" : "'" + St.Text + "'";
    std::string Arg = St.K == RegStore::DrvData ? "the driver data" : St.Text;
    std::string Msg = "[RL3] registration stored in " + Place + " by .probe '" +
                      D.Probe->getNameAsString() + "' is never dropped";
    if (D.Remove)
      Msg += " in .remove '" + D.Remove->getNameAsString() +
             "'; call auxiliary_registration_drop(" + Arg + ") in .remove";
    else
      Msg += ": driver '" + D.Var->getNameAsString() +
             "' has no .remove; add one that calls auxiliary_registration_drop(" +
             Arg + ")";
    auto R = std::make_unique<BasicBugReport>(bt(CheckID::RL3), Msg,
                                              loc(St.Site, St.SiteFn));
    R->setDeclWithIssue(D.Probe);
    R->addRange(St.Site->getSourceRange());
    // A separate note only when the creation is not part of the store.
    if (!St.Site->getSourceRange().fullyContains(
            St.O->NewCall->getSourceRange()))
      R->addNote("registration created here", loc(St.O->NewCall, St.O->NewFn));
    if (D.Remove)
      R->addNote(".remove '" + D.Remove->getNameAsString() +
                     "' does not drop it",
                 loc(D.Remove));
    else
      R->addNote("driver '" + D.Var->getNameAsString() + "' has no .remove",
                 loc(D.Var));
    BR.emitReport(std::move(R));
  }
}

//===----------------------------------------------------------------------===//
// UA3
//===----------------------------------------------------------------------===//

void Analysis::eventsOfCall(const CallExpr *CE, const Frame &F,
                            const std::vector<const RegStore *> &Stores,
                            const std::vector<BorrowRef> &Borrows,
                            std::vector<Event> &Out) {
  StringRef N = calleeName(CE);
  if ((isRegDrop(N) || isDevDelete(N)) && CE->getNumArgs() == 1) {
    for (unsigned I = 0; I < Stores.size(); ++I)
      if (Stores[I]->O->AuxDev == isDevDelete(N) &&
          dropMatchesStore(CE->getArg(0), &F, AI, *Stores[I]))
        Out.push_back({Event::Drop, I, CE, F.FD});
    return;
  }
  const Expr *Freed = nullptr;
  const api::Entry *FE = api::lookup(CE);
  if (FE && (FE->R == api::Role::Free || FE->R == api::Role::ManagedFree))
    Freed = CE->getArg(FE->Arg);
  if (Freed) {
    for (unsigned I = 0; I < Borrows.size(); ++I)
      if (designates(Freed, &F, AI, Borrows[I].B->D))
        Out.push_back({Event::Free, I, CE, F.FD});
    return;
  }
  const FunctionDecl *Def = descend(CE);
  if (!Def || F.depth() >= MaxCallDepth || F.onStack(Def))
    return;
  const Frame *Callee = child(CE, Def, &F);
  forEachStmt(Def->getBody(), [&](const Stmt *S) {
    if (const auto *Inner = dyn_cast<CallExpr>(S))
      eventsOfCall(Inner, *Callee, Stores, Borrows, Out);
  });
}

// In F's CFG, is there a free of a borrow that comes before (on some path)
// the drop of the registration that borrows it?
void Analysis::orderCheck(const Frame &F,
                          const std::vector<const RegStore *> &Stores,
                          const std::vector<BorrowRef> &Borrows,
                          llvm::SmallPtrSetImpl<const FunctionDecl *> &Done) {
  AnalysisDeclContext *ADC = Mgr.getAnalysisDeclContext(F.FD);
  CFG *Cfg = ADC ? ADC->getCFG() : nullptr;
  if (!Cfg)
    return;
  struct Pos {
    const CFGBlock *B;
    unsigned Idx;
    Event Ev;
    const CallExpr *TopCall;
  };
  std::vector<Pos> Positions;
  for (const CFGBlock *B : *Cfg) {
    unsigned Idx = 0;
    for (const CFGElement &El : *B) {
      ++Idx;
      auto CS = El.getAs<CFGStmt>();
      if (!CS)
        continue;
      const auto *CE = dyn_cast<CallExpr>(CS->getStmt());
      if (!CE)
        continue;
      std::vector<Event> Evs;
      eventsOfCall(CE, F, Stores, Borrows, Evs);
      for (const Event &Ev : Evs)
        Positions.push_back({B, Idx, Ev, CE});
    }
  }
  auto Reaches = [&](const Pos &From, const Pos &To) {
    if (From.B == To.B)
      return From.Idx < To.Idx;
    llvm::SmallPtrSet<const CFGBlock *, 32> Seen;
    SmallVector<const CFGBlock *, 16> Work;
    Work.push_back(From.B);
    while (!Work.empty()) {
      const CFGBlock *Cur = Work.pop_back_val();
      // Do not follow loop back edges: a drop in the next iteration is a
      // different registration.
      if (Cur != From.B && Cur->getLoopTarget())
        continue;
      for (const CFGBlock *Succ : Cur->succs()) {
        if (!Succ || Succ == From.B || !Seen.insert(Succ).second)
          continue;
        if (Succ == To.B)
          return true;
        Work.push_back(Succ);
      }
    }
    return false;
  };
  for (const Pos &Fr : Positions) {
    if (Fr.Ev.K != Event::Free)
      continue;
    const BorrowRef &BRf = Borrows[Fr.Ev.Which];
    for (const Pos &Dr : Positions) {
      if (Dr.Ev.K != Event::Drop || Stores[Dr.Ev.Which] != BRf.Store)
        continue;
      if (Fr.TopCall == Dr.TopCall) {
        // Both inside one callee: its own CFG decides.
        const FunctionDecl *Def = definitionOf(Fr.TopCall->getDirectCallee());
        if (Def && Done.insert(Def).second)
          orderCheck(*child(Fr.TopCall, Def, &F), Stores, Borrows, Done);
        continue;
      }
      if (!Reaches(Fr, Dr))
        continue;
      if (!Reported.insert({Fr.Ev.Site, Dr.Ev.Site}).second)
        continue;
      const auto *FreeCall = cast<CallExpr>(Fr.Ev.Site);
      const Expr *FreedArg = FreeCall->getArg(FreeCall->getNumArgs() - 1);
      bool Dev = BRf.Store->O->AuxDev;
      std::string Msg =
          Dev ? "[UA3] '" + text(FreedArg) +
                    "' is freed while the auxiliary device in '" +
                    BRf.Store->Text +
                    "' still points to it; call auxiliary_device_delete() on "
                    "it before freeing what its container points to"
              : "[UA3] '" + text(FreedArg) +
                    "' is freed while the registration in '" +
                    BRf.Store->Text +
                    "' still borrows it; call auxiliary_registration_drop(" +
                    BRf.Store->Text + ") before freeing what its data points to";
      auto R = std::make_unique<BasicBugReport>(bt(CheckID::UA3), Msg,
                                                loc(Fr.Ev.Site, Fr.Ev.SiteFn));
      R->setDeclWithIssue(F.FD);
      R->addRange(FreeCall->getSourceRange());
      R->addNote(Dev ? "the device's container points to it here"
                     : "registration data borrows it here",
                 loc(BRf.B->Site, BRf.B->SiteFn));
      if (Dev)
        R->addNote("auxiliary device added here",
                   loc(BRf.O->NewCall, BRf.O->NewFn));
      R->addNote(Dev ? "auxiliary device stored here by .probe"
                     : "registration stored here by .probe",
                 loc(BRf.Store->Site, BRf.Store->SiteFn));
      R->addNote(Dev ? "auxiliary device deleted here, after the free"
                     : "registration dropped here, after the free",
                 loc(Dr.Ev.Site, Dr.Ev.SiteFn));
      BR.emitReport(std::move(R));
    }
  }
}

void Analysis::checkUA3(const Driver &D, const ProbeSummary &S) {
  if (!D.Remove)
    return;
  std::vector<const RegStore *> Stores;
  std::vector<BorrowRef> Borrows;
  for (const RegStore &St : S.Stores) {
    if (St.O->Devm)
      continue;
    Stores.push_back(&St);
    for (const Borrow &B : St.O->Borrows)
      Borrows.push_back({&St, St.O, &B});
  }
  const Frame &RF = *root(D.Remove);
  if (!Borrows.empty()) {
    llvm::SmallPtrSet<const FunctionDecl *, 8> Done;
    orderCheck(RF, Stores, Borrows, Done);
  }

  // devm registrations are dropped by devres after .remove returns: any free
  // of what they borrow in .remove comes first.
  std::vector<BorrowRef> DevmBorrows;
  for (const auto &O : S.Origins)
    if (O->Devm)
      for (const Borrow &B : O->Borrows)
        DevmBorrows.push_back({nullptr, O.get(), &B});
  if (DevmBorrows.empty())
    return;
  std::vector<Event> Evs;
  forEachStmt(D.Remove->getBody(), [&](const Stmt *St) {
    if (const auto *CE = dyn_cast<CallExpr>(St))
      eventsOfCall(CE, RF, {}, DevmBorrows, Evs);
  });
  for (const Event &Ev : Evs) {
    if (Ev.K != Event::Free)
      continue;
    const BorrowRef &BRf = DevmBorrows[Ev.Which];
    if (!Reported.insert({Ev.Site, BRf.O->NewCall}).second)
      continue;
    const auto *FreeCall = cast<CallExpr>(Ev.Site);
    const Expr *FreedArg = FreeCall->getArg(FreeCall->getNumArgs() - 1);
    std::string Msg =
        "[UA3] '" + text(FreedArg) + "' is freed in .remove '" +
        D.Remove->getNameAsString() +
        "' but the devm-managed registration whose data borrows it is "
        "dropped only after .remove returns; allocate it with devm_kzalloc() "
        "before the registration, or use auxiliary_registration_new() and "
        "drop it before the free";
    auto R = std::make_unique<BasicBugReport>(bt(CheckID::UA3), Msg,
                                              loc(Ev.Site, Ev.SiteFn));
    R->setDeclWithIssue(D.Remove);
    R->addRange(FreeCall->getSourceRange());
    R->addNote("devm-managed registration created here",
               loc(BRf.O->NewCall, BRf.O->NewFn));
    R->addNote("registration data borrows it here",
               loc(BRf.B->Site, BRf.B->SiteFn));
    BR.emitReport(std::move(R));
  }
}

//===----------------------------------------------------------------------===//
// UA4
//===----------------------------------------------------------------------===//

bool mentionsDeviceParent(const Expr *E) {
  bool Found = false;
  forEachStmt(E, [&](const Stmt *S) {
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        if (FD->getIdentifier() && FD->getName() == "parent" &&
            api::isRecord(FD->getParent(), api::RecordKind::Device))
          Found = true;
  });
  return Found;
}

// A pointer whose validity ends with the auxiliary driver's binding.
bool Analysis::isBoundPointer(const Expr *E, const Frame *F) {
  std::vector<Root> Roots;
  collectRoots(E, F, AI, Roots);
  for (const Root &R : Roots) {
    const Expr *RE = strip(R.E);
    if (const auto *CE = dyn_cast<CallExpr>(RE))
      if (isRegData(calleeName(CE)))
        return true;
    // container_of(adev, ...) / to_foo(adev): a pointer to the struct that
    // embeds the auxiliary device, computed from the device.
    if (!embedsAuxDevice(pointeeRecord(R.E->getType())) &&
        !embedsAuxDevice(pointeeRecord(RE->getType())))
      continue;
    bool FromAdev = false;
    forEachStmt(RE, [&](const Stmt *S) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
        if (api::isRecord(pointeeRecord(DRE->getType()),
                          api::RecordKind::AuxDevice))
          FromAdev = true;
    });
    if (FromAdev)
      return true;
  }
  return false;
}

// Where an assignment's left-hand side lives longer than the binding.
bool escapeTarget(const Expr *LHS, const Frame *F, AssignIndex &AI,
                  Desig &Out, std::string &What) {
  LHS = strip(LHS);
  if (const VarDecl *G = globalBase(LHS)) {
    if (const FieldDecl *FD = memberField(LHS)) {
      Out = {Desig::Field, FD, nullptr, nullptr};
      What = "a field of global '" + G->getNameAsString() + "'";
    } else {
      Out = {Desig::Global, nullptr, G, nullptr};
      What = std::string(G->isStaticLocal() ? "static '" : "global '") +
             G->getNameAsString() + "'";
    }
    return true;
  }
  const auto *ME = dyn_cast<MemberExpr>(LHS);
  const FieldDecl *FD = memberField(LHS);
  if (!FD)
    return false;
  while (ME && !ME->isArrow())
    ME = dyn_cast<MemberExpr>(strip(ME->getBase()));
  if (!ME) {
    // through an array subscript: find the member expression underneath
    const Expr *E = LHS;
    while (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E))
      E = strip(ASE->getBase());
    ME = dyn_cast<MemberExpr>(E);
    if (!ME || !ME->isArrow())
      return false;
  }
  std::vector<Root> Roots;
  collectRoots(ME->getBase(), F, AI, Roots);
  for (const Root &R : Roots) {
    const Expr *RE = strip(R.E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(RE))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->hasGlobalStorage()) {
          Out = {Desig::Field, FD, nullptr, nullptr};
          What = "'" + FD->getNameAsString() + "' of global '" +
                 VD->getNameAsString() + "'";
          return true;
        }
    if (mentionsDeviceParent(RE)) {
      Out = {Desig::Field, FD, nullptr, nullptr};
      What = "the parent's data ('" + FD->getNameAsString() + "')";
      return true;
    }
  }
  return false;
}

bool Analysis::clearedIn(const FunctionDecl *FD, const Desig &Target,
                         llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen,
                         unsigned Depth) {
  if (!FD || !Seen.insert(FD).second)
    return false;
  bool Found = false;
  forEachStmt(FD->getBody(), [&](const Stmt *S) {
    if (Found)
      return;
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->getOpcode() == BO_Assign && rootDesignates(BO->getLHS(), Target))
        Found = true;
      return;
    }
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      // memset(&g, 0, ...) clears too.
      if (calleeName(CE) == "memset" && CE->getNumArgs() >= 1) {
        const Expr *A = strip(CE->getArg(0));
        if (const auto *UO = dyn_cast<UnaryOperator>(A))
          if (UO->getOpcode() == UO_AddrOf && rootDesignates(UO->getSubExpr(), Target))
            Found = true;
      }
      if (Depth < MaxCallDepth)
        if (const FunctionDecl *Def = descend(CE))
          if (clearedIn(Def, Target, Seen, Depth + 1))
            Found = true;
    }
  });
  return Found;
}

void Analysis::scanEscapes(const Frame &F, const Driver &D,
                           llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
  forEachStmt(F.FD->getBody(), [&](const Stmt *S) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->getOpcode() != BO_Assign || !BO->getLHS()->getType()->isPointerType())
        return;
      Desig Target;
      std::string What;
      if (!escapeTarget(BO->getLHS(), &F, AI, Target, What))
        return;
      if (!isBoundPointer(BO->getRHS(), &F))
        return;
      if (D.Remove) {
        llvm::SmallPtrSet<const FunctionDecl *, 8> CSeen;
        if (clearedIn(D.Remove, Target, CSeen, 0))
          return;
      }
      if (!Reported.insert({BO, nullptr}).second)
        return;
      std::string LHS = text(BO->getLHS());
      std::string Msg = "[UA4] pointer bound to the auxiliary device is stored "
                        "in " + What + " by .probe '" +
                        D.Probe->getNameAsString() +
                        "' and outlives the binding; ";
      if (D.Remove)
        Msg += "clear it in .remove '" + D.Remove->getNameAsString() + "' (" +
               LHS + " = NULL) or keep it in the device's driver data";
      else
        Msg += "add a .remove that clears it (" + LHS +
               " = NULL) or keep it in the device's driver data";
      auto R = std::make_unique<BasicBugReport>(bt(CheckID::UA4), Msg, loc(BO, F.FD));
      R->setDeclWithIssue(D.Probe);
      R->addRange(BO->getSourceRange());
      if (D.Remove)
        R->addNote(".remove '" + D.Remove->getNameAsString() +
                       "' does not clear it",
                   loc(D.Remove));
      else
        R->addNote("driver '" + D.Var->getNameAsString() + "' has no .remove",
                   loc(D.Var));
      BR.emitReport(std::move(R));
      return;
    }
    const auto *CE = dyn_cast<CallExpr>(S);
    if (!CE)
      return;
    const FunctionDecl *Def = descend(CE);
    if (!Def || F.depth() >= MaxCallDepth || F.onStack(Def))
      return;
    scanEscapes(*child(CE, Def, &F), D, Seen);
  });
}

void Analysis::checkUA4(const Driver &D) {
  if (!D.IsAux)
    return;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  scanEscapes(*root(D.Probe), D, Seen);
}

void Analysis::run(const TranslationUnitDecl *TU) {
  std::vector<Driver> Drivers;
  for (const DriverInfo &D : findDrivers(TU))
    if (D.pairsProbeRemove())
      Drivers.push_back(D);
  // KBOUND_DRIVERCALLBACKS_DEBUG=1 lists what the summaries found (stderr).
  static const bool Debug = getenv("KBOUND_DRIVERCALLBACKS_DEBUG") != nullptr;
  for (const Driver &D : Drivers) {
    ProbeSummary S;
    // Twice: a store may come before the add that makes it an origin.
    summarizeProbe(*root(D.Probe), S);
    summarizeProbe(*root(D.Probe), S);
    if (Debug) {
      llvm::errs() << "kbound.DriverCallbacks: driver '" << D.Var->getName()
                   << "' probe=" << D.Probe->getName() << " remove="
                   << (D.Remove ? D.Remove->getName() : "-")
                   << (D.IsAux ? " aux" : "") << " origins="
                   << S.Origins.size() << " stores=" << S.Stores.size();
      for (const RegStore &St : S.Stores)
        llvm::errs() << " [" << St.Text << (St.O->AuxDev ? " dev" : "")
                     << (St.O->Devm ? " devm" : "") << " borrows="
                     << St.O->Borrows.size() << "]";
      llvm::errs() << "\n";
    }
    if (Checks.on(CheckID::RL3))
      checkRL3(D, S);
    if (Checks.on(CheckID::UA3))
      checkUA3(D, S);
    if (Checks.on(CheckID::UA4))
      checkUA4(D);
  }
}

//===----------------------------------------------------------------------===//
// The checker
//===----------------------------------------------------------------------===//

class DriverCallbacksChecker
    : public Checker<check::EndOfTranslationUnit> {
public:
  CheckSet Checks;

  void checkEndOfTranslationUnit(const TranslationUnitDecl *TU,
                                 AnalysisManager &Mgr,
                                 BugReporter &BR) const {
    Analysis A(Mgr, BR, Checks);
    A.run(TU);
    if (Checks.on(CheckID::UA7))
      reportUA7(TU, Mgr, BR);
  }

  void reportUA7(const TranslationUnitDecl *TU, AnalysisManager &Mgr,
                 BugReporter &BR) const {
    const SourceManager &SM = Mgr.getSourceManager();
    for (const SelfTeardown &T : scanReleases(TU)) {
      std::string Fn = calleeName(T.Call).str();
      std::string Msg =
          "[UA7] " + Fn + "() on the device that release callback '" +
          T.Release->getNameAsString() +
          "' is releasing: the release runs because the last reference "
          "was dropped, so this drops it again (a double put, and "
          "recursion); remove the call, a release only frees what the "
          "device owns";
      auto R = std::make_unique<BasicBugReport>(
          *Checks.get(CheckID::UA7), Msg,
          PathDiagnosticLocation::createBegin(
              T.Call, SM, Mgr.getAnalysisDeclContext(T.Release)));
      R->setDeclWithIssue(T.Release);
      R->addRange(T.Call->getSourceRange());
      R->addNote("'" + T.Release->getNameAsString() +
                     "' is installed as the device's release here",
                 PathDiagnosticLocation(T.Installed->getBeginLoc(), SM));
      BR.emitReport(std::move(R));
    }
  }
};

void registerModel(CheckerManager &Mgr) {
  Mgr.registerChecker<DriverCallbacksChecker>();
  api::loadUserRows(Mgr);
}

bool shouldRegister(const CheckerManager &) { return true; }

} // namespace

void kbound::enableCallbacksCheck(CheckerManager &Mgr, CheckID ID) {
  Mgr.getChecker<DriverCallbacksChecker>()->Checks.enable(
      ID, Mgr.getCurrentCheckerName());
}

void kbound::registerCallbacksModel(CheckerRegistry &Registry) {
  Registry.addChecker(registerModel, shouldRegister,
                      "kbound.DriverCallbacksModel",
                      "Registration lifetimes across .probe and .remove", "",
                      /*IsHidden=*/true);
}
