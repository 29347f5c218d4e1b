//===- ReleaseScan.cpp - UA7: a release callback tears down its device ----===//

#include "ReleaseScan.h"
#include "DriverIndex.h"
#include "KboundAPI.h"
#include "KboundCompat.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

using namespace clang;
using namespace kbound;

namespace {

using Path = llvm::SmallVector<const FieldDecl *, 4>;

/// Functions installed as a `release` member, with where.
class InstallFinder : public RecursiveASTVisitor<InstallFinder> {
public:
  llvm::DenseMap<const FunctionDecl *, const Expr *> Releases;

  void note(const FieldDecl *FD, const Expr *E) {
    if (api::memberKind(FD) != api::MemberKind::Release)
      return;
    const FunctionDecl *Fn = functionNamed(E);
    if (Fn && Fn->hasBody() && Fn->getNumParams() == 1 &&
        !Releases.count(Fn))
      Releases[Fn] = E;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      if (const auto *ME = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParens()))
        note(dyn_cast<FieldDecl>(ME->getMemberDecl()), BO->getRHS());
    return true;
  }
  bool VisitInitListExpr(InitListExpr *Syn) {
    // Designated initializers: the semantic form lists one init per field.
    const InitListExpr *ILE = Syn;
    if (!Syn->isSemanticForm() && Syn->getSemanticForm())
      ILE = Syn->getSemanticForm();
    const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
    if (!RD || RD->isUnion())
      return true;
    unsigned I = 0;
    for (const FieldDecl *FD : RD->fields()) {
      if (I >= ILE->getNumInits())
        break;
      if (const Expr *Init = ILE->getInit(I++))
        note(FD, Init);
    }
    return true;
  }
};

std::optional<Path> containerPath(const Expr *E, const ParmVarDecl *Param,
                                  unsigned Depth = 0);

/// to_foo(P) where to_foo is the file's (or a header's) one-line helper
/// `return container_of(d, struct foo, dev);`: its path, when P is Param.
std::optional<Path> helperPath(const CallExpr *CE, const ParmVarDecl *Param,
                               unsigned Depth) {
  const FunctionDecl *FD = CE->getDirectCallee();
  const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
  if (!Def || Depth > 1 || Def->getNumParams() != 1 || CE->getNumArgs() != 1)
    return std::nullopt;
  const auto *DRE = dyn_cast<DeclRefExpr>(CE->getArg(0)->IgnoreParenCasts());
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!DRE || DRE->getDecl() != Param || !Body || Body->size() != 1)
    return std::nullopt;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  if (!Ret || !Ret->getRetValue())
    return std::nullopt;
  return containerPath(Ret->getRetValue(), Def->getParamDecl(0), Depth + 1);
}

/// container_of(P, T, a.b.dev): the member path a.b.dev, when P is \p Param.
std::optional<Path> containerPath(const Expr *E, const ParmVarDecl *Param,
                                  unsigned Depth) {
  if (const auto *CE = dyn_cast<CallExpr>(E->IgnoreParenCasts()))
    return helperPath(CE, Param, Depth);
  const OffsetOfExpr *Off = nullptr;
  bool UsesParam = false;
  llvm::SmallVector<const Stmt *, 16> Work{E};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *O = dyn_cast<OffsetOfExpr>(S))
      Off = O;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      UsesParam |= DRE->getDecl() == Param;
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  if (!Off || !UsesParam)
    return std::nullopt;
  Path P;
  for (unsigned I = 0; I < Off->getNumComponents(); ++I) {
    const OffsetOfNode &N = Off->getComponent(I);
    if (N.getKind() != OffsetOfNode::Field)
      return std::nullopt;
    P.push_back(N.getField());
  }
  return P;
}

/// The struct device path the object argument names, relative to a local:
/// `&L->a.b` is (L, a.b); `L` is (L, {}).
const VarDecl *basePath(const Expr *E, Path &Out) {
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
  Path Rev;
  while (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!FD)
      return nullptr;
    Rev.push_back(FD);
    if (ME->isArrow()) {
      E = ME->getBase()->IgnoreParenCasts();
      break;
    }
    E = ME->getBase()->IgnoreParenCasts();
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  if (!DRE)
    return nullptr;
  Out.assign(Rev.rbegin(), Rev.rend());
  return dyn_cast<VarDecl>(DRE->getDecl());
}

bool samePath(const Path &A, const Path &B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I)
    if (A[I]->getCanonicalDecl() != B[I]->getCanonicalDecl())
      return false;
  return true;
}

/// The `dev` member of the family's device struct (auxiliary_device,
/// platform_device): a teardown of the wrapper is one of its struct device.
const FieldDecl *deviceMember(QualType T) {
  const RecordDecl *RD = T.isNull() ? nullptr : T->getAsRecordDecl();
  if (!RD || !RD->getDefinition())
    return nullptr;
  for (const FieldDecl *FD : RD->getDefinition()->fields())
    if (api::isRecord(FD->getType()->getAsRecordDecl(),
                      api::RecordKind::Device))
      return FD;
  return nullptr;
}

void scanOne(const FunctionDecl *Fn, const Expr *Installed,
             std::vector<SelfTeardown> &Out) {
  const ParmVarDecl *Param = Fn->getParamDecl(0);
  const auto *PT = Param->getType()->getAs<PointerType>();
  if (!PT || !api::isRecord(PT->getPointeeType()->getAsRecordDecl(),
                            api::RecordKind::Device))
    return;
  // Locals that are the released device's container: L = container_of(dev,
  // T, path) -> path (the parameter itself has the empty path).
  llvm::DenseMap<const VarDecl *, Path> Containers;
  Containers[Param] = Path();
  struct V : RecursiveASTVisitor<V> {
    const ParmVarDecl *Param;
    llvm::DenseMap<const VarDecl *, Path> &Containers;
    llvm::SmallVector<const CallExpr *, 4> Calls;
    V(const ParmVarDecl *P, llvm::DenseMap<const VarDecl *, Path> &C)
        : Param(P), Containers(C) {}
    void bind(const VarDecl *VD, const Expr *E) {
      if (auto P = containerPath(E, Param))
        Containers[VD] = *P;
    }
    bool VisitVarDecl(VarDecl *VD) {
      if (VD->getInit())
        bind(VD, VD->getInit());
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->getOpcode() == BO_Assign)
        if (const auto *DRE =
                dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenCasts()))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            bind(VD, BO->getRHS());
      return true;
    }
    bool VisitCallExpr(CallExpr *CE) {
      Calls.push_back(CE);
      return true;
    }
  } Vis(Param, Containers);
  Vis.TraverseStmt(Fn->getBody());

  for (const CallExpr *CE : Vis.Calls) {
    const api::Entry *E = api::lookup(CE);
    if (!E || E->Arg < 0 || !api::isModeledFamily(E->Fam))
      continue;
    if (E->R != api::Role::Put && E->R != api::Role::Del &&
        E->R != api::Role::DelPut && E->R != api::Role::Destroy)
      continue;
    const Expr *Arg = CE->getArg(E->Arg);
    Path P;
    const VarDecl *Base = basePath(Arg, P);
    auto It = Base ? Containers.find(Base) : Containers.end();
    if (It == Containers.end())
      continue;
    // A wrapper's teardown (auxiliary_device_uninit(adev)) is one of its
    // struct device member.
    QualType ArgT = Arg->IgnoreParenCasts()->getType();
    if (const auto *APT = ArgT->getAs<PointerType>())
      if (!api::isRecord(APT->getPointeeType()->getAsRecordDecl(),
                         api::RecordKind::Device))
        if (const FieldDecl *DevF = deviceMember(APT->getPointeeType()))
          P.push_back(DevF);
    if (samePath(P, It->second))
      Out.push_back({Fn, CE, Installed});
  }
}

} // namespace

std::vector<SelfTeardown>
kbound::scanReleases(const TranslationUnitDecl *TU) {
  InstallFinder F;
  F.TraverseDecl(const_cast<TranslationUnitDecl *>(TU));
  std::vector<SelfTeardown> Out;
  for (const auto &[Fn, Installed] : F.Releases)
    scanOne(Fn, Installed, Out);
  return Out;
}
