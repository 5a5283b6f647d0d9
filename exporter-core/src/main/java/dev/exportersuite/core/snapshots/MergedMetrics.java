package dev.exportersuite.core.snapshots;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The metrics of several targets scraped together (the databases of one Oracle exporter), as one collector:
 * each scrape collects every target at once, so the slowest target sets the scrape's time, not their sum, and
 * one target down costs only its own series.
 */
public final class MergedMetrics implements MultiCollector, ScrapeStatus {

  private final Map<String, TargetMetrics> targets;
  private final ExecutorService pool;

  /** @param targets by connection name, in the order of the config */
  public MergedMetrics(Map<String, TargetMetrics> targets) {
    this.targets = new LinkedHashMap<>(targets);
    this.pool = Executors.newFixedThreadPool(Math.min(targets.size(), 16), r -> {
      Thread t = new Thread(r, "targets");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public MetricSnapshots collect() {
    List<CompletableFuture<MetricSnapshots>> running = new ArrayList<>();
    targets.values().forEach(t -> running.add(CompletableFuture.supplyAsync(t::collect, pool)));
    // TargetMetrics.collect never throws and each engine bounds its own time, so join cannot hang or fail.
    return SnapshotMerge.merge(running.stream().map(CompletableFuture::join).toList());
  }

  /** Each collector once per target, named {@code <target>/<collector>}. */
  @Override
  public List<CollectorStatus> status() {
    List<CollectorStatus> out = new ArrayList<>();
    targets.forEach((name, t) -> t.status().forEach(s -> out.add(new CollectorStatus(name + "/" + s.collector(),
        s.source(), s.enabled(), s.lastDuration(), s.lastError(), s.lastSuccess(), s.errorsTotal()))));
    return out;
  }

  /** The targets that were unreachable, each with its reason. */
  @Override
  public Optional<String> connectionError() {
    List<String> down = new ArrayList<>();
    targets.forEach((name, t) -> t.connectionError().ifPresent(e -> down.add(name + ": " + e)));
    return down.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", down));
  }
}
