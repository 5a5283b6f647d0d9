package dev.exportersuite.kafka;

import dev.exportersuite.core.collect.Row;
import java.util.List;

/** {@code cluster} and {@code brokers}: read from the liveness check's DescribeCluster, no round trip of their own. */
final class ClusterRows {

  private ClusterRows() {}

  /** One row: {@code cluster_id}, {@code controller}, {@code brokers} (the count). */
  static List<Row> cluster(Lookups lookups, Deadline d) throws Exception {
    ClusterFacts c = lookups.cluster(d);
    return List.of(Row.of("cluster_id", c.clusterId(), "controller", c.controller().orElse(null),
        "brokers", c.brokers().size()));
  }

  /** A row per broker: {@code id}, {@code address}, {@code host}, {@code port}, {@code rack}, {@code controller}. */
  static List<Row> brokers(Lookups lookups, Deadline d) throws Exception {
    ClusterFacts c = lookups.cluster(d);
    return c.brokers().stream().map(b -> Row.of("id", b.id(), "address", b.address(), "host", b.host(),
        "port", b.port(), "rack", b.rack().orElse(null),
        "controller", c.controller().map(id -> id == b.id() ? 1 : 0).orElse(0))).toList();
  }
}
