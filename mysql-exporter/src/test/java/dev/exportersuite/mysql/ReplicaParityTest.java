package dev.exportersuite.mysql;

import dev.exportersuite.core.testing.ExporterJvm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Parity when the server is a replica: the slave_status family, on a scratch MariaDB replica. */
class ReplicaParityTest {

  @Test
  void replicaStatusFamiliesMatchThePeers() throws Exception {
    assertThat(PeerExporter.installed()).as("prometheus-mysqld-exporter is installed (scripts/services.sh)").isTrue();
    Assumptions.assumeTrue(ScratchReplica.available(), "mariadb-install-db/mariadbd are not installed");
    try (ScratchReplica replica = ScratchReplica.start()) {
      Exposition peer;
      Exposition ours;
      try (PeerExporter p = PeerExporter.start("root@tcp(" + replica.address() + ")/");
          ExporterJvm o = ExporterProcess.serve(Map.of(), "--mysqld.address=" + replica.address(),
              "--mysqld.username=root")) {
        peer = Exposition.parse(p.scrape());
        ours = o.scrape();
      }
      assertThat(peer.types().keySet()).as("the scratch server is a replica").filteredOn(
          n -> n.startsWith("mysql_slave_status_")).hasSizeGreaterThan(10);
      assertThat(ParityTest.differences(peer, ours)).isEmpty();
      Map<String, String> labels = Map.of("master_host", "127.0.0.1", "master_uuid", "", "channel_name", "",
          "connection_name", "");
      // Text states become numbers as the peer makes them: Yes -> 1, Connecting -> 0.
      assertThat(ours.value("mysql_slave_status_slave_sql_running", flat(labels))).contains(1.0);
      assertThat(ours.value("mysql_slave_status_slave_io_running", flat(labels))).contains(0.0);
      assertThat(ours.value("mysql_slave_status_master_port", flat(labels)))
          .isEqualTo(peer.value("mysql_slave_status_master_port", flat(labels)));
    }
  }

  private static String[] flat(Map<String, String> labels) {
    return labels.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
        .toArray(String[]::new);
  }
}
