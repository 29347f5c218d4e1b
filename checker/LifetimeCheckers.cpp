//===- LifetimeCheckers.cpp - placeholder, replaced by the RL/UA checker --===//
#include "KboundCheckers.h"
#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"
#include "clang/StaticAnalyzer/Core/Checker.h"
#include "clang/StaticAnalyzer/Frontend/CheckerRegistry.h"

using namespace clang;
using namespace ento;

namespace {
class RegistrationLeakChecker : public Checker<check::PreCall> {
public:
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const {}
};
class UseAfterUnbindChecker : public Checker<check::PreCall> {
public:
  void checkPreCall(const CallEvent &Call, CheckerContext &C) const {}
};
} // namespace

void kbound::registerLifetimeCheckers(CheckerRegistry &Registry) {
  Registry.addChecker<RegistrationLeakChecker>(
      "kbound.RegistrationLeak", "Registrations that are never dropped", "");
  Registry.addChecker<UseAfterUnbindChecker>(
      "kbound.UseAfterUnbind", "Registration data used after unbind", "");
}
