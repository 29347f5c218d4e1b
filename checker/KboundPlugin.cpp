//===- KboundPlugin.cpp - kbound analyzer plugin entry point --------------===//
//
// clang -cc1 -load kbound.so (or scan-build -load-plugin) looks up these two
// symbols. The version string makes a plugin built for another clang refuse to
// load with a clear diagnostic instead of crashing.
//
//===----------------------------------------------------------------------===//

#include "KboundCheckers.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;
using namespace ento;

extern "C" void clang_registerCheckers(CheckerRegistry &Registry) {
  kbound::registerLifetimeCheckers(Registry);
  kbound::registerTypeTagChecker(Registry);
  kbound::registerDriverCallbacksChecker(Registry);
}

extern "C" const char clang_analyzerAPIVersionString[] =
    CLANG_ANALYZER_API_VERSION_STRING;
