package dev.exportersuite.core.snapshots;

import dev.exportersuite.core.config.MetricNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of the exporter's own metrics a module exposes, under what names and labels, so that each module's
 * match its Go peer's. Built with {@link #builder()}; the constructor refuses an inconsistent spec, naming every
 * problem at once.
 *
 * <pre>{@code
 * // mysqld_exporter: all of them, default names
 * SelfMetricsSpec.standard();
 * // redis_exporter: the same, with the last error's text in an err label
 * SelfMetricsSpec.builder().all().errorLabel("err").build();
 * // oracledb_exporter: five of them; with several databases, database="<name>" on every series
 * SelfMetricsSpec.builder().add(UP).add(LAST_SCRAPE_DURATION_SECONDS).add(LAST_SCRAPE_ERROR)
 *     .add(SCRAPES_TOTAL).add(SCRAPE_ERRORS_TOTAL).constLabels(true).build();
 * }</pre>
 *
 * @param metrics the declared metrics; exposed in {@link SelfMetric} order
 * @param collectorLabel the label that names the collector on per-collector series ({@code collector})
 * @param errorLabel a label on {@link SelfMetric#LAST_SCRAPE_ERROR} carrying the last error's text (redis_exporter's
 *     {@code err}), empty for none
 * @param constLabels true: self-metrics carry the exporter's constant labels (the config's {@code labels:} and any
 *     per-target label a module adds) as the datastore's metrics always do; false: they carry none, as in the
 *     Go peers with one target
 */
public record SelfMetricsSpec(
    Map<SelfMetric, Entry> metrics, String collectorLabel, Optional<String> errorLabel, boolean constLabels) {

  public static final String DEFAULT_COLLECTOR_LABEL = "collector";

  /**
   * How one self-metric is exposed.
   *
   * @param name the exposed name ({@code _total} included for counters)
   * @param absolute false: {@code name} follows the namespace ({@code up} -> {@code mysql_up}); true: used as is
   */
  public record Entry(String name, boolean absolute, String help) {

    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(help, "help");
    }

    public String resolve(String namespace) {
      return absolute ? name : MetricNames.join(namespace, name);
    }
  }

  public SelfMetricsSpec {
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(collectorLabel, "collectorLabel");
    Objects.requireNonNull(errorLabel, "errorLabel");
    List<String> problems = problems(metrics, collectorLabel, errorLabel);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid self-metrics: " + String.join("; ", problems));
    }
    metrics = Collections.unmodifiableMap(metrics.isEmpty() ? new EnumMap<>(SelfMetric.class) : new EnumMap<>(metrics));
  }

  /** Every self-metric with its default name and help, no error label: mysqld_exporter's set and the default. */
  public static SelfMetricsSpec standard() {
    return builder().all().build();
  }

  /** Starts with no metric declared, the {@code collector} label, no error label and no constant labels. */
  public static Builder builder() {
    return new Builder();
  }

  public boolean has(SelfMetric metric) {
    return metrics.containsKey(metric);
  }

  private static List<String> problems(Map<SelfMetric, Entry> metrics, String collectorLabel,
      Optional<String> errorLabel) {
    List<String> problems = new ArrayList<>();
    Map<String, SelfMetric> seen = new LinkedHashMap<>();
    metrics.forEach((metric, entry) -> {
      String name = entry.name();
      if (!MetricNames.isValidMetricName(name)) {
        problems.add(metric + ": '" + name + "' is not a valid metric name");
      }
      // The text formats always add _total to a counter: declaring it keeps the spec what is exposed.
      if (metric.kind() == SelfMetric.Kind.COUNTER && !name.endsWith("_total")) {
        problems.add(metric + ": counter name '" + name + "' must end in _total");
      }
      SelfMetric other = seen.putIfAbsent((entry.absolute() ? "/" : "") + name, metric);
      if (other != null) {
        problems.add(other + " and " + metric + " have the same name '" + name + "'");
      }
    });
    if (!MetricNames.isValidLabelName(collectorLabel)) {
      problems.add("collector label '" + collectorLabel + "' is not a valid label name");
    }
    errorLabel.ifPresent(label -> {
      if (!MetricNames.isValidLabelName(label)) {
        problems.add("error label '" + label + "' is not a valid label name");
      }
      if (!metrics.containsKey(SelfMetric.LAST_SCRAPE_ERROR)) {
        problems.add("error label '" + label + "' needs LAST_SCRAPE_ERROR, which is not declared");
      }
    });
    return problems;
  }

  /** Collects declarations; {@link #build()} checks them all at once. */
  public static final class Builder {

    private final Map<SelfMetric, Entry> metrics = new EnumMap<>(SelfMetric.class);
    private final List<String> problems = new ArrayList<>();
    private String collectorLabel = DEFAULT_COLLECTOR_LABEL;
    private Optional<String> errorLabel = Optional.empty();
    private boolean constLabels;

    private Builder() {}

    /** Declares every self-metric with its default name and help, except the ping time (a peer's option). */
    public Builder all() {
      for (SelfMetric m : SelfMetric.values()) {
        if (m != SelfMetric.LAST_SCRAPE_PING_TIME_SECONDS) {
          add(m);
        }
      }
      return this;
    }

    /** Declares {@code metric} with its default name and help; replaces an earlier declaration of it. */
    public Builder add(SelfMetric metric) {
      return add(metric, metric.defaultName());
    }

    /** Declares {@code metric} under {@code name}, relative to the namespace ({@code up} -> {@code oracledb_up}). */
    public Builder add(SelfMetric metric, String name) {
      metrics.put(Objects.requireNonNull(metric, "metric"), new Entry(name, false, metric.defaultHelp()));
      return this;
    }

    /** Declares {@code metric} under {@code name} whatever the namespace ({@code --namespace} does not move it). */
    public Builder addAbsolute(SelfMetric metric, String name) {
      metrics.put(Objects.requireNonNull(metric, "metric"), new Entry(name, true, metric.defaultHelp()));
      return this;
    }

    /** Replaces the help text of a metric declared before, e.g. with the peer's wording. */
    public Builder help(SelfMetric metric, String help) {
      Entry e = metrics.get(metric);
      if (e == null) {
        problems.add("help for " + metric + ", which is not declared (add it first)");
      } else {
        metrics.put(metric, new Entry(e.name(), e.absolute(), help));
      }
      return this;
    }

    public Builder collectorLabel(String label) {
      collectorLabel = label;
      return this;
    }

    public Builder errorLabel(String label) {
      errorLabel = Optional.of(label);
      return this;
    }

    /** See {@link SelfMetricsSpec#constLabels()}. */
    public Builder constLabels(boolean carry) {
      constLabels = carry;
      return this;
    }

    /** @throws IllegalArgumentException naming every problem of the declarations */
    public SelfMetricsSpec build() {
      if (!problems.isEmpty()) {
        List<String> all = new ArrayList<>(problems);
        all.addAll(SelfMetricsSpec.problems(metrics, collectorLabel, errorLabel));
        throw new IllegalArgumentException("invalid self-metrics: " + String.join("; ", all));
      }
      return new SelfMetricsSpec(metrics, collectorLabel, errorLabel, constLabels);
    }
  }
}
