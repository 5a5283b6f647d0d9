package dev.exportersuite.core.collect;

/**
 * A datastore connection resolved from flags, environment, config files and credentials sources: checked, not
 * opened. {@code --check-config} stops here, so everything but the network is checked before a real start.
 */
public interface ResolvedConnection {

  /** Where and as whom, for the start log and {@code --check-config}; never a password. */
  String describe();

  /** Opens the executor; must not fail because the datastore is down (the exporter then reports {@code _up 0}). */
  RequestExecutor open();
}
