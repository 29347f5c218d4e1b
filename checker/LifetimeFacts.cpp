//===- LifetimeFacts.cpp - per-file facts for the lifetime model ----------===//

#include "LifetimeFacts.h"
#include "ASTHelpers.h"
#include "DriverIndex.h"
#include "FactsDB.h"
#include "KboundAPI.h"
#include "KboundCompat.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;
using namespace kbound::lifetime;
namespace facts = kbound::facts;
using kbound::calleeName;
using kbound::memberField;
namespace api = kbound::api;

namespace {

bool isDevmCreate(const Expr *E) {
  const auto *CE = dyn_cast<CallExpr>(E->IgnoreParenCasts());
  if (!CE)
    return false;
  api::Role R = api::roleOf(CE);
  return R == api::Role::RegNewManaged || R == api::Role::CreateManaged;
}

class FactsVisitor : public RecursiveASTVisitor<FactsVisitor> {
public:
  FileFacts &F;
  ASTContext &Ctx;
  llvm::SmallPtrSet<const VarDecl *, 8> DevmVars;
  // Also assigned something else (a reused local): flow-insensitively we
  // cannot tell which value a field got from it, so it is not devm.
  llvm::SmallPtrSet<const VarDecl *, 8> OtherVars;
  llvm::SmallPtrSet<const FunctionDecl *, 8> ReleaseFns;

  void noteVar(const VarDecl *VD, const Expr *RHS) {
    if (isDevmCreate(RHS))
      DevmVars.insert(VD);
    else if (!RHS->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      OtherVars.insert(VD);
  }

  FactsVisitor(FileFacts &F, ASTContext &Ctx) : F(F), Ctx(Ctx) {}

  void noteAssign(const FieldDecl *FD, const Expr *RHS) {
    if (!FD)
      return;
    if (RHS->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
      return;
    bool Devm = isDevmCreate(RHS);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(RHS->IgnoreParenCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        Devm |= DevmVars.count(VD) && !OtherVars.count(VD);
    (Devm ? F.DevmFields : F.OtherFields).insert(FD);
  }

  void noteCallback(const FieldDecl *Member, const Expr *Init) {
    const FunctionDecl *Fn = kbound::functionNamed(Init);
    if (!Fn)
      return;
    api::MemberKind K = api::memberKind(Member);
    if (K == api::MemberKind::Remove)
      F.RemoveFns.insert(Fn->getCanonicalDecl());
    else if (K == api::MemberKind::Probe)
      F.ProbeFns.insert(Fn->getCanonicalDecl());
    else if (K == api::MemberKind::Release)
      ReleaseFns.insert(Fn->getCanonicalDecl());
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (const Expr *Init = VD->getInit())
      noteVar(VD, Init);
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenCasts()))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          F.AddrTaken.insert(VD->getCanonicalDecl());
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    const Expr *LHS = BO->getLHS()->IgnoreParenCasts();
    const Expr *RHS = BO->getRHS();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS)) {
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        noteVar(VD, RHS);
      return true;
    }
    if (const FieldDecl *FD = memberField(LHS)) {
      noteAssign(FD, RHS);
      noteCallback(FD, RHS);
      if (api::memberKind(FD) == api::MemberKind::Release)
        if (const RecordDecl *Owner = noteReleaseOwner(LHS))
          noteEmptyRelease(Owner, RHS);
    }
    return true;
  }

  // `x->dev.release = fn` with fn's body `{}`: nothing frees x's memory
  // when the last reference goes.
  void noteEmptyRelease(const RecordDecl *Owner, const Expr *RHS) {
    const FunctionDecl *Fn = kbound::functionNamed(RHS);
    const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
    const auto *Body =
        Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
    if (Body && Body->body_empty())
      F.EmptyReleases[Owner] = Def;
  }

  // `foo->adev.dev.release = fn`, or `dev->release = fn` with
  // `struct device *dev = &foo->dev`: the release is foo's. Returns foo's
  // struct (canonical), or null when the owner is not found.
  const RecordDecl *noteReleaseOwner(const Expr *LHS) {
    const Expr *E = LHS;
    for (unsigned Hops = 0; Hops < 4; ++Hops) {
      E = kbound::accessBase(E);
      const RecordDecl *RD = kbound::pointeeRecord(E);
      if (RD && !api::isRecord(RD, api::RecordKind::Device)) {
        const auto *Owner = cast<RecordDecl>(RD->getCanonicalDecl());
        F.ReleaseHandled.insert(Owner);
        return Owner;
      }
      // A local struct device pointer: follow its initializer.
      const auto *DRE = dyn_cast<DeclRefExpr>(E);
      const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      if (!VD || !VD->getInit())
        return nullptr;
      E = VD->getInit();
    }
    return nullptr;
  }

  bool VisitInitListExpr(InitListExpr *Syn) {
    // Designated initializers: the semantic form lists one init per field.
    const InitListExpr *ILE = Syn;
    if (!Syn->isSemanticForm() && Syn->getSemanticForm())
      ILE = Syn->getSemanticForm();
    const auto *RT = ILE->getType()->getAs<RecordType>();
    if (!RT || RT->getDecl()->isUnion())
      return true;
    unsigned I = 0;
    for (const FieldDecl *FD : RT->getDecl()->fields()) {
      if (I >= ILE->getNumInits())
        break;
      if (const Expr *Init = ILE->getInit(I++))
        noteCallback(FD, Init);
    }
    return true;
  }
};

class FreeFinder : public RecursiveASTVisitor<FreeFinder> {
public:
  FileFacts &F;
  explicit FreeFinder(FileFacts &F) : F(F) {}
  bool VisitCallExpr(CallExpr *CE) {
    const api::Entry *E = api::lookup(CE);
    if (!E || E->R != api::Role::Free)
      return true;
    const Expr *Arg = CE->getArg(E->Arg)->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(Arg))
      if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        F.ReleaseFreedMembers.insert(FD->getCanonicalDecl());
    QualType T = Arg->getType();
    if (const auto *PT = T->getAs<PointerType>())
      if (const auto *RT = PT->getPointeeType()->getAs<RecordType>())
        F.ReleaseFreed.insert(
            cast<RecordDecl>(RT->getDecl()->getCanonicalDecl()));
    return true;
  }
  // container_of(dev, struct foo, dev) in a release: it is foo's release.
  bool VisitOffsetOfExpr(OffsetOfExpr *OE) {
    if (const RecordDecl *RD =
            OE->getTypeSourceInfo()->getType()->getAsRecordDecl())
      F.ReleaseHandled.insert(cast<RecordDecl>(RD->getCanonicalDecl()));
    return true;
  }
};

// The access path of an object expression, base first: `&cpx->i2c->auxdev`
// is {cpx, i2c, auxdev}; an array element contributes "[]". Empty when the
// expression is not a plain path (a call result, a cast of arithmetic...).
llvm::SmallVector<StringRef, 4> accessPath(const Expr *E) {
  llvm::SmallVector<StringRef, 4> Rev;
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_AddrOf && UO->getOpcode() != UO_Deref)
        return {};
      E = UO->getSubExpr();
    } else if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (!ME->getMemberDecl()->getIdentifier())
        return {};
      Rev.push_back(ME->getMemberDecl()->getName());
      E = ME->getBase();
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      Rev.push_back("[]");
      E = AS->getBase();
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (!DRE->getDecl()->getIdentifier())
        return {};
      Rev.push_back(DRE->getDecl()->getName());
      break;
    } else {
      return {};
    }
  }
  return llvm::SmallVector<StringRef, 4>(llvm::reverse(Rev));
}

// Whether two access paths may name the same object or one contains the
// other: one is a prefix of the other.
bool mayOverlap(ArrayRef<StringRef> A, ArrayRef<StringRef> B) {
  for (size_t I = 0, E = std::min(A.size(), B.size()); I != E; ++I)
    if (A[I] != B[I])
      return false;
  return true;
}

class DeleteFinder : public RecursiveASTVisitor<DeleteFinder> {
public:
  bool Found = false;
  // The device the half teardown was seen on; empty: any device.
  llvm::SmallVector<StringRef, 4> Dev;
  // Helpers whose bodies were read (a body says more than a name).
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  bool VisitCallExpr(CallExpr *CE) {
    if (api::roleOf(CE) == api::Role::Put)
      return true;
    StringRef N = calleeName(CE);
    // A call through a pointer may do anything.
    if (!CE->getDirectCallee()) {
      Found = true;
      return false;
    }
    // A helper of this file is judged by what it calls, not by its name
    // (ofs_remove_features() may only uninit): read its body instead.
    const FunctionDecl *Def = CE->getDirectCallee()->getDefinition();
    if (Def && Def->hasBody() &&
        Def->getASTContext().getSourceManager().isInMainFile(
            Def->getLocation())) {
      if (Seen.size() < 16 && Seen.insert(Def).second)
        TraverseStmt(Def->getBody());
      return !Found;
    }
    if (!(N.contains("del") || N.contains("unregister") ||
          N.contains("destroy") || N.contains("remove") ||
          N.contains("unplug") || N.contains("unreg")))
      return true;
    // A delete-like call only vouches for the device if it can reach it:
    // no argument at all (a global list), an argument we cannot follow, or
    // one on the device's own access path (the device, its container, the
    // driver data holding it). `unregister(&p->spi->adev)` does not delete
    // `&p->i2c->adev`.
    Found = Dev.empty() || CE->getNumArgs() == 0 ||
            llvm::any_of(CE->arguments(), [&](const Expr *A) {
              auto P = accessPath(A);
              return P.empty() || mayOverlap(P, Dev);
            });
    return !Found;
  }
};

} // namespace

FileFacts FileFacts::compute(ASTContext &Ctx) {
  FileFacts F;
  FactsVisitor V(F, Ctx);
  V.TraverseDecl(Ctx.getTranslationUnitDecl());
  // Second pass: assignments may precede the VarDecl scan order, so the
  // field verdicts are made again with the variables' complete history.
  F.DevmFields.clear();
  F.OtherFields.clear();
  V.TraverseDecl(Ctx.getTranslationUnitDecl());
  FreeFinder FF(F);
  F.ReleaseFns = V.ReleaseFns;
  for (const FunctionDecl *Fn : V.ReleaseFns) {
    if (const FunctionDecl *Def = Fn->getDefinition())
      FF.TraverseDecl(const_cast<FunctionDecl *>(Def));
    // Not a file_operations .release (inode, file): a device's.
    if (Fn->getNumParams() == 1)
      if (const auto *PT = Fn->getParamDecl(0)->getType()->getAs<PointerType>())
        if (const auto *RD = PT->getPointeeType()->getAsRecordDecl())
          if (api::isRecord(RD, api::RecordKind::Device))
            F.HasDeviceRelease = true;
  }
  return F;
}

bool FileFacts::isDevmField(const Expr *E) const {
  const FieldDecl *FD = memberField(E);
  return FD && DevmFields.count(FD) && !OtherFields.count(FD);
}

bool FileFacts::isSetupFn(const Decl *D) const {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
  if (!FD)
    return false;
  if (ProbeFns.count(FD->getCanonicalDecl()))
    return true;
  const auto *SA = FD->getAttr<SectionAttr>();
  return SA && SA->getName() == ".init.text";
}

bool FileFacts::isPrivateVar(const VarDecl *VD) const {
  return VD && VD->hasGlobalStorage() && !VD->isExternallyVisible() &&
         !AddrTaken.count(VD->getCanonicalDecl());
}

bool FileFacts::isRemoveFn(const Decl *D) const {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
  return FD && RemoveFns.count(FD->getCanonicalDecl());
}

bool FileFacts::isReleaseFn(const Decl *D) const {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
  return FD && ReleaseFns.count(FD->getCanonicalDecl());
}

// Where this file has no release for a struct of a header, the facts
// database may have another file's (FactsDB.h): nothing is known of a
// struct without a name.
static bool releaseInDatabase(const RecordDecl *RD, bool &Frees) {
  return RD->getIdentifier() && facts::releaseKnown(RD->getName(), Frees);
}

bool FileFacts::releaseKnownFor(const RecordDecl *RD) const {
  bool Frees;
  return RD && (ReleaseHandled.count(cast<RecordDecl>(RD->getCanonicalDecl())) ||
                releaseInDatabase(RD, Frees));
}

bool FileFacts::isFreedByRelease(const RecordDecl *RD) const {
  if (!RD)
    return false;
  const auto *C = cast<RecordDecl>(RD->getCanonicalDecl());
  if (ReleaseFreed.count(C))
    return true;
  bool Frees = false;
  return !ReleaseHandled.count(C) && releaseInDatabase(RD, Frees) && Frees;
}

std::string FileFacts::emptyReleaseInDatabase(const RecordDecl *RD) const {
  if (!RD || !RD->getIdentifier() ||
      ReleaseHandled.count(cast<RecordDecl>(RD->getCanonicalDecl())))
    return "";
  return facts::emptyRelease(RD->getName()).str();
}

bool FileFacts::callersPutOnFailure(const FunctionDecl *FD,
                                    unsigned Param) const {
  return FD && FD->getIdentifier() && facts::callersPut(FD->getName(), Param);
}

bool FileFacts::releaseFreesMember(const FieldDecl *FD) const {
  if (ReleaseFreedMembers.count(FD->getCanonicalDecl()))
    return true;
  const RecordDecl *RD = FD->getParent();
  return FD->getIdentifier() && RD->getIdentifier() &&
         !ReleaseHandled.count(cast<RecordDecl>(RD->getCanonicalDecl())) &&
         facts::releaseFreesMember(RD->getName(), FD->getName());
}

bool kbound::lifetime::callsSomethingLikeDelete(const FunctionDecl *FD,
                                                const Expr *Device) {
  if (!FD || !FD->hasBody())
    return true;
  DeleteFinder DF;
  if (Device)
    DF.Dev = accessPath(Device);
  DF.TraverseStmt(FD->getBody());
  return DF.Found;
}

/// The parameter of \p Fn that the object expression \p E is rooted at
/// (`p`, `&p->dev`, `to_foo(p)`, container_of(p, ...), a local initialized
/// from one of those), or -1. Exactly one parameter may appear.
int kbound::lifetime::rootParam(const Expr *E, const FunctionDecl *Fn,
                                unsigned Depth) {
  class Finder : public RecursiveASTVisitor<Finder> {
  public:
    const FunctionDecl *Fn;
    unsigned Depth;
    int Found = -1;
    bool Ambiguous = false;
    void hit(int I) {
      if (Found >= 0 && Found != I)
        Ambiguous = true;
      Found = I;
    }
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl())) {
        if (P->getDeclContext() == Fn)
          hit(P->getFunctionScopeIndex());
      } else if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        if (VD->isLocalVarDecl() && VD->getInit() && Depth < 2) {
          int I = rootParam(VD->getInit(), Fn, Depth + 1);
          if (I >= 0)
            hit(I);
        }
      }
      return true;
    }
  } F;
  F.Fn = Fn;
  F.Depth = Depth;
  F.TraverseStmt(const_cast<Expr *>(E));
  return F.Ambiguous ? -1 : F.Found;
}
