package dev.exportersuite.kafka;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ResolvedConnection;
import dev.exportersuite.core.config.Durations;
import java.util.List;
import java.util.Map;

/**
 * The cluster to scrape, resolved from flags and config, not yet contacted.
 *
 * @param servers bootstrap addresses, {@code host:port}
 * @param clientId the client id brokers see (kafka_exporter's {@code kafka_exporter})
 */
record KafkaTarget(List<String> servers, String clientId, KafkaSettings settings)
    implements ResolvedConnection<KafkaRequest> {

  KafkaTarget {
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("name at least one Kafka server");
    }
  }

  Map<String, Object> clientConfig() {
    return AdminClient.defaults(String.join(",", servers), clientId);
  }

  @Override
  public String describe() {
    return "kafka " + String.join(",", servers) + " (metadata kept " + Durations.format(settings.refreshMetadata())
        + ", offsets of " + (settings.offsetShowAll() ? "every group" : "assigned partitions only") + ")";
  }

  @Override
  public RequestExecutor<KafkaRequest> open() {
    return new KafkaExecutor(this);
  }
}
