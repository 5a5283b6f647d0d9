package dev.exportersuite.kafka;

import com.yammer.metrics.core.Meter;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;

/**
 * Requests the in-process brokers received, by API name, from the brokers' own request meters: what a scrape
 * really costs the cluster, counted on the server side.
 */
final class BrokerRequests {

  private BrokerRequests() {}

  static Map<String, Long> count() {
    Map<String, Long> out = new TreeMap<>();
    KafkaYammerMetrics.defaultRegistry().allMetrics().forEach((name, metric) -> {
      if ("RequestMetrics".equals(name.getType()) && "RequestsPerSec".equals(name.getName())
          && metric instanceof Meter m) {
        out.merge(tag(name.getMBeanName(), "request"), m.count(), Long::sum);
      }
    });
    return out;
  }

  /** Requests per API between two counts. */
  static Map<String, Long> since(Map<String, Long> before) {
    Map<String, Long> out = new TreeMap<>();
    count().forEach((api, n) -> {
      long d = n - before.getOrDefault(api, 0L);
      if (d != 0) {
        out.put(api, d);
      }
    });
    return out;
  }

  private static String tag(String mbean, String key) {
    for (String part : mbean.substring(mbean.indexOf(':') + 1).split(",")) {
      if (part.startsWith(key + "=")) {
        return part.substring(key.length() + 1);
      }
    }
    return "?";
  }
}
