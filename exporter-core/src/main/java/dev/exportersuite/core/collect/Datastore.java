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
 * @param connections one, or several scraped together (each gets {@code nameLabel} on every series)
 * @param nameLabel the label that names the connection of a series when there are several ({@code database})
 */
public record Datastore<R>(List<NamedConnection<R>> connections, String nameLabel, Definitions<R> definitions,
    Optional<MultiTarget<R>> multiTarget) {

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
    if (!MetricNames.isValidLabelName(nameLabel)) {
      throw new IllegalArgumentException("'" + nameLabel + "' is not a valid label name");
    }
    var names = new HashSet<String>();
    for (NamedConnection<R> c : connections) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("two connections are named '" + c.name() + "'");
      }
      if (connections.size() > 1 && c.labels().containsKey(nameLabel)) {
        throw new IllegalArgumentException("connection " + c.name() + ": its label '" + nameLabel + "' would hide "
            + "the connection's name");
      }
    }
  }

  /** One connection, named {@link NamedConnection#DEFAULT}, with no label of its own. */
  public static <R> Datastore<R> of(ResolvedConnection<R> connection) {
    return new Datastore<>(List.of(new NamedConnection<>(NamedConnection.DEFAULT, Map.of(), connection)),
        "database", loaded -> loaded, Optional.empty());
  }

  /** Several connections scraped together, each series labelled with its connection's name. */
  public static <R> Datastore<R> of(List<NamedConnection<R>> connections, String nameLabel) {
    return new Datastore<>(connections, nameLabel, loaded -> loaded, Optional.empty());
  }

  /** The connection of an exporter that scrapes one datastore; the first of several. */
  public ResolvedConnection<R> connection() {
    return connections.get(0).connection();
  }

  /** True when series carry {@link #nameLabel}: more than one connection. */
  public boolean named() {
    return connections.size() > 1;
  }

  public Datastore<R> withDefinitions(Definitions<R> adjust) {
    return new Datastore<>(connections, nameLabel, adjust, multiTarget);
  }

  public Datastore<R> withMultiTarget(MultiTarget<R> target) {
    return new Datastore<>(connections, nameLabel, definitions, Optional.of(target));
  }
}
