package dev.exportersuite.core.collect;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.MetricNames;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A datastore module as the engine sees it, built once at start from the resolved config (no network yet): the
 * connections to scrape, how the loaded definitions are adjusted (switches, collectors made from flags), and the
 * multi-target endpoint if the module has one. A reload reuses it; only the metrics files are read again.
 *
 * @param <R> the module's parsed request
 * @param connections one, or several scraped together
 * @param nameLabel the label that names the connection of a series ({@code database})
 * @param named true: every series carries {@code nameLabel} and the connections' labels, even with one connection
 *     (as Oracle's exporter labels its databases); false for one unnamed connection
 */
public record Datastore<R>(List<NamedConnection<R>> connections, String nameLabel, boolean named,
    Definitions<R> definitions, Optional<MultiTarget<R>> multiTarget) {

  /** Adjusts the definitions read from metrics files; a pure function, run at start and at every reload. */
  @FunctionalInterface
  public interface Definitions<R> {
    List<MetricDefinition<R>> adjust(List<MetricDefinition<R>> loaded) throws ConfigException;
  }

  public Datastore {
    connections = List.copyOf(connections);
    if (connections.isEmpty()) {
      throw new IllegalArgumentException("a datastore needs at least one connection");
    }
    if (!named && connections.size() > 1) {
      throw new IllegalArgumentException("several connections need a name label to tell their series apart");
    }
    if (!MetricNames.isValidLabelName(nameLabel)) {
      throw new IllegalArgumentException("'" + nameLabel + "' is not a valid label name");
    }
    var names = new HashSet<String>();
    for (NamedConnection<R> c : connections) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("two connections are named '" + c.name() + "'");
      }
      if (named && c.labels().containsKey(nameLabel)) {
        throw new IllegalArgumentException("connection " + c.name() + ": its label '" + nameLabel + "' would hide "
            + "the connection's name");
      }
    }
  }

  /** One connection, named {@link NamedConnection#DEFAULT}, with no label of its own. */
  public static <R> Datastore<R> of(ResolvedConnection<R> connection) {
    return of(connection, ConnectionLimits.NONE);
  }

  /** One connection with limits of its own (a pool of N sessions runs at most N requests at once). */
  public static <R> Datastore<R> of(ResolvedConnection<R> connection, ConnectionLimits limits) {
    return new Datastore<>(List.of(new NamedConnection<>(NamedConnection.DEFAULT, Map.of(), connection, limits)),
        "database", false, loaded -> loaded, Optional.empty());
  }

  /** Connections scraped together, each series labelled with its connection's name (also when there is one). */
  public static <R> Datastore<R> of(List<NamedConnection<R>> connections, String nameLabel) {
    return new Datastore<>(connections, nameLabel, true, loaded -> loaded, Optional.empty());
  }

  public Datastore<R> withDefinitions(Definitions<R> adjust) {
    return new Datastore<>(connections, nameLabel, named, adjust, multiTarget);
  }

  public Datastore<R> withMultiTarget(MultiTarget<R> target) {
    return new Datastore<>(connections, nameLabel, named, definitions, Optional.of(target));
  }
}
