package dev.exportersuite.redis;

import dev.exportersuite.core.collect.Row;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code @keys ... cluster=true}, redis_exporter's {@code --is-cluster}: the cluster's masters are found from the
 * configured node ({@code CLUSTER SLOTS}, through lettuce's cluster client, with the same credentials and TLS),
 * each pattern is walked with SCAN on every master, and each named key is read on the master that serves its
 * slot. A cluster has only db0, so every key is labelled {@code db0}, as redis_exporter labels it. The limit of
 * keys applies per master.
 */
final class ClusterKeys {

  private ClusterKeys() {}

  /** @param options the exporter's client options (timeouts, TLS files), applied to every node */
  static List<Row> rows(RedisURI seed, ClientOptions options, KeyCheck check, long deadline) throws Exception {
    RedisClusterClient client = RedisClusterClient.create(RedisExecutor.resources(), seed);
    client.setOptions(ClusterClientOptions.builder(options).build());
    try {
      // CLUSTER SLOTS (via the seed) first: the connection routes by the partitions it finds.
      client.refreshPartitionsAsync().toCompletableFuture().get(Math.max(1, deadline - System.nanoTime()),
          TimeUnit.NANOSECONDS);
      StatefulRedisClusterConnection<String, String> cluster = client.connectAsync(StringCodec.UTF8)
          .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      try {
        List<Row> rows = new ArrayList<>();
        for (RedisClusterNode node : cluster.getPartitions()) {
          if (!node.is(RedisClusterNode.NodeFlag.UPSTREAM)) {
            continue;
          }
          List<KeyCheck.DbKey> keys = new ArrayList<>();
          for (KeyCheck.DbKey k : check.keys()) {
            if (node.hasSlot(SlotHash.getSlot(k.name()))) {
              keys.add(new KeyCheck.DbKey(0, k.name()));
            }
          }
          List<KeyCheck.DbKey> patterns = check.patterns().stream().map(p -> new KeyCheck.DbKey(0, p.name()))
              .toList();
          if (keys.isEmpty() && patterns.isEmpty()) {
            continue;
          }
          KeyCheck onNode = new KeyCheck(KeyCheck.Mode.KEYS, patterns, keys, check.batch(), check.limit(), false,
              true, List.of(), check.maxGroups());
          StatefulRedisConnection<String, String> c = cluster.getConnection(node.getNodeId());
          rows.addAll(new KeyScanner(c, deadline, 0).run(onNode, 0));
        }
        return rows;
      } finally {
        cluster.closeAsync();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new java.io.IOException("cluster: " + ConnectFailure.reason(e.getCause()));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new Commands.CommandTimeout("cluster: the nodes did not answer in time");
    } finally {
      client.shutdownAsync(0, 2, TimeUnit.SECONDS);
    }
  }
}
