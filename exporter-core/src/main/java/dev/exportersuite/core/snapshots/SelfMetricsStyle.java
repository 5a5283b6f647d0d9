package dev.exportersuite.core.snapshots;

import java.util.Optional;

/**
 * Where the Go peers differ in their own metrics, so that each module's match its peer's: redis_exporter labels
 * {@code redis_exporter_last_scrape_error} with the error text in {@code err}, mysqld_exporter has no label.
 *
 * @param lastErrorLabel the label that carries the last error's text, if the peer has one
 */
public record SelfMetricsStyle(Optional<String> lastErrorLabel) {

  /** mysqld_exporter's and oracledb_exporter's form. */
  public static final SelfMetricsStyle PLAIN = new SelfMetricsStyle(Optional.empty());

  public static SelfMetricsStyle errorLabel(String label) {
    return new SelfMetricsStyle(Optional.of(label));
  }
}
