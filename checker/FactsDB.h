//===- FactsDB.h - cross-file facts from the kbound-facts database -*- C++ -*-//
//
// The checker sees one translation unit; the database (docs/facts-db.md,
// built by bin/kbound-facts-db.py from the kbound-facts plugin action) says
// what functions and release callbacks of other files do. Its function
// summaries become rows of the API table (KboundAPI.h), used only where the
// callee has no body in this file; its release facts answer for device
// types whose release this file does not define.
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_FACTS_DB_H
#define KBOUND_FACTS_DB_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace clang {
namespace ento {
class CheckerManager;
} // namespace ento
} // namespace clang

namespace kbound {
namespace facts {

/// The analyzer option naming the database (package kbound).
const char *const OptionName = "FactsDatabase";

/// Read the database named by kbound:FactsDatabase, once per process: its
/// summaries become API rows. An unreadable database is an error diagnostic.
void load(clang::ento::CheckerManager &Mgr);

/// A release callback of another file handles devices embedded in struct
/// \p Record; \p FreesContainer says whether it frees the struct.
bool releaseKnown(llvm::StringRef Record, bool &FreesContainer);

/// The name of another file's release of struct \p Record when it is
/// empty (frees nothing), else "".
llvm::StringRef emptyRelease(llvm::StringRef Record);

/// A registration-data creation of another file (TM2).
struct Creation {
  std::string Tag;     // the tag variable's name
  std::string TagType; // its `.name = #type` spelling, or ""
  bool External;       // the tag has external linkage (one object)
  std::string File;
  unsigned Line;
};

/// The creations of device name \p Name ("modname.name") in the database.
const std::vector<Creation> &creationsOf(llvm::StringRef Name);

/// A caller of function \p Fn (in the database) puts the object it passes
/// as argument \p Arg on an error path after the call: the function's
/// failures leave the put to its callers (rio_add_device()).
bool callersPut(llvm::StringRef Fn, unsigned Arg);

/// That release frees member \p Member of struct \p Record.
bool releaseFreesMember(llvm::StringRef Record, llvm::StringRef Member);

} // namespace facts
} // namespace kbound

#endif // KBOUND_FACTS_DB_H
