//===- DriverCallbacksChecker.cpp - placeholder, replaced by the RL3/UA3/UA4 checker -------===//
#include "KboundCheckers.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;
using namespace ento;

namespace {
class DriverCallbacksChecker : public Checker<check::PreCall> {
public:
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const {}
};
} // namespace

void kbound::registerDriverCallbacksChecker(CheckerRegistry &Registry) {
  Registry.addChecker<DriverCallbacksChecker>(
      "kbound.DriverCallbacks", "Registration lifetimes across .probe and .remove", "");
}
