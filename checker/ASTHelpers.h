//===- ASTHelpers.h - small AST queries shared by the checkers -*- C++ -*-===//
//
// Syntactic helpers that the per-file fact scans (LifetimeFacts) and the
// probe/remove summary (DriverCallbacksChecker) both need.
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_AST_HELPERS_H
#define KBOUND_AST_HELPERS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace kbound {

/// The name of a direct callee, "" for calls through pointers.
inline llvm::StringRef calleeName(const clang::CallExpr *CE) {
  if (const clang::FunctionDecl *FD = CE->getDirectCallee())
    if (FD->getIdentifier())
      return FD->getName();
  return "";
}

/// The field a member access designates, looking through array subscripts:
/// `priv->regs[i]` designates `regs` (values are kept per field, not slot).
inline const clang::FieldDecl *memberField(const clang::Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  while (const auto *ASE = llvm::dyn_cast<clang::ArraySubscriptExpr>(E))
    E = ASE->getBase()->IgnoreParenCasts();
  if (const auto *ME = llvm::dyn_cast<clang::MemberExpr>(E))
    return llvm::dyn_cast<clang::FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

/// Where an access path starts: `&foo->adev.dev` and `foo->dev.release`
/// start from `foo`, through any `&`, `.` and `->`.
inline const clang::Expr *accessBase(const clang::Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *UO = llvm::dyn_cast<clang::UnaryOperator>(E))
    E = UO->getSubExpr()->IgnoreParenCasts();
  while (const auto *ME = llvm::dyn_cast<clang::MemberExpr>(E))
    E = ME->getBase()->IgnoreParenCasts();
  return E;
}

/// The struct \p E is, or points to; null for anything else.
inline const clang::RecordDecl *pointeeRecord(const clang::Expr *E) {
  clang::QualType T = E->getType();
  if (const auto *PT = T->getAs<clang::PointerType>())
    T = PT->getPointeeType();
  return T->getAsRecordDecl();
}

} // namespace kbound

#endif // KBOUND_AST_HELPERS_H
