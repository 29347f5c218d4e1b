//===- RegistrationState.h - lifetime state of registrations/devices -*- C++ -*-//
//
// The program-state model shared by kbound.RegistrationLeak and
// kbound.UseAfterUnbind: one entry per registration (keyed by the symbol that
// auxiliary_registration_new returned) and one per auxiliary device (keyed by
// the region passed to auxiliary_device_init, or the region of the pointer
// that auxiliary_device_create returned).
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_REGISTRATION_STATE_H
#define KBOUND_REGISTRATION_STATE_H

#include "KboundAPI.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "llvm/ADT/FoldingSet.h"

namespace kbound {
namespace lifetime {

/// Where an entry came from: the statement and its location context, used as
/// the uniqueing location of a report (one report per acquisition).
struct Site {
  const clang::Stmt *S = nullptr;
  const clang::LocationContext *LC = nullptr;
  bool operator==(const Site &O) const { return S == O.S && LC == O.LC; }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddPointer(S);
    ID.AddPointer(LC);
  }
};

enum class RegKind : unsigned char {
  Live,    // created, valid branch: a drop is owed
  Dropped, // auxiliary_registration_drop was called
  Devm     // devm_auxiliary_registration_new: dropped by devres
};

struct RegState {
  RegKind K;
  // Stored outside the locals or handed to a function that may keep it:
  // someone else may drop it, so no RL2.
  bool Escaped = false;
  // A use after the drop was reported on this path: later uses are the same
  // bug, but the path goes on so that a different one after it is reported.
  bool UseReported = false;
  Site Origin;

  RegState(RegKind K, Site Origin) : K(K), Origin(Origin) {}
  RegState with(RegKind NK) const {
    RegState R = *this;
    R.K = NK;
    return R;
  }
  bool operator==(const RegState &O) const {
    return K == O.K && Escaped == O.Escaped && UseReported == O.UseReported &&
           Origin == O.Origin;
  }
  RegState reported() const {
    RegState R = *this;
    R.UseReported = true;
    return R;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddInteger(static_cast<unsigned>(K));
    ID.AddBoolean(Escaped);
    ID.AddBoolean(UseReported);
    Origin.Profile(ID);
  }
};

enum class DevKind : unsigned char {
  Init,        // auxiliary_device_init returned 0: uninit owed
  Added,       // __auxiliary_device_add returned 0: delete + uninit owed
  Deleted,     // auxiliary_device_delete done: uninit owed
  Uninit,      // released (put_device): the release callback may have freed it
  UninitAdded, // uninit while still added: RL5 unless a delete follows (UA5)
  Created,     // auxiliary_device_create: destroy owed
  DevmCreated, // devm_auxiliary_device_create: devres tears it down
  Destroyed    // auxiliary_device_destroy done
};

/// What a call does to a tracked device (the role's effect, whatever the
/// family: auxiliary_device_uninit and put_device are both a Put).
enum class DevOp : unsigned char { Use, Del, Put, Destroy };

// The device state machine (DevKind x DevOp -> DevStep):
//
//              init ok          add ok             del
//   (none) ------------> Init ---------> Added ----------> Deleted
//                         |                |                  |
//                     put |            put |              put |
//                         v                v                  v
//                       Uninit <------ UninitAdded          Uninit
//                               del: UA5
//
//   create ------> Created --del/put/destroy--> (as Added) / Destroyed
//   devm create -> DevmCreated: any del/put/destroy is UA6
//
// From a released state (Uninit, UninitAdded, Destroyed) every further use,
// del, put or destroy is UA1 (a second put: double uninit). The end states
// are checked elsewhere: Init lost or returned on an error path is RL4,
// UninitAdded at the end of the path is RL5. A teardown seen on a device the
// path did not set up starts it in Deleted/UninitAdded/Destroyed, Assumed.
enum class DevStepKind : unsigned char {
  Ignore,          // nothing to model
  Move,            // go to To, with the path note Note
  UseAfterRelease, // UA1
  DoublePut,       // UA1: the second put
  DelAfterPut,     // UA5, then To
  DevmByHand       // UA6
};

struct DevStep {
  DevStepKind K;
  DevKind To;
  const char *Note;
};

/// The transition for \p Op on a device in state \p K.
inline const DevStep &devStep(DevKind K, DevOp Op) {
  using S = DevStepKind;
  static constexpr const char *Uninit = "Device uninitialized here";
  static constexpr const char *UninitAdded =
      "Device uninitialized here while it is still added";
  static constexpr const char *Deleted = "Device deleted here";
  static constexpr const char *Destroyed = "Device destroyed here";
  static constexpr DevStep Ig{S::Ignore, DevKind::Init, nullptr};
  static constexpr DevStep UAR{S::UseAfterRelease, DevKind::Init, nullptr};
  static constexpr DevStep Devm{S::DevmByHand, DevKind::Init, nullptr};
  // clang-format off
  //                   Use  Del                                      Put                                              Destroy
  static constexpr DevStep Table[][4] = {
      /* Init        */ {Ig, Ig, {S::Move, DevKind::Uninit, Uninit}, {S::Move, DevKind::Destroyed, Destroyed}},
      /* Added       */ {Ig, {S::Move, DevKind::Deleted, Deleted}, {S::Move, DevKind::UninitAdded, UninitAdded}, {S::Move, DevKind::Destroyed, Destroyed}},
      /* Deleted     */ {Ig, Ig, {S::Move, DevKind::Uninit, Uninit}, {S::Move, DevKind::Destroyed, Destroyed}},
      /* Uninit      */ {UAR, UAR, {S::DoublePut, DevKind::Uninit, nullptr}, UAR},
      /* UninitAdded */ {UAR, {S::DelAfterPut, DevKind::Uninit, nullptr}, {S::DoublePut, DevKind::Uninit, nullptr}, UAR},
      /* Created     */ {Ig, {S::Move, DevKind::Deleted, Deleted}, {S::Move, DevKind::UninitAdded, UninitAdded}, {S::Move, DevKind::Destroyed, Destroyed}},
      /* DevmCreated */ {Ig, Devm, Devm, Devm},
      /* Destroyed   */ {UAR, UAR, UAR, UAR},
  };
  // clang-format on
  return Table[static_cast<unsigned>(K)][static_cast<unsigned>(Op)];
}

/// Where tracking starts for a teardown of a device set up elsewhere.
inline DevKind assumedStart(DevOp Op) {
  return Op == DevOp::Del   ? DevKind::Deleted
         : Op == DevOp::Put ? DevKind::UninitAdded
                            : DevKind::Destroyed;
}

inline const char *kindName(DevKind K) {
  static constexpr const char *Names[] = {"Init",   "Added",       "Deleted",
                                          "Uninit", "UninitAdded", "Created",
                                          "DevmCreated", "Destroyed"};
  return Names[static_cast<unsigned>(K)];
}

inline const char *kindName(RegKind K) {
  static constexpr const char *Names[] = {"Live", "Dropped", "Devm"};
  return Names[static_cast<unsigned>(K)];
}

struct DevState {
  DevKind K;
  // Handed to a function we do not know (which may tear it down): the model
  // no longer knows what was done, so no leak/ordering reports.
  bool EscapedCall = false;
  // One of those calls may really keep the device (mayKeepDevice(): a
  // function of this file, a call through a pointer or with a callback, a
  // call whose result is ignored). Without it, only setup steps of other
  // files whose result the code tests received it, and the frame that set
  // the device up still owes its teardown on an error path.
  bool EscapedInTU = false;
  // Its container was stored outside the locals: someone else can reach it.
  bool EscapedBind = false;
  // The memory holding it was allocated on this path (or is a local
  // variable): when it becomes unreachable nobody else can tear it down.
  bool Local = false;
  // Tracking started at a teardown call (e.g. in .remove): what happened
  // before is unknown.
  bool Assumed = false;
  // A use after the put was reported (UA1) on this path: later uses are the
  // same bug and stay quiet, but the path goes on, so that a different bug
  // after it (a kfree of the released container: UA2) is reported too.
  bool UseReported = false;
  // The frame that must tear it down before returning an error.
  const clang::StackFrameContext *Owner = nullptr;
  // The driver-core family whose calls set it up (for messages).
  api::Family Fam = api::Family::Auxiliary;
  Site Origin;    // init or create call
  Site UninitAt;  // the put (auxiliary_device_uninit, put_device): RL5/UA5

  DevState(DevKind K, Site Origin, api::Family Fam)
      : K(K), Fam(Fam), Origin(Origin) {}
  DevState with(DevKind NK) const {
    DevState D = *this;
    D.K = NK;
    return D;
  }
  DevState reported() const {
    DevState D = *this;
    D.UseReported = true;
    return D;
  }
  bool operator==(const DevState &O) const {
    return K == O.K && EscapedCall == O.EscapedCall &&
           EscapedInTU == O.EscapedInTU &&
           EscapedBind == O.EscapedBind && Local == O.Local &&
           Assumed == O.Assumed && UseReported == O.UseReported &&
           Fam == O.Fam &&
           Owner == O.Owner && Origin == O.Origin && UninitAt == O.UninitAt;
  }
  void Profile(llvm::FoldingSetNodeID &ID) const {
    ID.AddInteger(static_cast<unsigned>(K));
    ID.AddBoolean(EscapedCall);
    ID.AddBoolean(EscapedInTU);
    ID.AddBoolean(EscapedBind);
    ID.AddBoolean(Local);
    ID.AddBoolean(Assumed);
    ID.AddBoolean(UseReported);
    ID.AddInteger(static_cast<unsigned>(Fam));
    ID.AddPointer(Owner);
    Origin.Profile(ID);
    UninitAt.Profile(ID);
  }
};

} // namespace lifetime
} // namespace kbound

#endif // KBOUND_REGISTRATION_STATE_H
