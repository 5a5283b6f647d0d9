package dev.exportersuite.core.cli;

import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.collect.MultiTarget;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ResolvedConnection;
import dev.exportersuite.core.collect.ScrapeEngine;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.http.MultiTargetHandler;
import dev.exportersuite.core.snapshots.ExporterCollector;
import dev.exportersuite.core.snapshots.Redactor;
import dev.exportersuite.core.snapshots.SelfMetricsStyle;
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
  private final SelfMetricsStyle style;
  private final ExporterCollector main;
  private final ScrapeEngine<R> mainEngine;

  ExporterRuntime(String namespace, EngineSettings settings, Labels constLabels, SelfMetricsStyle style,
      RequestExecutor<R> mainExecutor, List<MetricDefinition<R>> definitions) {
    this.namespace = namespace;
    this.settings = settings;
    this.constLabels = constLabels;
    this.style = style;
    this.mainEngine = new ScrapeEngine<>(mainExecutor, definitions, settings);
    this.main = collector(mainEngine);
  }

  ExporterCollector main() {
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
      public ExporterCollector open(ResolvedConnection<R> connection) {
        return collector(new ScrapeEngine<>(connection.open(), mainEngine.definitions(), settings));
      }
    }, target.maxTargets());
  }

  private ExporterCollector collector(ScrapeEngine<R> engine) {
    return new ExporterCollector(namespace, engine, constLabels, new Redactor(engine.executor().secrets()), style);
  }
}
