//===- LifetimeFacts.h - per-file facts for the lifetime model ----*- C++ -*-===//
//
// Probe and .remove are analyzed as separate top-level functions, so some
// teardown bugs need what the rest of the file says: which struct fields hold
// devm-managed registrations/devices, which functions are .remove callbacks,
// and which container types a device release callback frees.
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_LIFETIME_FACTS_H
#define KBOUND_LIFETIME_FACTS_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang {
class ASTContext;
class Expr;
} // namespace clang

namespace kbound {
namespace lifetime {

struct FileFacts {
  /// Fields assigned only devm_auxiliary_registration_new /
  /// devm_auxiliary_device_create results.
  llvm::SmallPtrSet<const clang::FieldDecl *, 8> DevmFields;
  /// Fields assigned anything else (not NULL): ambiguous, never UA6.
  llvm::SmallPtrSet<const clang::FieldDecl *, 8> OtherFields;
  /// Functions used as the .remove member of a driver struct.
  llvm::SmallPtrSet<const clang::FunctionDecl *, 8> RemoveFns;
  /// Variables whose address the file takes (`&var`): a function of another
  /// file may write them.
  llvm::SmallPtrSet<const clang::VarDecl *, 8> AddrTaken;
  /// Functions used as the .probe member of a driver struct.
  llvm::SmallPtrSet<const clang::FunctionDecl *, 8> ProbeFns;
  /// Record types a .release callback kfree()s (a device embedded in one is
  /// freed with it).
  llvm::SmallPtrSet<const clang::RecordDecl *, 8> ReleaseFreed;
  /// Members a .release callback kfree()s (`kfree(dev->platform_data)`,
  /// `kfree(foo->name)`): after the put that runs it, they are freed too.
  llvm::SmallPtrSet<const clang::FieldDecl *, 8> ReleaseFreedMembers;
  /// Record types whose device release the file defines: a release does
  /// container_of() to them, or is assigned through one of their members.
  llvm::SmallPtrSet<const clang::RecordDecl *, 8> ReleaseHandled;
  /// Empty release callbacks (`{}`) installed on a struct's device, by the
  /// struct (canonical): nothing frees its memory at the last put.
  llvm::DenseMap<const clang::RecordDecl *, const clang::FunctionDecl *>
      EmptyReleases;
  /// The file sets a device release callback (a `void (struct device *)`
  /// assigned to a .release member): the ones its devices get are known.
  bool HasDeviceRelease = false;

  static FileFacts compute(clang::ASTContext &Ctx);

  bool isDevmField(const clang::Expr *E) const;
  bool isRemoveFn(const clang::Decl *D) const;
  /// A .probe callback or an __init function: when it fails, no teardown
  /// callback (.remove, module exit) runs for what it set up.
  bool isSetupFn(const clang::Decl *D) const;
  /// A file-static variable whose address the file never takes: no
  /// function of another file can read or write it.
  bool isPrivateVar(const clang::VarDecl *VD) const;
  /// Functions installed as a .release member (device release callbacks).
  llvm::SmallPtrSet<const clang::FunctionDecl *, 8> ReleaseFns;
  bool isReleaseFn(const clang::Decl *D) const;
  bool isFreedByRelease(const clang::RecordDecl *RD) const;
  /// Is the release of a device embedded in (or being) \p RD in this file
  /// (or, for a struct of a header, in the facts database)?
  bool releaseKnownFor(const clang::RecordDecl *RD) const;
  /// Does a release callback free member \p FD (this file's, or the
  /// database's for a struct of a header)?
  bool releaseFreesMember(const clang::FieldDecl *FD) const;
  /// The name of another file's empty release of \p RD (the facts
  /// database), when this file defines none for it; else "".
  std::string emptyReleaseInDatabase(const clang::RecordDecl *RD) const;
  /// Do the callers of \p FD (the facts database) put what they pass as its
  /// parameter \p Param when it fails?
  bool callersPutOnFailure(const clang::FunctionDecl *FD,
                           unsigned Param) const;
};

/// Does \p FD's body call a function whose name suggests it unregisters or
/// deletes something (other than auxiliary_device_uninit)? With \p Device
/// (an expression of FD's naming the device), only calls that can reach
/// that device count: the device, its container or driver data, or an
/// argument whose path we cannot follow.
bool callsSomethingLikeDelete(const clang::FunctionDecl *FD,
                              const clang::Expr *Device = nullptr);

/// The parameter of \p Fn that the object expression \p E is rooted at
/// (`p`, `&p->dev`, `to_foo(p)`, container_of(p, ...), a local initialized
/// from one of those), or -1. Exactly one parameter may appear.
int rootParam(const clang::Expr *E, const clang::FunctionDecl *Fn,
              unsigned Depth = 0);

} // namespace lifetime
} // namespace kbound

#endif // KBOUND_LIFETIME_FACTS_H
