package dev.exportersuite.core.snapshots;

/**
 * The exporter's own metrics that a module may declare in its {@link SelfMetricsSpec}, each with the name
 * (relative to the namespace) and help text that mysqld_exporter and redis_exporter give it.
 */
public enum SelfMetric {

  /** Gauge: 1 when the datastore answered the liveness check. */
  UP("up", Kind.GAUGE, "Whether the datastore answered the last liveness check."),
  /** Counter: collections, however many scrapes shared each. */
  SCRAPES_TOTAL("exporter_scrapes_total", Kind.COUNTER,
      "Total number of times the datastore was scraped for metrics."),
  /** Counter per collector: collections in which that collector failed. */
  SCRAPE_ERRORS_TOTAL("exporter_scrape_errors_total", Kind.COUNTER,
      "Total number of times an error occurred in a collector."),
  /** Gauge: 1 when the last collection had any error; may carry the error's text in a label. */
  LAST_SCRAPE_ERROR("exporter_last_scrape_error", Kind.GAUGE,
      "Whether the last scrape of metrics resulted in an error (1 for error, 0 for success)."),
  /** Gauge: seconds the last collection took. */
  LAST_SCRAPE_DURATION_SECONDS("exporter_last_scrape_duration_seconds", Kind.GAUGE,
      "Duration of the last scrape of metrics."),
  /** Summary (count and sum only): every collection's duration. */
  SCRAPE_DURATION_SECONDS("exporter_scrape_duration_seconds", Kind.SUMMARY, "Durations of scrapes by the exporter."),
  /** Gauge: seconds the liveness check of the last collection took. */
  LAST_SCRAPE_CONNECT_TIME_SECONDS("exporter_last_scrape_connect_time_seconds", Kind.GAUGE,
      "Duration of the liveness check (connection) of the last scrape."),
  /**
   * Gauge: seconds the liveness check's PING took, only when it answered (redis_exporter's
   * {@code --ping-on-connect}); not part of {@link SelfMetricsSpec.Builder#all()}.
   */
  LAST_SCRAPE_PING_TIME_SECONDS("exporter_last_scrape_ping_time_seconds", Kind.GAUGE,
      "Duration of the PING of the last scrape, when it answered."),
  /** Gauge per collector: seconds that collector's requests took in the last collection. */
  COLLECTOR_DURATION_SECONDS("exporter_collector_duration_seconds", Kind.GAUGE, "Collector time duration.");

  /** How the metric is exposed; it decides the naming rules the spec checks. */
  public enum Kind { GAUGE, COUNTER, SUMMARY }

  private final String defaultName;
  private final Kind kind;
  private final String defaultHelp;

  SelfMetric(String defaultName, Kind kind, String defaultHelp) {
    this.defaultName = defaultName;
    this.kind = kind;
    this.defaultHelp = defaultHelp;
  }

  /** The name relative to the namespace, as exposed ({@code _total} included for counters). */
  public String defaultName() {
    return defaultName;
  }

  public Kind kind() {
    return kind;
  }

  public String defaultHelp() {
    return defaultHelp;
  }

  /** True for the metrics with one series per collector, labelled with the spec's collector label. */
  public boolean perCollector() {
    return this == SCRAPE_ERRORS_TOTAL || this == COLLECTOR_DURATION_SECONDS;
  }
}
