//===- CheckIDs.h - one analyzer checker name per check ID ---------*- C++ -*-===//
//
// Every check ID is its own checker, kbound.<ID> (kbound.RL4, kbound.UA1,
// ...), so that -analyzer-disable-checker=kbound.UA1 turns one ID off and the
// SARIF ruleId, the HTML's checker name and docs/checks/<ID>.md agree. The
// IDs are front ends over three hidden models (the MallocChecker pattern):
// each front end switches its ID's reports on in the models that find it.
// The models explore paths the same way whichever IDs are on; only which
// reports are emitted changes.
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_CHECK_IDS_H
#define KBOUND_CHECK_IDS_H

#include "clang/StaticAnalyzer/Core/BugReporter/BugType.h"

#include <memory>

namespace kbound {

/// The hidden models, as bits: which of them can report an ID.
enum ModelBits : unsigned {
  LifetimeModelBit = 1,  // kbound.LifetimeModel, LifetimeCheckers.cpp
  TypeTagModelBit = 2,   // kbound.TypeTagModel, TypeTagChecker.cpp
  CallbacksModelBit = 4, // kbound.DriverCallbacksModel, DriverCallbacksChecker.cpp
};

// X(ID, Models, Category, SuppressOnSink, Title)
#define KBOUND_CHECKS(X)                                                       \
  X(RL1, LifetimeModelBit, Forgotten, false, "Discarded registration")        \
  X(RL2, LifetimeModelBit, Forgotten, true, "Registration never dropped")     \
  X(RL3, CallbacksModelBit, Forgotten, false,                                  \
    "Registration never dropped in .remove")                                   \
  X(RL4, LifetimeModelBit, Forgotten, true,                                    \
    "Missing auxiliary_device_uninit")                                         \
  X(RL5, LifetimeModelBit, Forgotten, true,                                    \
    "Missing auxiliary_device_delete")                                         \
  X(TM1, TypeTagModelBit, TypeTag, false,                                      \
    "Registration fetched with another tag")                                   \
  X(TM2, TypeTagModelBit, TypeTag, false,                                      \
    "Registration fetched with another file's tag")                            \
  X(TM3, TypeTagModelBit, TypeTag, false,                                      \
    "Registration data of the wrong type")                                     \
  X(TM4, TypeTagModelBit, TypeTag, false,                                      \
    "Registration data used as another type")                                  \
  X(TM5, TypeTagModelBit, TypeTag, false,                                      \
    "Registration data used without IS_ERR")                                   \
  X(UA1, LifetimeModelBit, AfterUnbind, false, "Use after drop/uninit")       \
  X(UA2, LifetimeModelBit, AfterUnbind, false,                                 \
    "kfree of an initialized device")                                          \
  X(UA3, LifetimeModelBit | CallbacksModelBit, AfterUnbind, false,             \
    "Borrowed memory freed before the drop")                                   \
  X(UA4, CallbacksModelBit, AfterUnbind, false,                                \
    "Bound pointer escapes its binding")                                       \
  X(UA5, LifetimeModelBit, AfterUnbind, false, "Uninit before delete")        \
  X(UA6, LifetimeModelBit, AfterUnbind, false,                                 \
    "Devm registration dropped by hand")                                       \
  X(UA7, CallbacksModelBit, AfterUnbind, false,                                \
    "Release callback tears down its own device")                              \
  X(UA8, LifetimeModelBit, AfterUnbind, false,                                 \
    "Refcounted device in devres memory")

enum class CheckID : unsigned {
#define KBOUND_CHECK_ENUM(ID, Models, Cat, Sink, Title) ID,
  KBOUND_CHECKS(KBOUND_CHECK_ENUM)
#undef KBOUND_CHECK_ENUM
      NumChecks
};

constexpr unsigned NumChecks = static_cast<unsigned>(CheckID::NumChecks);

/// The bug types of the IDs a model reports; null while an ID is off.
class CheckSet {
  std::unique_ptr<clang::ento::BugType> BT[NumChecks];

public:
  void enable(CheckID ID, clang::ento::CheckerNameRef Name);
  bool on(CheckID ID) const { return BT[static_cast<unsigned>(ID)] != nullptr; }
  const clang::ento::BugType *get(CheckID ID) const {
    return BT[static_cast<unsigned>(ID)].get();
  }
  bool owns(const clang::ento::BugType &T) const {
    for (const auto &P : BT)
      if (P.get() == &T)
        return true;
    return false;
  }
};

} // namespace kbound

#endif // KBOUND_CHECK_IDS_H
