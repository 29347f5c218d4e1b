//===- TagFieldScan.cpp - TM1 across the functions of one file ------------===//

#include "TagFieldScan.h"
#include "DriverIndex.h"
#include "KboundAPI.h"
#include "KboundCompat.h"
#include "TagResolver.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>
#include <map>
#include <optional>

using namespace clang;

namespace kbound {
namespace tag {
namespace {

/// Is \p E a call whose row in the API table has role \p R?
bool calls(const Expr *E, api::Role R) {
  const auto *CE = dyn_cast_or_null<CallExpr>(E);
  return CE && api::roleOf(CE) == R;
}

bool isCreationCall(const Expr *E) {
  const auto *CE = dyn_cast_or_null<CallExpr>(E);
  return CE && CE->getNumArgs() == 6 && api::isRegCreate(api::roleOf(CE));
}

// Whether any file-scope function with role R in the API table is used in
// the TU. Sema marks uses, so a TU that never calls the API (nearly every
// file the analyzer sees) skips the whole-TU walks below.
bool isUsedRole(const TranslationUnitDecl *TU, api::Role R) {
  ASTContext &Ctx = TU->getASTContext();
  for (const api::Entry *E : api::withRole(R)) {
    auto It = Ctx.Idents.find(E->Name);
    if (It == Ctx.Idents.end())
      continue;
    for (const NamedDecl *ND : TU->lookup(DeclarationName(It->getValue())))
      if (isa<FunctionDecl>(ND) && ND->isReferenced())
        return true;
  }
  return false;
}

// A TM1 mismatch needs both a creation with a tag and a fetch with one.
bool mayMismatch(const TranslationUnitDecl *TU) {
  return isUsedRole(TU, api::Role::RegData) &&
         (isUsedRole(TU, api::Role::RegNew) ||
          isUsedRole(TU, api::Role::RegNewManaged));
}

const FieldDecl *fieldOf(const Expr *E) {
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(E->IgnoreParenCasts()))
    return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

// The argument of a one-argument call such as auxiliary_registration_device.
const Expr *onlyArg(const Expr *E) {
  const auto *CE = cast<CallExpr>(E);
  return CE->getNumArgs() == 1 ? CE->getArg(0) : nullptr;
}

const FieldDecl *fieldOfArg(const Expr *Call) {
  const Expr *A = onlyArg(Call);
  return A ? fieldOf(A) : nullptr;
}

const VarDecl *localOf(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts()))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (VD->hasLocalStorage())
        return VD;
  return nullptr;
}

bool isNullish(const Expr *E, ASTContext &Ctx) {
  return E->IgnoreParenCasts()->isNullPointerConstant(
             Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
}

struct Creation {
  const VarDecl *Tag;
  const CallExpr *Call;
  const FunctionDecl *Fn;
};

struct FieldInfo {
  llvm::SmallVector<Creation, 2> Creations;
  bool Tainted = false; // receives something we cannot attribute to a tag
};

// Every (lhs, rhs) store in a body: assignments and initialized locals.
void forEachStore(
    const Stmt *S,
    const std::function<void(const Expr *Lhs, const VarDecl *LhsVar,
                             const Expr *Rhs)> &F) {
  if (!S)
    return;
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->getOpcode() == BO_Assign)
      F(BO->getLHS(), nullptr, BO->getRHS());
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->hasLocalStorage() && VD->getInit())
          F(nullptr, VD, VD->getInit());
  for (const Stmt *Child : S->children())
    forEachStore(Child, F);
}

void forEachCall(const Stmt *S,
                 const std::function<void(const CallExpr *)> &F) {
  if (!S)
    return;
  if (const auto *CE = dyn_cast<CallExpr>(S))
    F(CE);
  for (const Stmt *Child : S->children())
    forEachCall(Child, F);
}

} // namespace

// Fields written in ways the store scan does not follow: their address
// taken (`create(&priv->reg)` fills it through an out-parameter) or given a
// value in an initializer list (`struct priv p = { .reg = r }`).
static void collectOpaqueWrites(const Stmt *S, ASTContext &Ctx,
                                llvm::SmallPtrSetImpl<const FieldDecl *> &Out) {
  if (!S)
    return;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if (UO->getOpcode() == UO_AddrOf)
      if (const FieldDecl *F = fieldOf(UO->getSubExpr()))
        Out.insert(F);
  if (const auto *ILE = dyn_cast<InitListExpr>(S))
    if (const RecordDecl *RD = ILE->getType()->getAsRecordDecl()) {
      unsigned I = 0;
      for (const FieldDecl *F : RD->fields()) {
        if (I >= ILE->getNumInits())
          break;
        const Expr *Init = ILE->getInit(I++);
        if (Init && !isa<ImplicitValueInitExpr>(Init) && !isNullish(Init, Ctx))
          Out.insert(F);
      }
    }
  for (const Stmt *Child : S->children())
    collectOpaqueWrites(Child, Ctx, Out);
}

std::vector<FieldTagMismatch> scanFieldTags(const TranslationUnitDecl *TU) {
  std::vector<FieldTagMismatch> Out;
  if (!mayMismatch(TU))
    return Out;
  ASTContext &Ctx = TU->getASTContext();

  llvm::SmallVector<const FunctionDecl *, 32> Fns;
  for (const Decl *D : TU->decls())
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->doesThisDeclarationHaveABody())
        Fns.push_back(FD);

  llvm::DenseMap<const FieldDecl *, FieldInfo> RegFields;
  // Device fields: `x->adev = auxiliary_registration_device(x->reg)`.
  llvm::DenseMap<const FieldDecl *, const FieldDecl *> DevFields;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallPtrSet<const FieldDecl *, 4>>
      StoredIn;

  // Pass 1: what each registration field receives.
  for (const FunctionDecl *FD : Fns) {
    // Locals holding a fresh registration, by its tag (null: unknown tag).
    llvm::DenseMap<const VarDecl *, llvm::SmallVector<Creation, 2>> Locals;
    forEachStore(FD->getBody(), [&](const Expr *Lhs, const VarDecl *LhsVar,
                                    const Expr *Rhs) {
      const Expr *R = Rhs->IgnoreParenCasts();
      if (!LhsVar && Lhs)
        LhsVar = localOf(Lhs);
      if (LhsVar && isCreationCall(R)) {
        const auto *CE = cast<CallExpr>(R);
        Locals[LhsVar].push_back(
            {tagDeclFromArg(ento::UnknownVal(), CE->getArg(4)), CE, FD});
        return;
      }
      const FieldDecl *F = Lhs ? fieldOf(Lhs) : nullptr;
      if (!F)
        return;
      StoredIn[FD].insert(F);
      if (calls(R, api::Role::RegDevice)) {
        if (const FieldDecl *Src = fieldOfArg(R))
          DevFields[F] = Src;
        return;
      }
      if (!F->getType()->isPointerType())
        return;
      FieldInfo &FI = RegFields[F];
      if (isCreationCall(R)) {
        const auto *CE = cast<CallExpr>(R);
        FI.Creations.push_back(
            {tagDeclFromArg(ento::UnknownVal(), CE->getArg(4)), CE, FD});
      } else if (const VarDecl *V = localOf(R)) {
        auto It = Locals.find(V);
        if (It == Locals.end())
          FI.Tainted = true;
        else
          FI.Creations.append(It->second.begin(), It->second.end());
      } else if (!isNullish(R, Ctx)) {
        FI.Tainted = true;
      }
    });
  }

  llvm::SmallPtrSet<const FieldDecl *, 8> Opaque;
  for (const FunctionDecl *FD : Fns)
    collectOpaqueWrites(FD->getBody(), Ctx, Opaque);
  // File-scope initializers too (`static struct priv p = { .reg = ... }`).
  for (const Decl *D : TU->decls())
    if (const auto *VD = dyn_cast<VarDecl>(D))
      if (const Expr *Init = VD->getInit())
        collectOpaqueWrites(Init, Ctx, Opaque);

  auto FieldTag = [&](const FieldDecl *F) -> const Creation * {
    auto It = RegFields.find(F);
    if (It == RegFields.end() || It->second.Tainted || Opaque.count(F) ||
        It->second.Creations.empty())
      return nullptr;
    const Creation *First = &It->second.Creations.front();
    for (const Creation &C : It->second.Creations)
      if (!C.Tag || C.Tag != First->Tag)
        return nullptr; // several tags (conditional) or one we cannot name
    return First;
  };

  // Pass 2: fetches through such a field, in functions that do not fill it.
  for (const FunctionDecl *FD : Fns) {
    // Locals holding a device taken from a registration field.
    llvm::DenseMap<const VarDecl *, const FieldDecl *> DevLocals;
    llvm::SmallPtrSet<const VarDecl *, 4> Ambiguous;
    forEachStore(FD->getBody(),
                 [&](const Expr *Lhs, const VarDecl *LhsVar, const Expr *Rhs) {
                   if (!LhsVar && Lhs)
                     LhsVar = localOf(Lhs);
                   if (!LhsVar)
                     return;
                   const Expr *R = Rhs->IgnoreParenCasts();
                   const FieldDecl *Src = nullptr;
                   if (calls(R, api::Role::RegDevice))
                     Src = fieldOfArg(R);
                   else if (const FieldDecl *DF = fieldOf(R)) {
                     auto It = DevFields.find(DF);
                     if (It != DevFields.end())
                       Src = It->second;
                   }
                   auto It = DevLocals.find(LhsVar);
                   if (!Src || (It != DevLocals.end() && It->second != Src))
                     Ambiguous.insert(LhsVar);
                   else
                     DevLocals[LhsVar] = Src;
                 });

    forEachCall(FD->getBody(), [&](const CallExpr *CE) {
      if (!calls(CE, api::Role::RegData) || CE->getNumArgs() != 2)
        return;
      const VarDecl *FetchTag =
          tagDeclFromArg(ento::UnknownVal(), CE->getArg(1));
      if (!FetchTag)
        return;
      const Expr *Dev = CE->getArg(0)->IgnoreParenCasts();
      const FieldDecl *RegField = nullptr;
      if (calls(Dev, api::Role::RegDevice))
        RegField = fieldOfArg(Dev);
      else if (const FieldDecl *DF = fieldOf(Dev)) {
        auto It = DevFields.find(DF);
        if (It != DevFields.end())
          RegField = It->second;
      } else if (const VarDecl *V = localOf(Dev)) {
        auto It = DevLocals.find(V);
        if (It != DevLocals.end() && !Ambiguous.count(V))
          RegField = It->second;
      }
      if (!RegField)
        return;
      const Creation *C = FieldTag(RegField);
      if (!C || C->Tag == FetchTag)
        return;
      // A function that fills the field is on the path-based check's side.
      auto SI = StoredIn.find(FD);
      if (SI != StoredIn.end() && SI->second.count(RegField))
        return;
      Out.push_back({CE, FD, FetchTag, C->Tag, C->Call, C->Fn, RegField});
    });
  }
  return Out;
}


namespace {

/// The string a literal argument spells (KBUILD_MODNAME ".x" is one literal).
std::optional<std::string> literalOf(const Expr *E) {
  if (!E)
    return std::nullopt;
  if (const auto *SL = dyn_cast<StringLiteral>(E->IgnoreParenImpCasts()))
    if (SL->getCharByteWidth() == 1)
      return SL->getString().str();
  return std::nullopt;
}

const Expr *initFor(const InitListExpr *IL, StringRef FieldName) {
  const RecordDecl *RD = IL->getType()->getAsRecordDecl();
  if (!RD)
    return nullptr;
  unsigned I = 0;
  for (const FieldDecl *F : RD->fields()) {
    if (I >= IL->getNumInits())
      break;
    if (F->getName() == FieldName)
      return IL->getInit(I);
    ++I;
  }
  return nullptr;
}

const VarDecl *varOf(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

} // namespace

bool scanCreations(const TranslationUnitDecl *TU,
                   std::vector<NamedCreation> &Out) {
  bool Unknown = false;
  for (const Decl *D : TU->decls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody())
      continue;
    forEachCall(FD->getBody(), [&](const CallExpr *CE) {
      if (!isCreationCall(CE))
        return;
      std::optional<std::string> Mod = literalOf(CE->getArg(3));
      std::optional<std::string> Name = literalOf(CE->getArg(1));
      const VarDecl *Tag = tagDeclFromArg(ento::UnknownVal(), CE->getArg(4));
      if (!Mod || !Name || !Tag) {
        Unknown = true;
        return;
      }
      Out.push_back({*Mod + "." + *Name, Tag->getCanonicalDecl(), CE, FD});
    });
  }
  return !Unknown;
}

std::vector<std::string> idTableNames(const DriverInfo &Drv) {
  std::vector<std::string> Names;
  const VarDecl *Table = Drv.IdTable;
  if (!Table || !Table->hasInit())
    return Names;
  const auto *TIL = dyn_cast<InitListExpr>(Table->getInit()->IgnoreImplicit());
  if (!TIL)
    return Names;
  for (const Expr *Entry : TIL->inits()) {
    const auto *EIL = dyn_cast<InitListExpr>(Entry->IgnoreImplicit());
    if (!EIL)
      continue;
    std::optional<std::string> N = literalOf(initFor(EIL, "name"));
    if (N && !N->empty()) // not the terminating { }
      Names.push_back(*N);
  }
  return Names;
}

std::vector<DriverFetch> driverFetches(const DriverInfo &Drv) {
  std::vector<DriverFetch> Out;
  // The fetches on the callback's device, also inside the file's own
  // helpers it hands the device to (zpl_cfg(adev) fetching for probe).
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen;
  std::function<void(const FunctionDecl *, const ParmVarDecl *, unsigned)>
      Scan = [&](const FunctionDecl *Fn, const ParmVarDecl *Adev,
                 unsigned Depth) {
        if (!Seen.insert(Fn).second)
          return;
        forEachCall(Fn->getBody(), [&](const CallExpr *CE) {
          if (calls(CE, api::Role::RegData) && CE->getNumArgs() == 2) {
            if (varOf(CE->getArg(0)) != Adev)
              return;
            if (const VarDecl *Tag =
                    tagDeclFromArg(ento::UnknownVal(), CE->getArg(1)))
              Out.push_back({CE, Fn, Tag});
            return;
          }
          const FunctionDecl *Callee = CE->getDirectCallee();
          const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
          if (!Def || !Def->hasBody() || Depth >= 3 ||
              !Def->getASTContext().getSourceManager().isInMainFile(
                  Def->getLocation()))
            return;
          for (unsigned I = 0, E = std::min(CE->getNumArgs(),
                                            Def->getNumParams());
               I != E; ++I)
            if (varOf(CE->getArg(I)) == Adev)
              Scan(Def, Def->getParamDecl(I), Depth + 1);
        });
      };
  for (const FunctionDecl *Fn : {Drv.Probe, Drv.Remove})
    if (Fn && Fn->getNumParams() >= 1)
      Scan(Fn, Fn->getParamDecl(0), 0);
  return Out;
}

std::vector<NameTagMismatch> scanNameTags(const TranslationUnitDecl *TU) {
  std::vector<NameTagMismatch> Out;
  if (!mayMismatch(TU))
    return Out;
  // "modname.name" -> creations; a creation whose name or tag we cannot
  // read makes the whole scan give up (it could be the one that matches).
  std::vector<NamedCreation> All;
  if (!scanCreations(TU, All) || All.empty())
    return Out;
  std::map<std::string, llvm::SmallVector<const NamedCreation *, 2>> Created;
  for (const NamedCreation &C : All)
    Created[C.DevName].push_back(&C);

  for (const DriverInfo &Drv : findDrivers(TU)) {
    if (!api::isRecord(Drv.Type, api::RecordKind::AuxDriver))
      continue;
    // Every name the driver binds to must be created here, so no other
    // parent can be the one that uses the fetched tag.
    llvm::SmallPtrSet<const VarDecl *, 4> Tags;
    const NamedCreation *Any = nullptr;
    bool AllKnown = true;
    std::vector<std::string> Names = idTableNames(Drv);
    for (const std::string &N : Names) {
      auto It = Created.find(N);
      if (It == Created.end()) {
        AllKnown = false;
        break;
      }
      for (const NamedCreation *C : It->second) {
        Tags.insert(C->Tag);
        Any = Any ? Any : C;
      }
    }
    if (!AllKnown || !Any)
      continue;
    for (const DriverFetch &F : driverFetches(Drv))
      if (!Tags.count(F.Tag->getCanonicalDecl()))
        Out.push_back({F.Fetch, F.Fn, F.Tag, Any->Tag, Any->Call, Any->Fn,
                       Any->DevName});
  }
  return Out;
}

} // namespace tag
} // namespace kbound
