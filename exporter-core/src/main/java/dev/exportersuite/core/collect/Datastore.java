package dev.exportersuite.core.collect;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.MetricDefinition;
import java.util.List;
import java.util.Optional;

/**
 * A datastore module as the engine sees it, built once at start from the resolved config (no network yet): the
 * main connection, how the loaded definitions are adjusted (switches, collectors made from flags), and the
 * multi-target endpoint if the module has one. A reload reuses it; only the metrics files are read again.
 *
 * @param <R> the module's parsed request
 */
public record Datastore<R>(ResolvedConnection<R> connection, Definitions<R> definitions,
    Optional<MultiTarget<R>> multiTarget) {

  /** Adjusts the definitions read from metrics files; a pure function, run at start and at every reload. */
  @FunctionalInterface
  public interface Definitions<R> {
    List<MetricDefinition<R>> adjust(List<MetricDefinition<R>> loaded) throws ConfigException;
  }

  public static <R> Datastore<R> of(ResolvedConnection<R> connection) {
    return new Datastore<>(connection, loaded -> loaded, Optional.empty());
  }

  public Datastore<R> withDefinitions(Definitions<R> adjust) {
    return new Datastore<>(connection, adjust, multiTarget);
  }

  public Datastore<R> withMultiTarget(MultiTarget<R> target) {
    return new Datastore<>(connection, definitions, Optional.of(target));
  }
}
