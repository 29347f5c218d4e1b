/* Mentions auxiliary_device_init, so the prefilter selects it, but no make
 * rule builds lib/norule.o: bin/kbound scan lists it as SKIPPED. */
