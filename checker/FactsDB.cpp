//===- FactsDB.cpp - cross-file facts from the kbound-facts database ------===//

#include "FactsDB.h"
#include "KboundAPI.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/StaticAnalyzer/Core/AnalyzerOptions.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "llvm/ADT/StringMap.h"

#include <sqlite3.h>
#include <string>

using namespace clang;
using namespace kbound;

namespace {

struct Releases {
  // Record -> frees its container (1), frees nothing of it (0); records
  // whose releases disagree are left out.
  llvm::StringMap<bool> Frees;
  llvm::StringMap<bool> Members; // "record\tmember"
  llvm::StringMap<std::string> Empty; // record -> its empty release
  llvm::StringMap<std::vector<facts::Creation>> Creations; // by device name
  llvm::StringMap<bool> CallerPuts; // "function\targ"
};

Releases &releases() {
  static Releases R;
  return R;
}

template <typename Fn>
bool eachRow(sqlite3 *DB, const char *SQL, Fn &&F) {
  sqlite3_stmt *St = nullptr;
  if (sqlite3_prepare_v2(DB, SQL, -1, &St, nullptr) != SQLITE_OK)
    return false;
  int RC;
  while ((RC = sqlite3_step(St)) == SQLITE_ROW)
    F(St);
  sqlite3_finalize(St);
  return RC == SQLITE_DONE;
}

llvm::StringRef text(sqlite3_stmt *St, int Col) {
  const unsigned char *T = sqlite3_column_text(St, Col);
  return T ? llvm::StringRef(reinterpret_cast<const char *>(T)) : "";
}

/// Read \p Path into the API table and the release facts; "" or the error.
std::string read(const std::string &Path) {
  sqlite3 *DB = nullptr;
  if (sqlite3_open_v2(Path.c_str(), &DB, SQLITE_OPEN_READONLY, nullptr) !=
      SQLITE_OK) {
    std::string E = DB ? sqlite3_errmsg(DB) : "cannot open";
    sqlite3_close(DB);
    return E;
  }
  bool Ok = eachRow(DB,
                    "SELECT name, family, role, arg, path, fail FROM summary "
                    "WHERE static = 0",
                    [](sqlite3_stmt *St) {
                      api::addFactsRow(text(St, 0), text(St, 1), text(St, 2),
                                       sqlite3_column_int(St, 3), text(St, 4),
                                       text(St, 5));
                    });
  Releases &R = releases();
  Ok = Ok && eachRow(DB,
                     "SELECT record, min(frees_container), "
                     "max(frees_container) FROM releases GROUP BY record",
                     [&](sqlite3_stmt *St) {
                       if (sqlite3_column_int(St, 1) ==
                           sqlite3_column_int(St, 2))
                         R.Frees[text(St, 0)] = sqlite3_column_int(St, 1);
                     });
  Ok = Ok && eachRow(DB, "SELECT record, member FROM release_members",
                     [&](sqlite3_stmt *St) {
                       R.Members[(text(St, 0) + "\t" + text(St, 1)).str()] =
                           true;
                     });
  Ok = Ok && eachRow(DB,
                     "SELECT record, min(release), max(release) FROM "
                     "empty_releases GROUP BY record",
                     [&](sqlite3_stmt *St) {
                       if (text(St, 1) == text(St, 2))
                         R.Empty[text(St, 0)] = text(St, 1).str();
                     });
  Ok = Ok && eachRow(DB,
                     "SELECT name, tag, tag_type, external, file, line FROM "
                     "regdata_creations",
                     [&](sqlite3_stmt *St) {
                       R.Creations[text(St, 0)].push_back(
                           {text(St, 1).str(), text(St, 2).str(),
                            sqlite3_column_int(St, 3) != 0, text(St, 4).str(),
                            static_cast<unsigned>(sqlite3_column_int(St, 5))});
                     });
  Ok = Ok && eachRow(DB, "SELECT callee, arg FROM caller_puts",
                     [&](sqlite3_stmt *St) {
                       R.CallerPuts[(text(St, 0) + "\t" +
                                     std::to_string(sqlite3_column_int(St, 1)))
                                        .str()] = true;
                     });
  std::string E = Ok ? "" : std::string(sqlite3_errmsg(DB)) +
                                " (not a kbound facts database?)";
  sqlite3_close(DB);
  return E;
}

} // namespace

void facts::load(ento::CheckerManager &Mgr) {
  static bool Loaded = false;
  if (Loaded)
    return;
  Loaded = true;
  std::string Path = Mgr.getAnalyzerOptions()
                         .getCheckerStringOption(api::PackageName, OptionName)
                         .str();
  if (Path.empty())
    return;
  std::string Err = read(Path);
  if (Err.empty())
    return;
  DiagnosticsEngine &Diags = Mgr.getASTContext().getDiagnostics();
  Diags.Report(Diags.getCustomDiagID(
      DiagnosticsEngine::Error,
      "kbound:FactsDatabase: cannot read '%0': %1 (build it with "
      "bin/kbound-facts-db.py, or leave the option out)"))
      << Path << Err;
}

bool facts::releaseKnown(llvm::StringRef Record, bool &FreesContainer) {
  auto It = releases().Frees.find(Record);
  if (It == releases().Frees.end())
    return false;
  FreesContainer = It->second;
  return true;
}

llvm::StringRef facts::emptyRelease(llvm::StringRef Record) {
  auto It = releases().Empty.find(Record);
  bool Frees = false;
  // A release of the same struct elsewhere that does free it: not empty.
  if (It == releases().Empty.end() ||
      (releaseKnown(Record, Frees) && Frees))
    return "";
  return It->second;
}

const std::vector<facts::Creation> &
facts::creationsOf(llvm::StringRef Name) {
  static const std::vector<Creation> None;
  auto It = releases().Creations.find(Name);
  return It == releases().Creations.end() ? None : It->second;
}

bool facts::callersPut(llvm::StringRef Fn, unsigned Arg) {
  return releases().CallerPuts.count((Fn + "\t" + std::to_string(Arg)).str());
}

bool facts::releaseFreesMember(llvm::StringRef Record,
                               llvm::StringRef Member) {
  return releases().Members.count((Record + "\t" + Member).str());
}
