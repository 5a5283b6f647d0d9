package dev.exportersuite.kafka;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a scrape had to leave out (the offsets of partitions without a leader, the groups of a coordinator that
 * did not answer) although it answered: said in the log once, again when the reason changes, and when it is gone,
 * so that a broker down for an hour is not a log line per scrape.
 */
final class Notes {

  private static final Logger LOG = LoggerFactory.getLogger(Notes.class);

  private final Map<String, String> current = new HashMap<>();

  synchronized void report(String topic, String problem) {
    if (!problem.equals(current.put(topic, problem))) {
      LOG.warn("{}", problem);
    }
  }

  synchronized void clear(String topic) {
    String was = current.remove(topic);
    if (was != null) {
      LOG.info("{}: complete again", topic);
    }
  }

  /** The exception's type and message, as the log and errors show a Kafka client failure. */
  static String describe(Throwable e) {
    if (e == null) {
      return "unknown failure";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.strip());
  }
}
