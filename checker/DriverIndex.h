//===- DriverIndex.h - the drivers a translation unit defines ------*- C++ -*-===//
//
// One discovery of driver structs for every check that pairs .probe with
// .remove (RL3, UA3, UA4) or reads an auxiliary driver's id table (TM1 by
// device name): global initializers whose struct has a probe or remove
// member (KBOUND_MEMBER rows of the API table), in any layout (designated or
// positional, nested in arrays or bigger structs, platform_driver's
// anonymous union of .remove and .remove_new).
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_DRIVER_INDEX_H
#define KBOUND_DRIVER_INDEX_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <vector>

namespace kbound {

struct DriverInfo {
  const clang::VarDecl *Var;          // the global the driver is part of
  const clang::RecordDecl *Type;      // the driver struct's definition
  const clang::FunctionDecl *Probe;   // definitions; null when absent
  const clang::FunctionDecl *Remove;
  const clang::VarDecl *IdTable;      // the .id_table array, or null
  bool HasRemove;                     // the type has a remove member
  bool IsAux; // an auxiliary_driver, or a probe taking an auxiliary_device

  /// A driver whose .probe is set and whose type can unbind (RL3/UA3/UA4
  /// compare what .probe keeps with what .remove drops).
  bool pairsProbeRemove() const { return Probe && HasRemove; }
};

/// Every driver initializer of \p TU, in declaration order.
std::vector<DriverInfo> findDrivers(const clang::TranslationUnitDecl *TU);

/// The function an initializer or assignment names (`.probe = foo_probe`,
/// `&foo_probe`), as its definition when the TU has one.
const clang::FunctionDecl *functionNamed(const clang::Expr *E);

} // namespace kbound

#endif // KBOUND_DRIVER_INDEX_H
