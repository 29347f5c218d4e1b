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

} // namespace kbound

#endif // KBOUND_AST_HELPERS_H
