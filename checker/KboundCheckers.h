//===- KboundCheckers.h - kbound checker registration -------------*- C++ -*-===//
//
// The three hidden models register themselves from their own source files;
// KboundPlugin.cpp registers one visible checker per check ID (CheckIDs.h)
// on top of them and calls each model's enable hook for the IDs it reports.
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_CHECKERS_H
#define KBOUND_CHECKERS_H

#include "CheckIDs.h"

namespace clang {
namespace ento {
class CheckerManager;
class CheckerRegistry;
} // namespace ento
} // namespace clang

namespace kbound {

/// kbound.LifetimeModel: RL1, RL2, RL4, RL5, UA1, UA2, UA3, UA5, UA6.
void registerLifetimeModel(clang::ento::CheckerRegistry &Registry);
void enableLifetimeCheck(clang::ento::CheckerManager &Mgr, CheckID ID);

/// kbound.TypeTagModel: TM1, TM3, TM4, TM5.
void registerTypeTagModel(clang::ento::CheckerRegistry &Registry);
void enableTypeTagCheck(clang::ento::CheckerManager &Mgr, CheckID ID);

/// kbound.DriverCallbacksModel: RL3, UA3, UA4 (.probe/.remove pairs).
void registerCallbacksModel(clang::ento::CheckerRegistry &Registry);
void enableCallbacksCheck(clang::ento::CheckerManager &Mgr, CheckID ID);

} // namespace kbound

#endif // KBOUND_CHECKERS_H
