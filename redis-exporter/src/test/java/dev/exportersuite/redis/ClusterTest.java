package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import dev.exportersuite.core.testing.FreePort;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * --is-cluster on a private three-master Redis Cluster (redis-server --cluster-enabled on free ports), next to
 * redis_exporter 1.45: keys on every master are read where they live, all labelled db0, and the keyspace of a
 * cluster node is db0 only.
 */
class ClusterTest {

  @Test
  void keyChecksReadEveryMasterAndACusterNodeHasOneDatabase() throws Exception {
    try (LocalCluster cluster = new LocalCluster(3)) {
      RedisClusterClient client = RedisClusterClient.create(RedisURI.create("redis://127.0.0.1:" + cluster.ports.get(0)));
      List<String> keys = new ArrayList<>();
      Set<Integer> owners = new HashSet<>();
      try (StatefulRedisClusterConnection<String, String> c = client.connect()) {
        for (int i = 0; keys.size() < 6; i++) {
          String key = "rxc:" + i;
          int slot = SlotHash.getSlot(key);
          if (owners.add(slot * 3 / SlotHash.SLOT_COUNT) || keys.size() >= 3) {
            c.sync().set(key, Integer.toString(i));
            keys.add(key);
          }
        }
      } finally {
        client.shutdown();
      }
      String addr = "-redis.addr=redis://127.0.0.1:" + cluster.ports.get(0);
      String single = "-check-single-keys=" + String.join(",", keys.subList(0, 3));
      Exposition peer;
      Exposition ours;
      Exposition oursPattern;
      try (ExporterProcess p = ExporterProcess.peer(addr, "-is-cluster", single);
           ExporterProcess o = ExporterProcess.ours(Map.of(), addr, "-is-cluster", single);
           ExporterProcess o2 = ExporterProcess.ours(Map.of(), addr, "-is-cluster", "-check-keys=rxc:*")) {
        peer = Exposition.parse(p.metrics());
        ours = Exposition.parse(o.metrics());
        oursPattern = Exposition.parse(o2.metrics());
      }
      assertThat(owners).hasSize(3);
      assertThat(peer.samples("redis_key_size")).hasSize(3);
      for (Exposition.Sample s : peer.samples("redis_key_size")) {
        assertThat(s.labels().get("db")).isEqualTo("db0");
        assertThat(ours.value("redis_key_size", "db", "db0", "key", s.labels().get("key")))
            .as("%s", ours.samples("redis_exporter_last_scrape_error")).contains(s.value());
      }
      assertThat(ours.samples("redis_key_size")).hasSize(3);
      for (Exposition.Sample s : peer.samples("redis_key_value")) {
        assertThat(ours.value("redis_key_value", "db", "db0", "key", s.labels().get("key"))).contains(s.value());
      }
      // A pattern is walked on every master: all six keys, wherever they live.
      assertThat(oursPattern.samples("redis_key_size")).hasSize(6);
      assertThat(oursPattern.value("redis_exporter_last_scrape_error", "err", "")).contains(0.0);
      assertThat(peer.samples("redis_db_keys")).extracting(s -> s.labels().get("db")).containsExactly("db0");
      assertThat(ours.samples("redis_db_keys")).extracting(s -> s.labels().get("db")).containsExactly("db0");
    }
  }

  /** Masters on free ports, slots split evenly, started and stopped by their own handles. */
  static final class LocalCluster implements AutoCloseable {
    final List<Integer> ports = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final Path dir;

    LocalCluster(int masters) throws Exception {
      dir = Files.createTempDirectory("rx-cluster");
      try {
        for (int i = 0; i < masters; i++) {
          int port = FreePort.pick();
          int bus = FreePort.pick();
          Path node = Files.createDirectory(dir.resolve("n" + i));
          processes.add(new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
              "--cluster-enabled", "yes", "--cluster-port", Integer.toString(bus), "--cluster-config-file",
              node.resolve("nodes.conf").toString(), "--dir", node.toString(), "--save", "", "--appendonly", "no")
              .redirectErrorStream(true).redirectOutput(node.resolve("log").toFile()).start());
          ports.add(port);
        }
        for (int port : ports) {
          awaitListening(port);
        }
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        ports.forEach(p -> create.add("127.0.0.1:" + p));
        create.add("--cluster-yes");
        Process p = new ProcessBuilder(create).redirectErrorStream(true)
            .redirectOutput(dir.resolve("create.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
          p.destroyForcibly();
          throw new IllegalStateException("redis-cli --cluster create failed: "
              + Files.readString(dir.resolve("create.log")));
        }
        awaitClusterOk();
      } catch (Exception e) {
        close();
        throw e;
      }
    }

    private static void awaitListening(int port) throws Exception {
      long until = System.nanoTime() + 10_000_000_000L;
      while (System.nanoTime() < until) {
        try (Socket s = new Socket("127.0.0.1", port)) {
          return;
        } catch (java.io.IOException e) {
          Thread.sleep(50);
        }
      }
      throw new IllegalStateException("redis-server on " + port + " did not start");
    }

    private void awaitClusterOk() throws Exception {
      long until = System.nanoTime() + 20_000_000_000L;
      while (System.nanoTime() < until) {
        boolean ok = true;
        for (int port : ports) {
          Process p = new ProcessBuilder("redis-cli", "-p", Integer.toString(port), "CLUSTER", "INFO")
              .redirectErrorStream(true).start();
          String out = new String(p.getInputStream().readAllBytes());
          p.waitFor(5, TimeUnit.SECONDS);
          ok &= out.contains("cluster_state:ok");
        }
        if (ok) {
          return;
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("the cluster did not reach cluster_state:ok");
    }

    @Override
    public void close() throws Exception {
      for (Process p : processes) {
        p.destroy();
      }
      for (Process p : processes) {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
