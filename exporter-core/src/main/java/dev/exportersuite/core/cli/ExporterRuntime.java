package dev.exportersuite.core.cli;

import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.collect.MultiTarget;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ResolvedConnection;
import dev.exportersuite.core.collect.ScrapeEngine;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.http.MultiTargetHandler;
import dev.exportersuite.core.snapshots.TargetMetrics;
import dev.exportersuite.core.snapshots.Redactor;
import dev.exportersuite.core.snapshots.SelfMetricsSpec;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;

/**
 * The running exporter's collectors: the main target's, and one per multi-target selection, all made the same
 * way from the definitions in force.
 */
final class ExporterRuntime<R> {
  private final String namespace;
  private final EngineSettings settings;
  private final Labels constLabels;
  private final SelfMetricsSpec selfMetrics;
  private final TargetMetrics main;
  private final ScrapeEngine<R> mainEngine;

  ExporterRuntime(String namespace, EngineSettings settings, Labels constLabels, SelfMetricsSpec selfMetrics,
      RequestExecutor<R> mainExecutor, List<MetricDefinition<R>> definitions) {
    this.namespace = namespace;
    this.settings = settings;
    this.constLabels = constLabels;
    this.selfMetrics = selfMetrics;
    this.mainEngine = new ScrapeEngine<>(mainExecutor, definitions, settings);
    this.main = metrics(mainEngine, constLabels);
  }

  TargetMetrics main() {
    return main;
  }

  /** A reload: the main engine takes the new definitions; multi-target engines are reopened by the caller. */
  void replaceDefinitions(List<MetricDefinition<R>> next) {
    mainEngine.replaceDefinitions(next);
    main.forgetRemovedDefinitions();
  }

  /** The module's multi-target endpoint: each selection gets an engine with the definitions in force. */
  MultiTargetHandler<ResolvedConnection<R>> multiTarget(MultiTarget<R> target) {
    return new MultiTargetHandler<>(target.parameter(), new MultiTargetHandler.TargetOpener<>() {
      @Override
      public ResolvedConnection<R> select(java.util.Map<String, String> params) {
        return target.selector().select(params);
      }

      @Override
      public TargetMetrics open(ResolvedConnection<R> connection) {
        return metricsFor(connection.open(), Labels.EMPTY);
      }
    }, target.maxTargets());
  }

  /**
   * The metrics of another target, with the definitions in force and labels of its own (e.g.
   * {@code database="db2"} when one exporter scrapes several databases) added to the constant labels: on every
   * family from rows, and on the self-metrics if the module's spec asks for constant labels there.
   *
   * @throws IllegalArgumentException when a target label has the name of a constant label
   */
  TargetMetrics metricsFor(RequestExecutor<R> executor, Labels targetLabels) {
    Labels labels = constLabels.merge(targetLabels); // before the engine, so a clash leaves no threads behind
    return metrics(new ScrapeEngine<>(executor, mainEngine.definitions(), settings), labels);
  }

  private TargetMetrics metrics(ScrapeEngine<R> engine, Labels labels) {
    return new TargetMetrics(namespace, engine, labels, new Redactor(engine.executor().secrets()), selfMetrics);
  }
}
