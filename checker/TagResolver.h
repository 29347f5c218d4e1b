//===- TagResolver.h - map a registration-data tag to its C type --*- C++
//-*-===//
//
// A tag is `const struct auxiliary_regdata_type tag = { .name = #type,
// .size = sizeof(type) }` (DEFINE_AUXILIARY_REGDATA_TYPE). Its identity is its
// address, so the checker names it by VarDecl; its C type is read back from
// the `sizeof(type)` in the initializer. A tag declared `extern` with its
// definition in another translation unit has no initializer here and does not
// resolve: the type-based checks then stay silent.
//
//===----------------------------------------------------------------------===//

#ifndef KBOUND_TAGRESOLVER_H
#define KBOUND_TAGRESOLVER_H

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include "clang/StaticAnalyzer/Core/PathSensitive/SVals.h"
#include <optional>
#include <string>

namespace kbound {
namespace tag {

struct ResolvedTag {
  const clang::VarDecl *Decl = nullptr; // canonical declaration (identity)
  clang::QualType Type;                 // null when unresolved
  std::string TypeName;                 // the `.name = #type` string, or ""
  bool resolved() const { return !Type.isNull(); }
};

/// The tag variable an argument points to (`&tag`, or a pointer value that is
/// the address of a tag variable along the path), or null.
const clang::VarDecl *tagDeclFromArg(clang::ento::SVal V,
                                     const clang::Expr *ArgE);

/// Read the C type and spelling of a tag from its definition, if visible.
ResolvedTag resolveTag(const clang::VarDecl *VD);

/// `'foo_tag' (struct foo)` or `'foo_tag'` when the type is unknown.
std::string describeTag(const ResolvedTag &T);

/// Types that say nothing about what they point to: void and the char types.
bool isOpaquePointee(clang::QualType T);

/// Whether \p View is a raw integer view (u32, __le64, ... or an array of
/// them) of an aggregate \p TagType: firmware blobs and register dumps are
/// read that way on purpose, so the type checks do not judge it.
bool isRawIntegerView(clang::ASTContext &Ctx, clang::QualType View,
                      clang::QualType TagType);

/// Whether a pointer to \p From may stand for a pointer to \p To: same
/// canonical unqualified type, or \p To is (recursively) the first member of
/// \p From (an upcast to an embedded base at offset 0), or an array of one is
/// an array of the other.
bool pointeeCompatible(clang::ASTContext &Ctx, clang::QualType From,
                       clang::QualType To);

} // namespace tag
} // namespace kbound

#endif // KBOUND_TAGRESOLVER_H
