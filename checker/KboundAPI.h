//===- KboundAPI.h - the functions kbound's checkers recognize ----*- C++ -*-===//
//
// One place for the names of the auxiliary-bus and registration-data API, so
// that every checker recognizes the same calls. Calls are matched by name
// whether or not a body is visible: the kernel's auxiliary_device_delete and
// auxiliary_device_uninit are static inline, and auxiliary_device_add is a
// macro for __auxiliary_device_add.
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_API_H
#define KBOUND_API_H

#include "clang/StaticAnalyzer/Core/PathSensitive/CallDescription.h"

namespace kbound {
namespace api {

using clang::ento::CallDescription;
using clang::ento::CDM;

// Registration-data API (MISSION.md contract).
inline const CallDescription RegistrationNew{CDM::SimpleFunc,
                                             {"auxiliary_registration_new"}, 6};
inline const CallDescription DevmRegistrationNew{
    CDM::SimpleFunc, {"devm_auxiliary_registration_new"}, 6};
inline const CallDescription RegistrationDrop{
    CDM::SimpleFunc, {"auxiliary_registration_drop"}, 1};
inline const CallDescription RegistrationDevice{
    CDM::SimpleFunc, {"auxiliary_registration_device"}, 1};
inline const CallDescription RegistrationData{
    CDM::SimpleFunc, {"auxiliary_registration_data"}, 2};

// The kernel's auxiliary bus.
inline const CallDescription DeviceInit{CDM::SimpleFunc,
                                        {"auxiliary_device_init"}, 1};
inline const CallDescription DeviceAdd{CDM::SimpleFunc,
                                       {"__auxiliary_device_add"}, 2};
// Some trees (and out-of-tree shims) define auxiliary_device_add as a function.
inline const CallDescription DeviceAddFn{CDM::SimpleFunc,
                                         {"auxiliary_device_add"}, 1};
inline const CallDescription DeviceDelete{CDM::SimpleFunc,
                                          {"auxiliary_device_delete"}, 1};
inline const CallDescription DeviceUninit{CDM::SimpleFunc,
                                          {"auxiliary_device_uninit"}, 1};
inline const CallDescription DeviceCreate{CDM::SimpleFunc,
                                          {"auxiliary_device_create"}, 5};
inline const CallDescription DeviceDestroy{CDM::SimpleFunc,
                                           {"auxiliary_device_destroy"}, 1};
inline const CallDescription DevmDeviceCreate{
    CDM::SimpleFunc, {"__devm_auxiliary_device_create"}, 5};

// Memory.
inline const CallDescription Kfree{CDM::SimpleFunc, {"kfree"}, 1};
inline const CallDescription Kvfree{CDM::SimpleFunc, {"kvfree"}, 1};

} // namespace api
} // namespace kbound

#endif // KBOUND_API_H
