/* Calls only a site's own function: selected once the table has its row. */
struct foo;
int foo_bus_attach(struct foo *f);
int attach(struct foo *f) { return foo_bus_attach(f); }
