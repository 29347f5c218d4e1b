/* Stands in for kbound.so built against clang 18's analyzer. */
const char clang_analyzerAPIVersionString[] = "18.1.0";
void clang_registerCheckers(void *registry) { (void)registry; }
