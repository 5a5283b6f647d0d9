package dev.exportersuite.kafka;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ResolvedConnection;
import dev.exportersuite.core.config.Durations;
import org.apache.kafka.clients.CommonClientConfigs;
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
 * @param tls TLS to the brokers, when {@code --tls.enabled}
 */
record KafkaTarget(List<String> servers, String clientId, KafkaSettings settings, Optional<SaslLogin> sasl,
    Optional<BrokerTls> tls) implements ResolvedConnection<KafkaRequest> {

  KafkaTarget {
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("name at least one Kafka server");
    }
  }

  KafkaTarget(List<String> servers, String clientId, KafkaSettings settings) {
    this(servers, clientId, settings, Optional.empty(), Optional.empty());
  }

  /** What every client of this target (the Admin client, the lag-in-seconds consumer) is configured with. */
  Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>(AdminClient.defaults(String.join(",", servers), clientId));
    config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol());
    sasl.ifPresent(s -> config.putAll(s.clientConfig()));
    tls.ifPresent(t -> config.putAll(t.clientConfig()));
    return Map.copyOf(config);
  }

  /** As kafka_exporter chooses it from --tls.enabled and --sasl.enabled. */
  String protocol() {
    return (sasl.isPresent() ? "SASL_" : "") + (tls.isPresent() ? "SSL" : "PLAINTEXT");
  }

  /** Passwords that must not appear in any error text. */
  List<String> secrets() {
    return sasl.map(SaslLogin::secrets).orElse(List.of());
  }

  @Override
  public String describe() {
    return "kafka " + String.join(",", servers) + (sasl.isPresent() || tls.isPresent() ? " over " + protocol() : "")
        + sasl.map(s -> " " + s.describe()).orElse("") + tls.map(t -> " (" + t.describe() + ")").orElse("")
        + " (metadata kept " + Durations.format(settings.refreshMetadata())
        + ", offsets of " + (settings.offsetShowAll() ? "every group" : "assigned partitions only") + ")";
  }

  @Override
  public RequestExecutor<KafkaRequest> open() {
    return new KafkaExecutor(this);
  }
}
