//===- FactsExtract.cpp - the kbound-facts plugin action ------------------===//
//
// Cross-file facts (docs/facts-db.md): run over a translation unit with
//   clang -cc1 ... -load kbound.so -plugin kbound-facts
//         -plugin-arg-kbound-facts OUT.tsv
// it writes what each function with a body does to the device-family
// objects rooted at its parameters, in the API table's vocabulary, and what
// the file's release callbacks free. bin/kbound-facts-db.py merges the
// files of a tree into one SQLite database, composes the summaries across
// files, and the checker reads that database (kbound:FactsDatabase).
//
// The summaries are deliberately narrow: an effect counts only when the call
// runs on every path through the function up to its first return (no
// branch, loop or earlier return around it). A helper that sets a device up
// only sometimes gets no row, so it can never cause a report.
//
//===----------------------------------------------------------------------===//

#include "ASTHelpers.h"
#include "DriverIndex.h"
#include "KboundAPI.h"
#include "LifetimeFacts.h"
#include "TagFieldScan.h"
#include "TagResolver.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

using namespace clang;
using namespace kbound;
using kbound::lifetime::rootParam;

namespace {

/// The member path from parameter \p P of \p Fn to the object \p E
/// names: "" for `p` itself, "dev" for `&p->dev`, "adev.dev" for
/// `&p->adev.dev`, also through a local pointer initialized from one of
/// those. None when E is not such a path (container_of(), a call, the value
/// of a pointer member).
std::optional<std::string> memberPath(const Expr *E, const FunctionDecl *Fn,
                                      unsigned P, unsigned Depth = 0) {
  E = E->IgnoreParenCasts();
  bool Addr = false;
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_AddrOf)
      return std::nullopt;
    Addr = true;
    E = UO->getSubExpr()->IgnoreParenCasts();
  }
  llvm::SmallVector<StringRef, 4> Rev;
  bool Arrow = false;
  while (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (!ME->getMemberDecl()->getIdentifier())
      return std::nullopt;
    Rev.push_back(ME->getMemberDecl()->getName());
    E = ME->getBase()->IgnoreParenCasts();
    if ((Arrow = ME->isArrow()))
      break;
  }
  // `p` or `&p->a.b`: anything else is not a place inside *p.
  if (Addr != !Rev.empty() || (Addr && !Arrow))
    return std::nullopt;
  std::string Tail;
  for (StringRef S : llvm::reverse(Rev))
    Tail += (Tail.empty() ? "" : ".") + S.str();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  if (!DRE)
    return std::nullopt;
  if (const auto *PV = dyn_cast<ParmVarDecl>(DRE->getDecl())) {
    if (PV->getDeclContext() != Fn || PV->getFunctionScopeIndex() != P)
      return std::nullopt;
    return Tail;
  }
  const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
  if (!VD || !VD->isLocalVarDecl() || !VD->getInit() || Depth > 1 ||
      !VD->getType()->isPointerType())
    return std::nullopt;
  std::optional<std::string> Base = memberPath(VD->getInit(), Fn, P, Depth + 1);
  if (!Base)
    return std::nullopt;
  return Base->empty() ? Tail
         : Tail.empty() ? *Base
                        : *Base + "." + Tail;
}

/// The one local variable or parameter \p E is rooted at (`x`, `&x->dev`,
/// `x->a.b`), or null.
const VarDecl *rootVar(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(accessBase(E));
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && (VD->isLocalVarDecl() || isa<ParmVarDecl>(VD)) ? VD : nullptr;
}

/// Does \p Fn put (put, unregister, destroy) the object rooted at \p Root
/// after the call \p Call, on a conditional path (an error path)? The
/// caller's side of a register function that leaves the put on failure to
/// its callers (rio_add_device() and rio_setup_device()).
bool putsOnErrorPathAfter(
    const CallExpr *Call, const VarDecl *Root,
    const llvm::DenseMap<const CallExpr *, bool> &Always,
    const SourceManager &SM) {
  if (!Root)
    return false;
  for (const auto &[CE, RunsAlways] : Always) {
    const api::Entry *E = api::lookup(CE);
    if (!E || E->Arg < 0 || static_cast<unsigned>(E->Arg) >= CE->getNumArgs())
      continue;
    if (E->R != api::Role::Put && E->R != api::Role::DelPut &&
        E->R != api::Role::Destroy)
      continue;
    if (!RunsAlways && rootVar(CE->getArg(E->Arg)) == Root &&
        SM.isBeforeInTranslationUnit(Call->getEndLoc(), CE->getBeginLoc()))
      return true;
  }
  return false;
}

/// Does a pointer of type \p T reach a device (a struct device, or a struct
/// that embeds one, a few levels deep)? Only calls passing such pointers
/// can set up or tear down a device: the others (mutex_lock(&x->lock),
/// list and printk helpers) are not followed, nor their files extracted.
bool reachesDevice(QualType T, unsigned Depth = 0) {
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD || Depth > 3)
    return false;
  if (api::isRecord(RD, api::RecordKind::Device) ||
      api::isRecord(RD, api::RecordKind::PlatformDevice) ||
      api::isRecord(RD, api::RecordKind::AuxDevice))
    return true;
  if (const RecordDecl *Def = RD->getDefinition())
    for (const FieldDecl *FD : Def->fields())
      if (!FD->getType()->isPointerType() &&
          reachesDevice(FD->getType(), Depth + 1))
        return true;
  return false;
}

/// The path column of a fact: the member path, or "?" when there is none.
std::string pathColumn(const Expr *E, const FunctionDecl *Fn, unsigned P) {
  std::optional<std::string> Path = memberPath(E, Fn, P);
  return Path ? *Path : "?";
}

/// Where the first exit (a return or goto) of \p Body ends, invalid when
/// it has none.
SourceLocation firstExitEnd(const Stmt *Body, const SourceManager &SM) {
  class Exits : public RecursiveASTVisitor<Exits> {
  public:
    const SourceManager &SM;
    SourceLocation First;
    explicit Exits(const SourceManager &SM) : SM(SM) {}
    bool note(Stmt *S) {
      if (First.isInvalid() ||
          SM.isBeforeInTranslationUnit(S->getEndLoc(), First))
        First = S->getEndLoc();
      return true;
    }
    bool VisitReturnStmt(ReturnStmt *R) { return note(R); }
    bool VisitGotoStmt(GotoStmt *G) { return note(G); }
  } E(SM);
  E.TraverseStmt(const_cast<Stmt *>(Body));
  return E.First;
}

/// Does \p S run on every path from the start of \p Fn's body to its first
/// return? Walk up to the body: any branch, loop or short-circuit on the way
/// makes it conditional, and so does a return or goto that ends before it
/// (`if (!x) return -EINVAL;`; `return device_add(d);` contains the call,
/// it does not end before it). \p FirstExit is firstExitEnd() of the body.
bool runsAlways(const Stmt *S, const FunctionDecl *Fn, ParentMap &PM,
                SourceLocation FirstExit, const SourceManager &SM) {
  const Stmt *Child = S;
  for (const Stmt *P = PM.getParent(S); P; Child = P, P = PM.getParent(P)) {
    if (const auto *If = dyn_cast<IfStmt>(P)) {
      if (Child != If->getCond())
        return false;
    } else if (isa<ForStmt, WhileStmt, DoStmt, SwitchStmt, SwitchCase,
                   AbstractConditionalOperator, LabelStmt>(P)) {
      return false;
    } else if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      if (BO->isLogicalOp() && Child == BO->getRHS())
        return false;
    }
    if (P == Fn->getBody())
      break;
  }
  return FirstExit.isInvalid() ||
         !SM.isBeforeInTranslationUnit(FirstExit, S->getBeginLoc());
}

StringRef returnKind(QualType T) {
  if (T->isVoidType())
    return "void";
  if (T->isIntegerType())
    return "int";
  if (T->isPointerType())
    return "ptr";
  return "other";
}

/// A file name as the compiler saw it, without tabs or newlines (the TSV's
/// separators).
std::string cleanName(StringRef S) {
  std::string Out = S.str();
  for (char &C : Out)
    if (C == '\t' || C == '\n')
      C = ' ';
  return Out;
}

std::string recordName(const RecordDecl *RD) {
  return RD && RD->getIdentifier() ? RD->getName().str() : std::string();
}

class FactsConsumer : public ASTConsumer {
  std::string Out;

public:
  explicit FactsConsumer(std::string Out) : Out(std::move(Out)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    std::string Text = "#kbound-facts 2\n";
    llvm::raw_string_ostream OS(Text);
    for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
      const auto *Fn = dyn_cast<FunctionDecl>(D);
      if (Fn && Fn->doesThisDeclarationHaveABody() && Fn->getIdentifier())
        summarize(Fn, Ctx, OS);
    }
    releases(Ctx, OS);
    creations(Ctx, OS);
    OS.flush();
    write(Ctx, Text);
  }

private:
  void summarize(const FunctionDecl *Fn, ASTContext &Ctx,
                 llvm::raw_ostream &OS) {
    const SourceManager &SM = Ctx.getSourceManager();
    PresumedLoc PL = SM.getPresumedLoc(Fn->getLocation());
    if (PL.isInvalid())
      return;
    // A static inline from a header is part of every file that includes it:
    // only functions of this file itself, and its statics, are summarized.
    if (!SM.isInMainFile(SM.getExpansionLoc(Fn->getLocation())))
      return;
    OS << "F\t" << Fn->getName() << '\t' << (Fn->isExternallyVisible() ? 0 : 1)
       << '\t' << cleanName(PL.getFilename()) << '\t' << PL.getLine() << '\t'
       << returnKind(Fn->getReturnType()) << '\n';

    class Calls : public RecursiveASTVisitor<Calls> {
    public:
      llvm::SmallVector<const CallExpr *, 16> All;
      bool VisitCallExpr(CallExpr *CE) {
        All.push_back(CE);
        return true;
      }
    } V;
    V.TraverseStmt(Fn->getBody());
    ParentMap PM(Fn->getBody());
    SourceLocation FirstExit = firstExitEnd(Fn->getBody(), SM);
    llvm::DenseMap<const CallExpr *, bool> RunsAlways;
    for (const CallExpr *CE : V.All)
      RunsAlways[CE] = runsAlways(CE, Fn, PM, FirstExit, SM);
    for (const CallExpr *CE : V.All) {
      StringRef Callee = calleeName(CE);
      if (Callee.empty())
        continue;
      unsigned Line = SM.getPresumedLineNumber(CE->getBeginLoc());
      bool Always = RunsAlways[CE];
      const api::Entry *E = api::lookup(CE);
      if (E && E->Arg >= 0 &&
          (api::isDevicePrimitive(E->R) || E->R == api::Role::Free)) {
        const Expr *Obj = CE->getArg(E->Arg);
        int P = rootParam(Obj, Fn);
        // Free counts only for the parameter itself, not a member of it or
        // its container.
        if (P >= 0 && E->R == api::Role::Free) {
          const auto *DRE = dyn_cast<DeclRefExpr>(Obj->IgnoreParenCasts());
          if (!DRE || !isa<ParmVarDecl>(DRE->getDecl()))
            continue;
        }
        if (P >= 0)
          OS << "E\t" << Fn->getName() << '\t' << P << '\t'
             << api::roleName(E->R) << '\t' << api::familyName(E->Fam) << '\t'
             << (Always ? 0 : 1) << '\t' << Line << '\t'
             << pathColumn(Obj, Fn, P) << '\n';
        continue;
      }
      if (E)
        continue;
      // A call of a function the table does not know: its own summary (in
      // this file or another) may apply, composed by the database builder.
      for (unsigned I = 0, N = CE->getNumArgs(); I != N; ++I) {
        const Expr *A = CE->getArg(I);
        if (!A->getType()->isPointerType() || !reachesDevice(A->getType()))
          continue;
        if (putsOnErrorPathAfter(CE, rootVar(A), RunsAlways, SM))
          OS << "P\t" << Callee << '\t' << I << '\n';
        int P = rootParam(A, Fn);
        if (P >= 0)
          OS << "C\t" << Fn->getName() << '\t' << P << '\t' << Callee << '\t'
             << I << '\t' << (Always ? 0 : 1) << '\t' << Line << '\t'
             << pathColumn(A, Fn, P) << '\n';
      }
    }
  }

  /// What the file's release callbacks free, by type and member name: the
  /// checker of another file, whose devices these callbacks release, reads
  /// them from the database.
  /// Also the empty releases installed on a struct of a header (UA8 in the
  /// file that sets such a device up in heap memory).
  void releases(ASTContext &Ctx, llvm::raw_ostream &OS) {
    lifetime::FileFacts F = lifetime::FileFacts::compute(Ctx);
    const SourceManager &SM = Ctx.getSourceManager();
    // Only a struct of a header can hold devices of other files (a .c
    // file's own struct foo is not the one another file names).
    auto Shared = [&](const RecordDecl *RD) {
      return !SM.isInMainFile(SM.getExpansionLoc(RD->getLocation()));
    };
    for (const auto &[RD, Release] : F.EmptyReleases)
      if (Shared(RD) && !recordName(RD).empty() && Release->getIdentifier())
        OS << "RE\t" << recordName(RD) << '\t' << Release->getName() << '\n';
    if (!F.HasDeviceRelease)
      return;
    for (const RecordDecl *RD : F.ReleaseHandled) {
      if (!Shared(RD))
        continue;
      std::string N = recordName(RD);
      if (!N.empty())
        OS << "RH\t" << N << '\t' << (F.isFreedByRelease(RD) ? 1 : 0) << '\n';
    }
    for (const FieldDecl *FD : F.ReleaseFreedMembers) {
      std::string N = recordName(FD->getParent());
      if (!N.empty() && FD->getIdentifier() && Shared(FD->getParent()))
        OS << "RM\t" << N << '\t' << FD->getName() << '\n';
    }
  }

  /// Registration-data creations by device name and tag (TM2 in the
  /// checker of the auxiliary driver's file).
  void creations(ASTContext &Ctx, llvm::raw_ostream &OS) {
    std::vector<tag::NamedCreation> All;
    tag::scanCreations(Ctx.getTranslationUnitDecl(), All);
    const SourceManager &SM = Ctx.getSourceManager();
    for (const tag::NamedCreation &C : All) {
      if (!C.Tag->getIdentifier())
        continue;
      tag::ResolvedTag T = tag::resolveTag(C.Tag);
      OS << "TR\t" << C.DevName << '\t' << C.Tag->getName() << '\t'
         << T.TypeName << '\t'
         << (C.Tag->hasExternalFormalLinkage() ? 1 : 0) << '\t'
         << SM.getPresumedLineNumber(C.Call->getBeginLoc()) << '\n';
    }
  }

  void write(ASTContext &Ctx, const std::string &Text) {
    DiagnosticsEngine &Diags = Ctx.getDiagnostics();
    std::string Tmp = Out + ".tmp";
    std::error_code EC;
    {
      llvm::raw_fd_ostream OS(Tmp, EC, llvm::sys::fs::OF_None);
      if (!EC)
        OS << Text;
    }
    if (!EC)
      EC = llvm::sys::fs::rename(Tmp, Out);
    if (EC)
      Diags.Report(Diags.getCustomDiagID(DiagnosticsEngine::Error,
                                         "kbound-facts: cannot write '%0': %1"))
          << Out << EC.message();
  }
};

class FactsAction : public PluginASTAction {
  std::string Out;

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<FactsConsumer>(Out);
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    if (Args.size() == 1 && !Args[0].empty()) {
      Out = Args[0];
      return true;
    }
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    Diags.Report(Diags.getCustomDiagID(
        DiagnosticsEngine::Error,
        "kbound-facts: give the output file once: "
        "-plugin-arg-kbound-facts FILE"));
    return false;
  }

  // Cmdline, not ReplaceAction: a ReplaceAction would replace the analysis
  // of every clang that loads kbound.so. Run it with -plugin kbound-facts.
  ActionType getActionType() override { return CmdlineAfterMainAction; }
};

} // namespace

static FrontendPluginRegistry::Add<FactsAction>
    X("kbound-facts", "write kbound's cross-file facts of this file");
