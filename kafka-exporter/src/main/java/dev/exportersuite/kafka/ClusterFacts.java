package dev.exportersuite.kafka;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

/**
 * One DescribeCluster answer: the liveness check behind {@code kafka_up}, and what {@code cluster} and
 * {@code brokers} report in the same collection without another round trip.
 *
 * @param clusterId the cluster's id
 * @param controller the broker the cluster names as controller (in KRaft mode, a broker that forwards to the
 *     controller quorum), if any
 * @param brokers by id
 */
record ClusterFacts(String clusterId, Optional<Integer> controller, List<Broker> brokers) {

  /** A broker as the cluster advertises it. */
  record Broker(int id, String host, int port, Optional<String> rack) {

    /** {@code host:port}, as kafka_exporter's address label shows it. */
    String address() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }

  ClusterFacts {
    brokers = brokers.stream().sorted(Comparator.comparingInt(Broker::id)).toList();
  }

  static ClusterFacts describe(Admin admin, Deadline deadline) throws Exception {
    DescribeClusterResult r = admin.describeCluster(new DescribeClusterOptions().timeoutMs(deadline.timeoutMs()));
    List<Broker> brokers = deadline.await(r.nodes()).stream()
        .map(n -> new Broker(n.id(), n.host(), n.port(), Optional.ofNullable(n.rack()))).toList();
    Node controller = deadline.await(r.controller());
    String id = deadline.await(r.clusterId());
    return new ClusterFacts(id == null ? "" : id,
        controller == null || controller.isEmpty() ? Optional.empty() : Optional.of(controller.id()), brokers);
  }
}
