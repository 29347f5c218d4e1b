//===- KboundCheckers.h - kbound checker registration -------------*- C++ -*-===//
//
// Each checker family registers itself into the analyzer's registry from its
// own source file; KboundPlugin.cpp calls these from the plugin entry point.
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_CHECKERS_H
#define KBOUND_CHECKERS_H

namespace clang {
namespace ento {
class CheckerRegistry;
} // namespace ento
} // namespace clang

namespace kbound {

/// kbound.RegistrationLeak (RL1-RL5) and kbound.UseAfterUnbind (UA1-UA6).
void registerLifetimeCheckers(clang::ento::CheckerRegistry &Registry);

/// kbound.TypeTag (TM1, TM3-TM5).
void registerTypeTagChecker(clang::ento::CheckerRegistry &Registry);

/// kbound.DriverCallbacks (RL3, UA3, UA4): .probe/.remove pairs of a file.
void registerDriverCallbacksChecker(clang::ento::CheckerRegistry &Registry);

} // namespace kbound

#endif // KBOUND_CHECKERS_H
