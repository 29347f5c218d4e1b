// The lifetime model prints its entries in the analyzer's state dumps
// (clang_analyzer_printState, -analyzer-checker=debug.ExprInspection), with
// the state names of the diagram in checker/RegistrationState.h.
// RUN: %kbound_cc1 -analyzer-checker=debug.ExprInspection %s 2>&1 \
// RUN:   | FileCheck %s
#include <linux/auxiliary_bus.h>

void clang_analyzer_printState(void);

void added(struct auxiliary_device *adev)
{
	if (auxiliary_device_init(adev))
		return;
	if (auxiliary_device_add(adev)) {
		auxiliary_device_uninit(adev);
		return;
	}
	// CHECK: "checker": "kbound.LifetimeModel"
	// CHECK-NEXT: "kbound registrations and devices:"
	// CHECK-NEXT: "  dev SymRegion{reg_${{[0-9]+}}<struct auxiliary_device * adev>}: Added"
	clang_analyzer_printState();
	auxiliary_device_delete(adev);
	// CHECK: "  dev SymRegion{reg_${{[0-9]+}}<struct auxiliary_device * adev>}: Deleted"
	clang_analyzer_printState();
	auxiliary_device_uninit(adev);
}
