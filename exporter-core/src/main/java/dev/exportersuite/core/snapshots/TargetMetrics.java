package dev.exportersuite.core.snapshots;

import dev.exportersuite.core.collect.CollectionResult;
import dev.exportersuite.core.collect.ScrapeEngine;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics of one target, as client_java collects them (a {@code MultiCollector}; "collector" in this code
 * base otherwise means a named group of definitions). Each scrape asks the engine for a
 * collection, then {@link FamilyAssembler} turns its rows into families, {@link CollectorHealth} records how each
 * collector fared and {@link SelfMetrics} adds the exporter's own metrics. It never throws: a failing collector
 * costs its own families, never the scrape (the client would answer HTTP 500 to an exception).
 */
public final class TargetMetrics implements MultiCollector, ScrapeStatus {

  private final ScrapeEngine<?> engine;
  private final FamilyAssembler assembler;
  private final CollectorHealth health;
  private final SelfMetrics selfMetrics;
  private Processed last;

  /**
   * @param constLabels on every family from rows; on the self-metrics too if {@code spec} asks
   * @param redactor applied to every error text before it is logged or exposed
   * @param spec the module's self-metrics
   */
  public TargetMetrics(String namespace, ScrapeEngine<?> engine, Labels constLabels, Redactor redactor,
      SelfMetricsSpec spec) {
    this(namespace, engine, constLabels, Labels.EMPTY, redactor, spec);
  }

  /**
   * @param targetLabels what tells this target from the others of the exporter ({@code database="db2"}): on every
   *     series, self-metrics included
   * @throws IllegalArgumentException when a target label has the name of a constant label
   */
  public TargetMetrics(String namespace, ScrapeEngine<?> engine, Labels constLabels, Labels targetLabels,
      Redactor redactor, SelfMetricsSpec spec) {
    this.engine = engine;
    this.selfMetrics = new SelfMetrics(spec, namespace, constLabels, targetLabels);
    this.assembler = new FamilyAssembler(namespace, constLabels.merge(targetLabels), selfMetrics.exposedNames());
    this.health = new CollectorHealth(redactor);
  }

  /** With {@link SelfMetricsSpec#standard()}. */
  public TargetMetrics(String namespace, ScrapeEngine<?> engine, Labels constLabels, Redactor redactor) {
    this(namespace, engine, constLabels, redactor, SelfMetricsSpec.standard());
  }

  public ScrapeEngine<?> engine() {
    return engine;
  }

  @Override
  public MetricSnapshots collect() {
    CollectionResult result;
    try {
      result = engine.collect();
    } catch (RuntimeException e) {
      // An engine bug must cost this scrape its datastore metrics, not become HTTP 500 without self-metrics.
      result = new CollectionResult(false, Optional.of("internal error: " + e), List.of(), Instant.now(),
          Duration.ZERO, Duration.ZERO);
    }
    return latest(result).snapshots();
  }

  /** Per-collector state after the last collection, for the landing page. */
  public List<CollectorStatus> status() {
    return health.status(engine.definitions());
  }

  /** Why the datastore was unreachable at the last collection (redacted), if it was. */
  public synchronized Optional<String> connectionError() {
    return last == null ? Optional.empty() : last.connectionError();
  }

  /** Drops converters (and their name caches) of definitions that a reload removed. */
  public void forgetRemovedDefinitions() {
    assembler.retain(engine.definitions());
  }

  /** Concurrent scrapes that shared one collection also share its processing, so counters move once. */
  private synchronized Processed latest(CollectionResult result) {
    if (last != null && last.source().get() == result) {
      return last;
    }
    // The previous snapshots are garbage once a new collection is here: let them go before the new ones are made
    // (on 100,000 series the two sets together no longer fit a 128 MiB heap next to the rows).
    last = null;
    last = process(result);
    return last;
  }

  private Processed process(CollectionResult result) {
    FamilyAssembler.Assembled assembled = assembler.assemble(result.results());
    CollectorHealth.Report report = health.record(result, assembled.problems());
    List<MetricSnapshot> all = new ArrayList<>(selfMetrics.record(result, report));
    all.addAll(assembled.families().values());
    return new Processed(new WeakReference<>(result), safeSnapshots(all), report.connectionError());
  }

  /** Last line of defence: a clash the checks above missed must not turn into HTTP 500. */
  private static MetricSnapshots safeSnapshots(List<MetricSnapshot> all) {
    try {
      return new MetricSnapshots(all);
    } catch (IllegalArgumentException e) {
      Map<String, MetricSnapshot> unique = new LinkedHashMap<>();
      for (MetricSnapshot s : all) {
        unique.putIfAbsent(s.getMetadata().getPrometheusName(), s);
      }
      return new MetricSnapshots(new ArrayList<>(unique.values()));
    }
  }

  /**
   * @param source the collection these snapshots come from, weakly: every scrape that shares it holds it while it
   *     needs it, and between scrapes its rows (tens of MB on a large Kafka cluster) would only fill the heap
   */
  private record Processed(WeakReference<CollectionResult> source, MetricSnapshots snapshots,
      Optional<String> connectionError) {}
}
