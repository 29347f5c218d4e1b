//===- TagFieldScan.h - TM1 across the functions of one file ------*- C++
//-*-===//
//
// The path-based TM1 needs creation and fetch on one analyzed path. Drivers
// usually keep the registration in their private struct (`priv->reg = ...new`
// in .probe) and fetch from it in another callback. This scan links the two
// through the struct field, within one translation unit: a field that only
// ever receives registrations created with tag A, fetched through
// `auxiliary_registration_device(x->field)` with tag B, is a mismatch.
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_TAGFIELDSCAN_H
#define KBOUND_TAGFIELDSCAN_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "DriverIndex.h"
#include <string>
#include <vector>

namespace kbound {
namespace tag {

struct FieldTagMismatch {
  const clang::CallExpr *Fetch;        // auxiliary_registration_data(...)
  const clang::FunctionDecl *FetchFn;  // function containing Fetch
  const clang::VarDecl *FetchTag;      // tag used there
  const clang::VarDecl *CreateTag;     // the field's only creation tag
  const clang::CallExpr *Create;       // one creation with that tag
  const clang::FunctionDecl *CreateFn; // function containing Create
  const clang::FieldDecl *Field;       // the field linking the two
};

/// Mismatches in \p TU whose fetch is in a function that does not itself
/// store into the linking field (those are the path-based check's).
std::vector<FieldTagMismatch>
scanFieldTags(const clang::TranslationUnitDecl *TU);


/// TM1 by device name within one file: the parent creates "modname.name"
/// only with tags A..., and the auxiliary driver (in the same file) whose
/// id table lists only such names fetches with a tag B none of them use.
struct NameTagMismatch {
  const clang::CallExpr *Fetch;        // auxiliary_registration_data(...)
  const clang::FunctionDecl *FetchFn;  // the auxiliary driver's callback
  const clang::VarDecl *FetchTag;      // tag used there
  const clang::VarDecl *CreateTag;     // a tag the name is created with
  const clang::CallExpr *Create;       // that creation
  const clang::FunctionDecl *CreateFn; // function containing Create
  std::string DevName;                 // "modname.name"
};

std::vector<NameTagMismatch>
scanNameTags(const clang::TranslationUnitDecl *TU);

/// A registration-data creation whose device name and tag the file spells:
/// `auxiliary_registration_new(parent, "ctrl", id, KBUILD_MODNAME, &tag, d)`.
struct NamedCreation {
  std::string DevName;            // "modname.name"
  const clang::VarDecl *Tag;      // canonical declaration
  const clang::CallExpr *Call;
  const clang::FunctionDecl *Fn;
};

/// Every creation of \p TU into \p Out; false when some creation's name or
/// tag cannot be read (it could be any).
bool scanCreations(const clang::TranslationUnitDecl *TU,
                   std::vector<NamedCreation> &Out);

/// The device names of a driver's id table (`{ .name = "mod.ctrl" }`).
std::vector<std::string> idTableNames(const DriverInfo &Drv);

/// A fetch of registration data on the device a driver's callback gets
/// (also in the file's helpers the device is handed to).
struct DriverFetch {
  const clang::CallExpr *Fetch;
  const clang::FunctionDecl *Fn;
  const clang::VarDecl *Tag;
};
std::vector<DriverFetch> driverFetches(const DriverInfo &Drv);

} // namespace tag
} // namespace kbound

#endif // KBOUND_TAGFIELDSCAN_H
