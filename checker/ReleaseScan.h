//===- ReleaseScan.h - UA7: a release callback tears down its device -*- C++ -*-//
//
// A device's release runs because its last reference went: calling a put,
// del or unregister of the family on that same device from inside it is a
// double put (and recursion). The scan reads every function the file
// installs as a release (`dev->release = fn`, `.release = fn` in a struct
// device_type or any initializer) and reports a teardown call whose device
// is the one being released: the parameter itself, or the member of its
// container_of() container that the parameter is (`&foo->adev` when the
// container is container_of(dev, struct foo, adev.dev)). Putting another
// device (dev->parent, a sibling) is the release's job and stays quiet.
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_RELEASE_SCAN_H
#define KBOUND_RELEASE_SCAN_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <vector>

namespace kbound {

struct SelfTeardown {
  const clang::FunctionDecl *Release; // the release callback
  const clang::CallExpr *Call;        // the put/del/unregister inside it
  const clang::Expr *Installed;       // where the file installs it
};

std::vector<SelfTeardown> scanReleases(const clang::TranslationUnitDecl *TU);

} // namespace kbound

#endif // KBOUND_RELEASE_SCAN_H
