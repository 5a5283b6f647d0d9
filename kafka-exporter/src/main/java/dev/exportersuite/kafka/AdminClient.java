package dev.exportersuite.kafka;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/**
 * The one Admin client of a target, made at first use: making it fails when no bootstrap address resolves, and
 * that must show as {@code kafka_up 0} and heal by itself, not stop the exporter. The client is thread-safe and
 * reconnects on its own.
 */
final class AdminClient implements AutoCloseable {

  private final Map<String, Object> config;
  private Admin admin;
  private boolean closed;

  AdminClient(KafkaTarget target) {
    this.config = target.clientConfig();
  }

  synchronized Admin get() {
    if (closed) {
      throw new IllegalStateException("the exporter is shutting down");
    }
    if (admin == null) {
      Properties p = new Properties();
      p.putAll(config);
      try {
        admin = Admin.create(p);
      } catch (KafkaException e) {
        // "Failed to create new KafkaAdminClient" hides the reason, e.g. no bootstrap address resolves.
        Throwable root = e;
        while (root.getCause() != null) {
          root = root.getCause();
        }
        throw new IllegalStateException("cannot make a Kafka client for " + config.get(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + root.getMessage(), e);
      }
    }
    return admin;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (admin != null) {
      admin.close(java.time.Duration.ofSeconds(2));
      admin = null;
    }
  }

  /** The Admin client settings every target uses, besides its servers. */
  static Map<String, Object> defaults(String servers, String clientId) {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        AdminClientConfig.CLIENT_ID_CONFIG, clientId,
        // Each call carries the time left to its request's deadline; this is only the ceiling of one attempt.
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
        // A restarted broker is found again within a second.
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
  }
}
