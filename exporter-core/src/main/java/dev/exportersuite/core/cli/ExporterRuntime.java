package dev.exportersuite.core.cli;

import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ScrapeEngine;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.snapshots.ExporterCollector;
import dev.exportersuite.core.snapshots.Redactor;
import dev.exportersuite.core.snapshots.SelfMetricsSpec;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a running exporter is made of, for module routes such as {@code /probe}. */
public final class ExporterRuntime {
  private final String namespace;
  private final EngineSettings settings;
  private final Labels constLabels;
  private final ExporterCollector main;
  private final SelfMetricsSpec selfMetrics;
  private final PrometheusRegistry registry;
  private final List<Runnable> reloadListeners = new CopyOnWriteArrayList<>();

  ExporterRuntime(String namespace, EngineSettings settings, Labels constLabels, ExporterCollector main,
      SelfMetricsSpec selfMetrics, PrometheusRegistry registry) {
    this.namespace = namespace;
    this.settings = settings;
    this.constLabels = constLabels;
    this.main = main;
    this.selfMetrics = selfMetrics;
    this.registry = registry;
  }

  /** A collector for another target (multi-target endpoints): same definitions and settings, its own engine. */
  public ExporterCollector collectorFor(RequestExecutor executor) {
    return collectorFor(executor, Labels.EMPTY);
  }

  /**
   * As {@link #collectorFor(RequestExecutor)}, with labels of this target (e.g. {@code database="db2"} when one
   * exporter scrapes several databases) added to the constant labels: on every family from rows, and on the
   * self-metrics if the module's spec asks for constant labels there.
   *
   * @throws IllegalArgumentException when a target label has the name of a constant label
   */
  public ExporterCollector collectorFor(RequestExecutor executor, Labels targetLabels) {
    Labels labels = constLabels.merge(targetLabels); // before the engine, so a clash leaves no threads behind
    return new ExporterCollector(namespace, new ScrapeEngine(executor, definitions(), settings), labels,
        new Redactor(executor.secrets()), selfMetrics);
  }

  /** Adds a module's own metric to {@code /metrics}. */
  public void register(Collector collector) {
    registry.register(collector);
  }

  public String namespace() {
    return namespace;
  }

  /** The definitions in force now: after a reload, the new ones. */
  public List<MetricDefinition> definitions() {
    return main.engine().definitions();
  }

  public EngineSettings settings() {
    return settings;
  }

  public Labels constLabels() {
    return constLabels;
  }

  public ExporterCollector main() {
    return main;
  }

  /** Runs after every successful reload, e.g. to close multi-target engines so they pick up the new files. */
  public void onReload(Runnable listener) {
    reloadListeners.add(listener);
  }

  void reloaded() {
    reloadListeners.forEach(Runnable::run);
  }
}
