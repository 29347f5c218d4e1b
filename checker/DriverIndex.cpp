//===- DriverIndex.cpp - the drivers a translation unit defines ----------===//

#include "DriverIndex.h"
#include "KboundAPI.h"
#include "KboundCompat.h"

#include <functional>

using namespace clang;
using namespace kbound;

const FunctionDecl *kbound::functionNamed(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *FD = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = FD->getDefinition();
  return Def ? Def : FD;
}

namespace {

const RecordDecl *recordDef(QualType T) {
  const RecordDecl *RD = T.isNull() ? nullptr : T->getAsRecordDecl();
  return RD ? RD->getDefinition() : nullptr;
}

const VarDecl *varNamed(const Expr *E) {
  const auto *DRE = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts())
                      : nullptr;
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// Read the members of one struct initializer (the semantic form lists one
/// init per field, whatever the source layout).
void readMembers(const InitListExpr *ILE, const RecordDecl *RD,
                 DriverInfo &D, bool &HasProbe) {
  auto Visit = [&](const FieldDecl *F, const Expr *Init) {
    if (!F)
      return;
    if (F->isAnonymousStructOrUnion()) {
      if (const RecordDecl *Sub = recordDef(F->getType())) {
        if (const auto *SubIL = dyn_cast_or_null<InitListExpr>(Init))
          readMembers(SubIL, Sub, D, HasProbe);
        else
          for (const FieldDecl *SF : Sub->fields())
            D.HasRemove |= api::memberKind(SF) == api::MemberKind::Remove;
      }
      return;
    }
    api::MemberKind K = api::memberKind(F);
    if (K == api::MemberKind::IdTable) {
      if (!D.IdTable)
        D.IdTable = varNamed(Init);
      return;
    }
    if ((K != api::MemberKind::Probe && K != api::MemberKind::Remove) ||
        !F->getType()->isFunctionPointerType())
      return;
    bool IsProbe = K == api::MemberKind::Probe;
    (IsProbe ? HasProbe : D.HasRemove) = true;
    const FunctionDecl *Fn = functionNamed(Init);
    if (Fn && Fn->hasBody())
      (IsProbe ? D.Probe : D.Remove) = Fn;
  };
  if (RD->isUnion()) {
    // The other members of the union still tell what the struct is.
    for (const FieldDecl *F : RD->fields())
      D.HasRemove |= api::memberKind(F) == api::MemberKind::Remove;
    if (ILE->getNumInits() == 1)
      Visit(ILE->getInitializedFieldInUnion(), ILE->getInit(0));
    return;
  }
  unsigned Idx = 0;
  for (const FieldDecl *F : RD->fields()) {
    unsigned I = Idx++;
    Visit(F, I < ILE->getNumInits() ? ILE->getInit(I) : nullptr);
  }
}

} // namespace

std::vector<DriverInfo> kbound::findDrivers(const TranslationUnitDecl *TU) {
  std::vector<DriverInfo> Out;
  // Drivers may be nested: an array of drivers, or a driver embedded in a
  // bigger struct (`{ .adrv = { .probe = ..., .remove = ... } }`).
  std::function<void(const InitListExpr *, const VarDecl *, unsigned)> Walk =
      [&](const InitListExpr *ILE, const VarDecl *VD, unsigned Depth) {
        if (!ILE || Depth > 4)
          return;
        if (!ILE->isSemanticForm() && ILE->getSemanticForm())
          ILE = ILE->getSemanticForm();
        if (const RecordDecl *RD = recordDef(ILE->getType())) {
          DriverInfo D{VD, RD, nullptr, nullptr, nullptr, false, false};
          bool HasProbe = false;
          readMembers(ILE, RD, D, HasProbe);
          if (D.Probe || D.Remove) {
            D.IsAux = api::isRecord(RD, api::RecordKind::AuxDriver);
            if (!D.IsAux && D.Probe && D.Probe->getNumParams() > 0)
              if (const auto *PT =
                      D.Probe->getParamDecl(0)->getType()->getAs<PointerType>())
                D.IsAux = api::isRecord(PT->getPointeeType()->getAsRecordDecl(),
                                        api::RecordKind::AuxDevice);
            Out.push_back(D);
            if (HasProbe && D.HasRemove)
              return; // a whole driver: nothing nested in it is another
          }
        }
        for (unsigned I = 0; I < ILE->getNumInits(); ++I)
          Walk(dyn_cast_or_null<InitListExpr>(ILE->getInit(I)), VD,
               Depth + 1);
      };
  for (const Decl *Dcl : TU->decls()) {
    const auto *VD = dyn_cast<VarDecl>(Dcl);
    if (!VD || !VD->hasGlobalStorage() || !VD->isThisDeclarationADefinition())
      continue;
    Walk(dyn_cast_or_null<InitListExpr>(VD->getInit()), VD, 0);
  }
  return Out;
}
