package dev.exportersuite.core.collect;

import dev.exportersuite.core.config.MetricNames;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One of the datastores an exporter scrapes at once (Oracle's exporter scrapes several databases, each named in
 * its config file): the name goes into a label on every series, the labels are this connection's own.
 *
 * @param name the name users know it by ({@code db1}); a definition's {@code databases:} list names it
 * @param labels constant labels of this connection only
 * @param limits this connection's own query timeout and concurrency, where they differ from the exporter's
 */
public record NamedConnection<R>(String name, Map<String, String> labels, ResolvedConnection<R> connection,
    ConnectionLimits limits) {

  /** The name of the only connection of an exporter that scrapes one datastore, as Oracle's exporter names it. */
  public static final String DEFAULT = "default";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  public NamedConnection {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a connection name is 1 to 64 letters, digits, '_', '.', ':' or '-'");
    }
    labels = Map.copyOf(labels);
    for (String label : labels.keySet()) {
      if (!MetricNames.isValidLabelName(label)) {
        throw new IllegalArgumentException("'" + label + "' is not a valid label name (connection " + name + ")");
      }
    }
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(limits, "limits");
  }

  /** A connection under the exporter's limits. */
  public NamedConnection(String name, Map<String, String> labels, ResolvedConnection<R> connection) {
    this(name, labels, connection, ConnectionLimits.NONE);
  }
}
