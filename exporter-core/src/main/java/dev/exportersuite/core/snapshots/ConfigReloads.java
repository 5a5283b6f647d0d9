package dev.exportersuite.core.snapshots;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the last reload of the metrics files took, as Prometheus itself says it of its own config:
 * {@code <ns>_exporter_config_last_reload_successful} and
 * {@code <ns>_exporter_config_last_reload_success_timestamp_seconds}, so that a refused reload can be alerted on
 * (the exporter keeps serving the last good config, which is otherwise invisible).
 */
public final class ConfigReloads implements MultiCollector {

  static final String SUCCESSFUL = "exporter_config_last_reload_successful";
  static final String SUCCESS_TIMESTAMP = "exporter_config_last_reload_success_timestamp_seconds";

  /** The outcome of the last load; {@code refused} and {@code problems} belong to the last refusal, if any. */
  public record State(boolean successful, Instant lastSuccess, Optional<Instant> refused, int problems) {

    /** One line for the landing page. */
    public String describe() {
      String loaded = "loaded " + time(lastSuccess);
      return successful ? loaded : "last reload REFUSED at " + time(refused.orElseThrow()) + " (" + problems
          + " problem" + (problems == 1 ? "" : "s") + ", see the log); the config " + loaded + " stays";
    }

    private static String time(Instant i) {
      return DateTimeFormatter.ISO_INSTANT.format(i.truncatedTo(ChronoUnit.SECONDS));
    }
  }

  private final String successful;
  private final String successTimestamp;
  private final Labels labels;
  private volatile State state;

  /** Starts as a successful load at {@code loadedAt}: the exporter does not start with a broken config. */
  public ConfigReloads(String namespace, Labels labels, Instant loadedAt) {
    this.successful = namespace + "_" + SUCCESSFUL;
    this.successTimestamp = namespace + "_" + SUCCESS_TIMESTAMP;
    this.labels = labels;
    this.state = new State(true, loadedAt, Optional.empty(), 0);
  }

  /** The exposed names, which a user's metric may not take. */
  public static Set<String> exposedNames(String namespace) {
    return Set.of(namespace + "_" + SUCCESSFUL, namespace + "_" + SUCCESS_TIMESTAMP);
  }

  public void succeeded(Instant at) {
    state = new State(true, at, Optional.empty(), 0);
  }

  public void refused(Instant at, int problems) {
    state = new State(false, state.lastSuccess(), Optional.of(at), problems);
  }

  public State state() {
    return state;
  }

  @Override
  public MetricSnapshots collect() {
    State s = state;
    return MetricSnapshots.of(
        gauge(successful, "Whether the last reload of the metrics files succeeded (1) or was refused (0).",
            s.successful() ? 1 : 0),
        gauge(successTimestamp, "Timestamp of the last successful load of the metrics files.",
            s.lastSuccess().toEpochMilli() / 1000.0));
  }

  private GaugeSnapshot gauge(String name, String help, double value) {
    return GaugeSnapshot.builder().name(name).help(help)
        .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build()).build();
  }
}
