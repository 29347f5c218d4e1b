//===- KboundPlugin.cpp - kbound analyzer plugin entry point --------------===//
//
// clang -cc1 -load kbound.so (or scan-build -load-plugin) looks up these two
// symbols. The version string makes a plugin built for another clang refuse to
// load with a clear diagnostic instead of crashing.
//
//===----------------------------------------------------------------------===//

#include "FactsDB.h"
#include "KboundAPI.h"
#include "KboundCheckers.h"
#include "KboundCompat.h"
#include "clang/StaticAnalyzer/Core/CheckerManager.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;
using namespace ento;
using namespace kbound;

namespace {

const char *categoryName(llvm::StringRef Cat) {
  if (Cat == "Forgotten")
    return "kbound: forgotten registration";
  if (Cat == "TypeTag")
    return "kbound: type tag";
  return "kbound: use after unbind";
}

template <CheckID ID, unsigned Models>
void registerFrontEnd(CheckerManager &Mgr) {
  if (Models & LifetimeModelBit)
    enableLifetimeCheck(Mgr, ID);
  if (Models & TypeTagModelBit)
    enableTypeTagCheck(Mgr, ID);
  if (Models & CallbacksModelBit)
    enableCallbacksCheck(Mgr, ID);
}

bool shouldRegister(const CheckerManager &) { return true; }

void addDependencies(CheckerRegistry &Registry, llvm::StringRef Name,
                     unsigned Models) {
  if (Models & LifetimeModelBit)
    Registry.addDependency(Name, "kbound.LifetimeModel");
  if (Models & TypeTagModelBit)
    Registry.addDependency(Name, "kbound.TypeTagModel");
  if (Models & CallbacksModelBit)
    Registry.addDependency(Name, "kbound.DriverCallbacksModel");
}

} // namespace

void CheckSet::enable(CheckID ID, CheckerNameRef Name) {
  switch (ID) {
#define KBOUND_CHECK_BT(Id, Models, Cat, Sink, Title)                          \
  case CheckID::Id:                                                            \
    BT[static_cast<unsigned>(ID)] = std::make_unique<BugType>(                 \
        Name, "[" #Id "] " Title, categoryName(#Cat), Sink);                   \
    return;
    KBOUND_CHECKS(KBOUND_CHECK_BT)
#undef KBOUND_CHECK_BT
  case CheckID::NumChecks:
    return;
  }
}

extern "C" void clang_registerCheckers(CheckerRegistry &Registry) {
  registerLifetimeModel(Registry);
  registerTypeTagModel(Registry);
  registerCallbacksModel(Registry);
#define KBOUND_CHECK_REG(Id, Models, Cat, Sink, Title)                         \
  Registry.addChecker(registerFrontEnd<CheckID::Id, (Models)>, shouldRegister, \
                      "kbound." #Id, Title " (" #Id ")",                       \
                      "docs/checks/" #Id ".md", /*IsHidden=*/false);           \
  addDependencies(Registry, "kbound." #Id, (Models));
  KBOUND_CHECKS(KBOUND_CHECK_REG)
#undef KBOUND_CHECK_REG

  // The user's own API functions (KboundAPI.h): package options, so that one
  // setting reaches every check.
  Registry.addPackage(api::PackageName);
  Registry.addPackageOption(
      "string", api::PackageName, "ExtraCreateFunctions", "",
      "Wrappers (separated by ';' or spaces) that create a registration and "
      "return it like auxiliary_registration_new",
      "released");
  Registry.addPackageOption(
      "string", api::PackageName, "ExtraDropFunctions", "",
      "Wrappers (separated by ';' or spaces) that drop the registration "
      "passed as their first argument",
      "released");
  Registry.addPackageOption(
      "string", api::PackageName, "ExtraFunctions", "",
      "name:Role[:Arg] rows (separated by ';' or spaces) added to kbound's "
      "API table "
      "(roles as in checker/KboundAPI.h, e.g. my_add:Add)",
      "released");
  Registry.addPackageOption(
      "string", api::PackageName, facts::OptionName, "",
      "The facts database of the tree (docs/facts-db.md): what functions and "
      "release callbacks of other files do",
      "released");
}

extern "C" const char clang_analyzerAPIVersionString[] =
    CLANG_ANALYZER_API_VERSION_STRING;
