/* Stands in for kbound.so built against another analyzer than the one it is
 * loaded into: clang 13's, older than any clang kbound builds for (14 to 19),
 * so it is another version whichever clang runs the test. */
const char clang_analyzerAPIVersionString[] = "13.0.0";
void clang_registerCheckers(void *registry) { (void)registry; }
