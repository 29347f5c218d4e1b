//===- TagResolver.cpp - map a registration-data tag to its C type --------===//

#include "TagResolver.h"
#include "KboundAPI.h"
#include "KboundCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/MemRegion.h"

using namespace clang;
using namespace ento;

namespace kbound {
namespace tag {

const VarDecl *tagDeclFromArg(SVal V, const Expr *ArgE) {
  // Along the path: the value is the address of a global tag variable, even
  // when it travelled through a local `const struct auxiliary_regdata_type *`.
  if (const MemRegion *R = V.getAsRegion())
    if (const auto *VR = dyn_cast<VarRegion>(R->StripCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(VR->getDecl()))
        if (VD->hasGlobalStorage())
          return VD->getCanonicalDecl();
  // Syntactically `&tag` (covers values the engine could not model).
  if (ArgE) {
    const Expr *E = ArgE->IgnoreParenCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(E))
      if (UO->getOpcode() == UO_AddrOf)
        if (const auto *DRE =
                dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParens()))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
            if (VD->hasGlobalStorage())
              return VD->getCanonicalDecl();
  }
  return nullptr;
}

// Index of the named field in a record, for the semantic InitListExpr.
static std::optional<unsigned> fieldIndex(const RecordDecl *RD,
                                          StringRef Name) {
  unsigned I = 0;
  for (const FieldDecl *FD : RD->fields()) {
    if (FD->getName() == Name)
      return I;
    ++I;
  }
  return std::nullopt;
}

ResolvedTag resolveTag(const VarDecl *VD) {
  ResolvedTag T;
  if (!VD)
    return T;
  T.Decl = VD->getCanonicalDecl();
  const VarDecl *Def = nullptr;
  const Expr *Init = VD->getAnyInitializer(Def);
  if (!Init)
    return T; // extern tag defined elsewhere: unresolved, stay silent
  const auto *ILE = dyn_cast<InitListExpr>(Init->IgnoreParenImpCasts());
  if (!ILE)
    return T;
  const RecordDecl *RD = VD->getType()->getAsRecordDecl();
  if (!api::isRecord(RD, api::RecordKind::TypeTag))
    return T;

  if (auto SizeIdx = fieldIndex(RD, "size");
      SizeIdx && *SizeIdx < ILE->getNumInits()) {
    const Expr *SE = ILE->getInit(*SizeIdx)->IgnoreParenImpCasts();
    if (const auto *UE = dyn_cast<UnaryExprOrTypeTraitExpr>(SE))
      if (UE->getKind() == UETT_SizeOf)
        T.Type = UE->getTypeOfArgument();
  }
  if (auto NameIdx = fieldIndex(RD, "name");
      NameIdx && *NameIdx < ILE->getNumInits()) {
    const Expr *NE = ILE->getInit(*NameIdx)->IgnoreParenImpCasts();
    if (const auto *SL = dyn_cast<StringLiteral>(NE))
      if (SL->getCharByteWidth() == 1)
        T.TypeName = SL->getString().str();
  }
  if (T.TypeName.empty() && !T.Type.isNull())
    T.TypeName = T.Type.getAsString();
  return T;
}

std::string describeTag(const ResolvedTag &T) {
  std::string S = "'";
  S += T.Decl ? T.Decl->getName().str() : std::string("?");
  S += "'";
  if (!T.TypeName.empty())
    S += " (" + T.TypeName + ")";
  return S;
}

bool isOpaquePointee(QualType T) {
  if (T.isNull())
    return true;
  QualType C = T.getCanonicalType();
  return C->isVoidType() || C->isAnyCharacterType() ||
         C->isSpecificBuiltinType(BuiltinType::SChar) ||
         C->isSpecificBuiltinType(BuiltinType::UChar) || C->isIncompleteType();
}

static bool sameType(ASTContext &Ctx, QualType A, QualType B) {
  return Ctx.hasSameUnqualifiedType(A.getCanonicalType(), B.getCanonicalType());
}

bool isRawIntegerView(ASTContext &Ctx, QualType View, QualType TagType) {
  if (View.isNull() || TagType.isNull())
    return false;
  QualType V = View.getCanonicalType();
  if (const ArrayType *AT = Ctx.getAsArrayType(V))
    V = Ctx.getBaseElementType(AT);
  QualType T = TagType.getCanonicalType();
  bool Aggregate = T->isRecordType() || T->isArrayType();
  return Aggregate && V->isIntegerType() && !V->isEnumeralType();
}

static bool compatibleAt(ASTContext &Ctx, QualType From, QualType To,
                         unsigned Depth) {
  if (From.isNull() || Depth > 8)
    return false;
  if (sameType(Ctx, From, To))
    return true;
  if (const ArrayType *AT = Ctx.getAsArrayType(To))
    if (sameType(Ctx, From, AT->getElementType()))
      return true;
  if (const ArrayType *AT = Ctx.getAsArrayType(From))
    return compatibleAt(Ctx, AT->getElementType(), To, Depth + 1);
  const RecordDecl *RD = From->getAsRecordDecl();
  if (!RD || RD->field_empty())
    return false;
  // Every union member, and a struct's first member, lives at offset 0.
  if (RD->isUnion()) {
    for (const FieldDecl *FD : RD->fields())
      if (compatibleAt(Ctx, FD->getType(), To, Depth + 1))
        return true;
    return false;
  }
  return compatibleAt(Ctx, RD->field_begin()->getType(), To, Depth + 1);
}

bool pointeeCompatible(ASTContext &Ctx, QualType From, QualType To) {
  if (From.isNull() || To.isNull())
    return true;
  return compatibleAt(Ctx, From, To, 0);
}

} // namespace tag
} // namespace kbound
