package dev.exportersuite.kafka;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ResolvedConnection;
import dev.exportersuite.core.config.Durations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster to scrape, resolved from flags and config, not yet contacted.
 *
 * @param servers bootstrap addresses, {@code host:port}
 * @param clientId the client id brokers see (kafka_exporter's {@code kafka_exporter})
 * @param sasl the SASL login, when {@code --sasl.enabled}
 */
record KafkaTarget(List<String> servers, String clientId, KafkaSettings settings, Optional<SaslLogin> sasl)
    implements ResolvedConnection<KafkaRequest> {

  KafkaTarget {
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("name at least one Kafka server");
    }
  }

  KafkaTarget(List<String> servers, String clientId, KafkaSettings settings) {
    this(servers, clientId, settings, Optional.empty());
  }

  /** What every client of this target (the Admin client, the lag-in-seconds consumer) is configured with. */
  Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>(AdminClient.defaults(String.join(",", servers), clientId));
    sasl.ifPresent(s -> config.putAll(s.clientConfig()));
    return Map.copyOf(config);
  }

  /** Passwords that must not appear in any error text. */
  List<String> secrets() {
    return sasl.map(SaslLogin::secrets).orElse(List.of());
  }

  @Override
  public String describe() {
    return "kafka " + String.join(",", servers) + sasl.map(s -> " over " + s.describe()).orElse("")
        + " (metadata kept " + Durations.format(settings.refreshMetadata())
        + ", offsets of " + (settings.offsetShowAll() ? "every group" : "assigned partitions only") + ")";
  }

  @Override
  public RequestExecutor<KafkaRequest> open() {
    return new KafkaExecutor(this);
  }
}
