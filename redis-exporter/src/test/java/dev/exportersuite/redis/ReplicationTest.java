package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.Exposition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Replication figures on a private master and replica (the shared server is never made a master of anything),
 * side by side with prometheus-redis-exporter: the same replication families and series on both roles.
 */
class ReplicationTest {

  private static final String PASSWORD = "repl-Xy7-secret";

  @Test
  void masterAndReplicaFamiliesMatchRedisExporter() throws Exception {
    try (SecondRedis master = new SecondRedis(PASSWORD);
         SecondRedis replica = new SecondRedis(PASSWORD, List.of("--replicaof", "127.0.0.1",
             Integer.toString(master.port), "--masterauth", PASSWORD))) {
      awaitLink(replica);
      for (SecondRedis server : List.of(master, replica)) {
        String[] flags = {"--redis.addr=" + server.addr(), "--redis.password=" + PASSWORD};
        Exposition peer;
        Exposition ours;
        try (ExporterProcess p = ExporterProcess.peer(flags);
             ExporterProcess o = ExporterProcess.ours(Map.of(), flags)) {
          peer = Exposition.parse(p.metrics());
          ours = Exposition.parse(o.metrics());
        }
        List<String> problems = new ArrayList<>();
        for (String family : peer.types().keySet()) {
          if (!(family.startsWith("redis_connected_slave") || family.startsWith("redis_master_")
              || family.startsWith("redis_slave_") || family.startsWith("redis_repl"))) {
            continue;
          }
          if (!peer.type(family).equals(ours.type(family))) {
            problems.add(family + ": peer " + peer.type(family) + ", ours " + ours.type(family));
          } else if (!series(peer, family).equals(series(ours, family))) {
            problems.add(family + ": peer " + series(peer, family) + ", ours " + series(ours, family));
          }
        }
        assertThat(problems).as(server == master ? "master" : "replica").isEmpty();
      }
    }
  }

  private static void awaitLink(SecondRedis replica) throws Exception {
    try (TestRedis r = new TestRedis(io.lettuce.core.RedisURI.builder().withHost("127.0.0.1").withPort(replica.port)
        .withPassword(PASSWORD.toCharArray()).build())) {
      long until = System.nanoTime() + 20_000_000_000L;
      while (System.nanoTime() < until) {
        if (r.sync().info("replication").contains("master_link_status:up")) {
          return;
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("the replica did not link: " + r.sync().info("replication"));
    }
  }

  private static Set<Map<String, String>> series(Exposition e, String family) {
    Set<Map<String, String>> out = new java.util.HashSet<>();
    e.samples(family).forEach(s -> out.add(new TreeMap<>(s.labels())));
    return out;
  }
}
