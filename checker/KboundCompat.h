//===- KboundCompat.h - what differs between Clang 14 and 19 -----*- C++ -*-===//
//
// kbound builds against LLVM/Clang 14 to 19 (docs/llvm-versions.md). Every
// difference between those versions that the plugin runs into is handled
// here, and only here: no other checker source tests CLANG_VERSION_MAJOR.
// Every checker source includes this header. On Clang 19 each helper is the
// plain call it stands for, so the plugin behaves exactly as without it.
//
// What it covers:
//  - StringRef::starts_with/ends_with exist from LLVM 16 (before:
//    startswith/endswith, deprecated from 18 on): startsWith(), endsWith().
//  - SVal::getAs<T>() (and other analyzer APIs) return llvm::Optional before
//    LLVM 16, std::optional from 16: compat::Optional<T> names whichever the
//    analyzer returns, for code that spells the type.
//  - SymbolicRegion::getPointeeStaticType() exists from Clang 16:
//    pointeeStaticType() computes the same type (its body) on 14 and 15.
//
// CallDescription's matching mode (CDM::CLibrary, ...) exists only from
// Clang 19; kbound matches calls through its API table (KboundAPI.def), not
// CallDescription, so it needs no shim for it. A new use of CallDescription
// would need one here.
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_COMPAT_H
#define KBOUND_COMPAT_H

#include "clang/Basic/Version.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/MemRegion.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

#if CLANG_VERSION_MAJOR < 14
#error "kbound needs Clang 14 or newer (docs/llvm-versions.md)"
#endif

#if CLANG_VERSION_MAJOR < 16
#include "llvm/ADT/Optional.h"
#endif

namespace kbound {
namespace compat {

/// The optional type the analyzer's own APIs return (SVal::getAs<T>()).
#if CLANG_VERSION_MAJOR >= 16
template <typename T> using Optional = std::optional<T>;
#else
template <typename T> using Optional = llvm::Optional<T>;
#endif

/// S.starts_with(Prefix).
inline bool startsWith(llvm::StringRef S, llvm::StringRef Prefix) {
#if CLANG_VERSION_MAJOR >= 16
  return S.starts_with(Prefix);
#else
  return S.startswith(Prefix);
#endif
}

/// S.ends_with(Suffix).
inline bool endsWith(llvm::StringRef S, llvm::StringRef Suffix) {
#if CLANG_VERSION_MAJOR >= 16
  return S.ends_with(Suffix);
#else
  return S.endswith(Suffix);
#endif
}

/// SR->getPointeeStaticType(): the pointee type of the region's symbol, a
/// best guess (a void * parameter points to "void").
inline clang::QualType
pointeeStaticType(const clang::ento::SymbolicRegion *SR) {
#if CLANG_VERSION_MAJOR >= 16
  return SR->getPointeeStaticType();
#else
  return SR->getSymbol()->getType()->getPointeeType();
#endif
}

} // namespace compat
} // namespace kbound

#endif // KBOUND_COMPAT_H
