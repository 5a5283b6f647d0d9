package dev.exportersuite.core.collect;

import dev.exportersuite.core.endpoint.HostPort;
import java.util.Optional;

/**
 * A datastore connection resolved from flags, environment, config files and credentials sources: checked, not
 * opened. {@code --check-config} stops here, so everything but the network is checked before a real start.
 * Multi-target endpoints key their engines by it, so implementations are values (records): equal connections
 * share one engine.
 *
 * @param <R> the module's parsed request
 */
public interface ResolvedConnection<R> {

  /** Where and as whom, for the start log and {@code --check-config}; never a password. */
  String describe();

  /**
   * The host and port it connects to, which a multi-target allow-list checks; empty for what has none (a unix
   * socket), which an allow-list then refuses.
   */
  default Optional<HostPort> targetAddress() {
    return Optional.empty();
  }

  /** Opens the executor; must not fail because the datastore is down (the exporter then reports {@code _up 0}). */
  RequestExecutor<R> open();
}
