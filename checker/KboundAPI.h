//===- KboundAPI.h - the API table every kbound checker reads ------*- C++ -*-===//
//
// Every kernel function and type kbound knows is a row of KboundAPI.def; this
// header turns the rows into a lookup table. Checkers ask what a call *is*
// (its role and family), never compare names themselves. Calls are matched
// by name whether or not a body is visible: the kernel's
// auxiliary_device_delete and auxiliary_device_uninit are static inline, and
// auxiliary_device_add is a macro for __auxiliary_device_add.
//
// The user options kbound:ExtraCreateFunctions, kbound:ExtraDropFunctions
// and kbound:ExtraFunctions add rows at plugin start-up, so a driver's own
// wrappers reach every check that reads the table.
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_API_H
#define KBOUND_API_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace clang {
class AnalyzerOptions;
class CallExpr;
class FieldDecl;
class RecordDecl;
namespace ento {
class CallEvent;
class CheckerManager;
} // namespace ento
} // namespace clang

namespace kbound {
namespace api {

// The families, in one list so that the facts database can name them.
#define KBOUND_FAMILIES(X)                                                     \
  X(Auxiliary) X(RegData) X(Device) X(Platform) X(Memory) X(Kernel)

enum class Family : unsigned char {
#define KBOUND_FAMILY_ENUM(F) F,
  KBOUND_FAMILIES(KBOUND_FAMILY_ENUM)
#undef KBOUND_FAMILY_ENUM
};

llvm::StringRef familyName(Family F);

// The roles, in one list so that options and dumps can name them.
#define KBOUND_ROLES(X)                                                        \
  X(Unknown)                                                                   \
  /* Registration-data API. */                                                 \
  X(RegNew)        /* create a registration; ERR_PTR on failure */             \
  X(RegNewManaged) /* the same, dropped by devres at parent unbind */          \
  X(RegDrop)       /* unregister the device and free the data */               \
  X(RegDevice)     /* the registration's device */                             \
  X(RegData)       /* the data, if the tag matches */                          \
  /* Driver-core device primitives (one row per family function). */          \
  X(Init)          /* refcount 1: the release callback owns the memory */      \
  X(Add)           /* registered on the bus */                                 \
  X(Del)           /* unregistered */                                          \
  X(Put)           /* drop a reference (may run the release) */                \
  X(Create)        /* allocate + init + add; destroy owed */                   \
  X(CreateManaged) /* the same, torn down by devres */                         \
  X(Destroy)       /* del + put of a created device */                         \
  X(InitAdd)       /* init + add; on failure the put is still owed */          \
  X(DelPut)        /* del + put: the whole teardown */                         \
  X(AllocInit)     /* allocate + init; NULL on failure, then nothing owed */   \
  X(Get)           /* take a reference */                                      \
  X(DeviceSetup)   /* configures a device before its add; keeps nothing */     \
  X(SetDrvdata) X(GetDrvdata) X(ToContainer)                                   \
  X(DriverRegister) X(DriverUnregister)                                        \
  /* Memory. */                                                                \
  X(Alloc)       /* fresh memory or NULL, never an ERR_PTR */                  \
  X(ManagedAlloc) /* the same, freed by devres when its device unbinds */      \
  X(Free)        /* frees argument Arg */                                      \
  X(ManagedFree) /* devm_kfree(dev, p) */                                      \
  /* ERR_PTR helpers. */                                                       \
  X(IsErr) X(IsErrOrNull) X(PtrErr) X(PtrErrOrZero) X(ErrCast)                 \
  X(MakeErr)     /* ERR_PTR(err): an error pointer from a -errno */           \
  /* Neither keeps nor tears down what it is given. */                        \
  X(Logging) X(Harmless)                                                       \
  X(Store) /* links arg Arg into a list others walk: a hand-off */

enum class Role : unsigned char {
#define KBOUND_ROLE_ENUM(R) R,
  KBOUND_ROLES(KBOUND_ROLE_ENUM)
#undef KBOUND_ROLE_ENUM
};

llvm::StringRef roleName(Role R);

/// What a function returns on failure (the Fail column of KboundAPI.def).
enum class Fail : unsigned char {
  None,    // it cannot fail
  Int,     // 0 or -errno
  ErrPtr,  // an ERR_PTR
  Null,    // NULL
  Unknown, // it may fail, as NULL or as an ERR_PTR (a pattern row for an
           // open-ended family such as *alloc*)
  IntPut   // 0 or -errno, and on failure the device was already put (a
           // facts summary: vmbus_device_register())
};

struct Entry {
  std::string Name;
  Family Fam;
  Role R;
  int Arg;  // the object's argument, -1 for the result
  int Args; // exact argument count, -1 for any
  Fail OnFail;
  bool User = false;      // added by an analyzer option
  bool FromFacts = false; // a summary from the facts database (FactsDB.h)
  std::string Path;       // facts rows: the device's member path in Arg
};

enum class RecordKind : unsigned char {
#define KBOUND_RECORD(Name, Fam, Kind) Kind,
#include "KboundAPI.def"
};

enum class MemberKind : unsigned char { None, Probe, Remove, Release, IdTable,
                                        PlatformData };

/// What a struct member named \p Name is (KBOUND_MEMBER rows).
MemberKind memberKind(llvm::StringRef Name);
MemberKind memberKind(const clang::FieldDecl *FD);

/// The row for a function name: exact rows first, then the patterns.
const Entry *lookup(llvm::StringRef Name);
/// The row for a call of a global C function whose argument count matches.
const Entry *lookup(const clang::ento::CallEvent &Call);
const Entry *lookup(const clang::CallExpr *CE);

inline Role roleOf(llvm::StringRef Name) {
  const Entry *E = lookup(Name);
  return E ? E->R : Role::Unknown;
}
Role roleOf(const clang::ento::CallEvent &Call);
Role roleOf(const clang::CallExpr *CE);

/// Every exact row with role \p R (e.g. to ask Sema whether a file uses any).
std::vector<const Entry *> withRole(Role R);

/// Is \p RD the API's struct of kind \p K (by name)?
bool isRecord(const clang::RecordDecl *RD, RecordKind K);
llvm::StringRef recordName(RecordKind K);

/// Roles that inspect an ERR_PTR without keeping it.
inline bool isErrInspect(Role R) {
  return R == Role::IsErr || R == Role::IsErrOrNull || R == Role::PtrErr ||
         R == Role::PtrErrOrZero;
}
inline bool isRegCreate(Role R) {
  return R == Role::RegNew || R == Role::RegNewManaged;
}
/// A call that neither keeps nor tears down the pointers it is given.
inline bool isNonKeeping(Role R) {
  return R == Role::Logging || R == Role::Harmless || R == Role::Free ||
         R == Role::ManagedFree || R == Role::RegDevice || R == Role::RegData;
}
/// The device families the lifetime model follows.
inline bool isModeledFamily(Family F) {
  return F == Family::Auxiliary || F == Family::RegData ||
         F == Family::Device || F == Family::Platform;
}

/// The auxiliary bus and the registration-data API on top of it: a device of
/// theirs that the driver tears down is one it set up (no lookup hands out
/// references to them).
inline bool isAuxiliaryFamily(Family F) {
  return F == Family::Auxiliary || F == Family::RegData;
}

/// A driver-core primitive on a device (what a teardown or setup does to a
/// device, not to a registration).
inline bool isDevicePrimitive(Role R) {
  switch (R) {
  case Role::Init: case Role::Add: case Role::Del: case Role::Put:
  case Role::Create: case Role::CreateManaged: case Role::Destroy:
  case Role::InitAdd: case Role::DelPut: case Role::AllocInit: case Role::Get:
    return true;
  default:
    return false;
  }
}

/// The family's own function for a role, for messages: the first row of
/// KboundAPI.def with that family and role ("" when there is none).
llvm::StringRef nameFor(Family F, Role R);

/// Add rows from the analyzer options of package kbound, once per process:
///   ExtraCreateFunctions  "f,g"            like auxiliary_registration_new
///   ExtraDropFunctions    "f,g"            like auxiliary_registration_drop
///   ExtraFunctions        "f:Role[:Arg]"   any role, by its name in Role
/// A malformed entry is an error diagnostic naming it. Also reads the facts
/// database (kbound:FactsDatabase, FactsDB.h).
void loadUserRows(clang::ento::CheckerManager &Mgr);

/// A function summary of another file (FactsDB.h), by the names of its
/// family, role and failure convention. It never replaces a row of the
/// table, and a call whose callee has a body in this file ignores it.
void addFactsRow(llvm::StringRef Name, llvm::StringRef Family,
                 llvm::StringRef Role, int Arg, llvm::StringRef Path,
                 llvm::StringRef Fail);

/// The analyzer package whose options configure the table.
const char *const PackageName = "kbound";

} // namespace api
} // namespace kbound

#endif // KBOUND_API_H
