package dev.exportersuite.core.cli;

import dev.exportersuite.core.collect.Datastore;
import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.collect.MultiTarget;
import dev.exportersuite.core.collect.NamedConnection;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ResolvedConnection;
import dev.exportersuite.core.collect.ScrapeEngine;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.endpoint.TargetAllowList;
import dev.exportersuite.core.http.MultiTargetHandler;
import dev.exportersuite.core.snapshots.MergedMetrics;
import dev.exportersuite.core.snapshots.Redactor;
import dev.exportersuite.core.snapshots.ScrapeStatus;
import dev.exportersuite.core.snapshots.SelfMetricsSpec;
import dev.exportersuite.core.snapshots.TargetMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The running exporter's collectors: one per connection of the datastore (each with the definitions that run on
 * it), joined into one when there are several, and one per multi-target selection, all made the same way from
 * the definitions in force.
 */
final class ExporterRuntime<R> {
  private final String namespace;
  private final EngineSettings settings;
  private final Labels constLabels;
  private final SelfMetricsSpec selfMetrics;
  private final Map<String, TargetMetrics> targets = new LinkedHashMap<>();
  private final Map<String, ScrapeEngine<R>> engines = new LinkedHashMap<>();
  /** The one target's metrics, or all targets' joined: what the registry collects and the landing page shows. */
  private final ScrapeStatus exposed;
  private volatile List<MetricDefinition<R>> definitions;

  ExporterRuntime(String namespace, EngineSettings settings, Labels constLabels, SelfMetricsSpec selfMetrics,
      Datastore<R> datastore, List<MetricDefinition<R>> definitions) {
    this.namespace = namespace;
    this.settings = settings;
    this.constLabels = constLabels;
    this.selfMetrics = selfMetrics;
    this.definitions = List.copyOf(definitions);
    for (NamedConnection<R> c : datastore.connections()) {
      Labels own = datastore.named() ? targetLabels(datastore, c) : Labels.EMPTY;
      ScrapeEngine<R> engine = new ScrapeEngine<>(c.connection().open(), runningOn(c.name()),
          c.limits().applyTo(settings));
      engines.put(c.name(), engine);
      targets.put(c.name(), metrics(engine, own));
    }
    this.exposed = datastore.named() ? new MergedMetrics(targets) : targets.values().iterator().next();
  }

  /**
   * The connection's name and labels, with every label key of the other connections too (empty where this one
   * has none), so that every series of a family has the same label names, as Oracle's exporter does.
   */
  private static <R> Labels targetLabels(Datastore<R> datastore, NamedConnection<R> c) {
    TreeSet<String> keys = new TreeSet<>();
    datastore.connections().forEach(o -> keys.addAll(o.labels().keySet()));
    List<String> names = new ArrayList<>(List.of(datastore.nameLabel()));
    List<String> values = new ArrayList<>(List.of(c.name()));
    for (String k : keys) {
      names.add(k);
      values.add(c.labels().getOrDefault(k, ""));
    }
    return Labels.of(names, values);
  }

  private List<MetricDefinition<R>> runningOn(String name) {
    return definitions.stream().filter(d -> d.runsOn(name)).toList();
  }

  /** What the registry collects: the one target, or all of them joined. */
  MultiCollector collector() {
    return exposed;
  }

  ScrapeStatus status() {
    return exposed;
  }

  /** Definitions enabled on at least one connection. */
  long enabledDefinitions() {
    return definitions.stream().filter(MetricDefinition::enabled).count();
  }

  /** A reload: each engine takes the new definitions that run on it; multi-target engines are reopened by the caller. */
  void replaceDefinitions(List<MetricDefinition<R>> next) {
    definitions = List.copyOf(next);
    engines.forEach((name, engine) -> {
      engine.replaceDefinitions(runningOn(name));
      targets.get(name).forgetRemovedDefinitions();
    });
  }

  /** Closes every connection's engine; a scrape in flight finishes first. */
  void close() {
    engines.values().forEach(ScrapeEngine::close);
  }

  /**
   * The module's multi-target endpoint: each selection gets an engine with the definitions in force; a target the
   * allow-list does not name is refused before any connection.
   */
  MultiTargetHandler<ResolvedConnection<R>> multiTarget(MultiTarget<R> target, TargetAllowList allowed) {
    return new MultiTargetHandler<>(target.parameter(), new MultiTargetHandler.TargetOpener<>() {
      @Override
      public ResolvedConnection<R> select(Map<String, String> params) {
        ResolvedConnection<R> c = target.selector().select(params);
        if (!allowed.isAny() && !c.targetAddress().map(allowed::allows).orElse(false)) {
          throw new IllegalArgumentException("target not allowed: it matches none of multi_target.allow");
        }
        return c;
      }

      @Override
      public TargetMetrics open(ResolvedConnection<R> connection) {
        return metricsFor(connection.open(), Labels.EMPTY);
      }
    }, target.maxTargets());
  }

  /**
   * The metrics of another target, with the definitions that run on the default connection and labels of its
   * own added to the constant labels, on every series.
   *
   * @throws IllegalArgumentException when a target label has the name of a constant label
   */
  TargetMetrics metricsFor(RequestExecutor<R> executor, Labels targetLabels) {
    constLabels.merge(targetLabels); // before the engine, so a clash leaves no threads behind
    return metrics(new ScrapeEngine<>(executor, runningOn(NamedConnection.DEFAULT), settings), targetLabels);
  }

  private TargetMetrics metrics(ScrapeEngine<R> engine, Labels targetLabels) {
    return new TargetMetrics(namespace, engine, constLabels, targetLabels, new Redactor(engine.executor().secrets()),
        selfMetrics);
  }
}
