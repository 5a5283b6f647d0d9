package dev.exportersuite.core.snapshots;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a collector's error once, not at every scrape: again only when the message changes, and once more when
 * the collector recovers. Every occurrence is still counted ({@link CollectorHealth}).
 */
final class ErrorLog {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorLog.class);

  private final Map<String, String> current = new ConcurrentHashMap<>();

  void failed(String collector, String message) {
    String previous = current.put(collector, message);
    if (!message.equals(previous)) {
      LOG.warn("collector '{}' failed: {} (logged again only if the error changes)", collector, message);
    } else {
      LOG.debug("collector '{}' still failing: {}", collector, message);
    }
  }

  void succeeded(String collector) {
    if (current.remove(collector) != null) {
      LOG.info("collector '{}' recovered", collector);
    }
  }
}
