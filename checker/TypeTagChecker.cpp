//===- TypeTagChecker.cpp - placeholder, replaced by the TM checker -------===//
#include "KboundCheckers.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;
using namespace ento;

namespace {
class TypeTagChecker : public Checker<check::PreCall> {
public:
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const {}
};
} // namespace

void kbound::registerTypeTagChecker(CheckerRegistry &Registry) {
  Registry.addChecker<TypeTagChecker>(
      "kbound.TypeTag", "Registration data fetched with the wrong type tag", "");
}
