package dev.exportersuite.core.snapshots;

import dev.exportersuite.core.collect.CollectionResult;
import dev.exportersuite.core.collect.DefinitionResult;
import dev.exportersuite.core.config.MetricDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How each collector fared, collection after collection: error counts, the landing page's status, and the log
 * (once per cause, see {@link ErrorLog}). Every error text is redacted and bounded ({@link ErrorText}) here,
 * before it reaches any of them.
 */
public final class CollectorHealth {

  private final Redactor redactor;
  private final ErrorLog errorLog = new ErrorLog();
  /** Every collector ever seen, in the order first seen; guarded by {@code this}. */
  private final Map<String, Long> errorsTotal = new LinkedHashMap<>();
  private final Map<String, CollectorStatus> status = new ConcurrentHashMap<>();

  public CollectorHealth(Redactor redactor) {
    this.redactor = redactor;
  }

  /**
   * What one collection meant for health, errors redacted.
   *
   * @param connectionError why the datastore was unreachable, if it was
   * @param firstError the connection error, else the first failing collector's ({@code collector: error})
   * @param errorsTotal failed collections per collector, for every collector seen so far
   * @param durations per collector of this collection: the longest of its definitions' requests
   */
  public record Report(Optional<String> connectionError, Optional<String> firstError, Map<String, Long> errorsTotal,
      Map<String, Duration> durations) {

    public Report {
      errorsTotal = Collections.unmodifiableMap(new LinkedHashMap<>(errorsTotal));
      durations = Collections.unmodifiableMap(new LinkedHashMap<>(durations));
    }
  }

  /**
   * Records one collection.
   *
   * @param problems per collector, why some or all of its families are missing (request errors and conversion
   *     problems, not yet redacted); a collector without an entry had none
   */
  public synchronized Report record(CollectionResult result, Map<String, List<String>> problems) {
    Map<String, Duration> durations = new LinkedHashMap<>();
    Map<String, MetricDefinition> firstDefinition = new LinkedHashMap<>();
    for (DefinitionResult r : result.results()) {
      String collector = r.definition().collector();
      firstDefinition.putIfAbsent(collector, r.definition());
      durations.merge(collector, r.duration(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    Optional<String> connectionError = result.connectionError().map(redactor::redact).map(ErrorText::bound);
    String firstError = connectionError.orElse(null);
    for (Map.Entry<String, MetricDefinition> e : firstDefinition.entrySet()) {
      String collector = e.getKey();
      List<String> messages = problems.getOrDefault(collector, List.of());
      long count = errorsTotal.merge(collector, messages.isEmpty() ? 0L : 1L, Long::sum);
      Optional<String> error = Optional.empty();
      if (!messages.isEmpty()) {
        error = Optional.of(ErrorText.bound(redactor.redact(String.join("; ", messages))));
        firstError = firstError == null ? collector + ": " + error.get() : firstError;
        errorLog.failed(collector, error.get());
      } else {
        errorLog.succeeded(collector);
      }
      CollectorStatus previous = status.get(collector);
      // A failure keeps the time of the last success, so the landing page shows how long it has been failing.
      Optional<Instant> lastSuccess = error.isEmpty() ? Optional.of(result.startedAt())
          : previous == null ? Optional.empty() : previous.lastSuccess();
      MetricDefinition<?> def = e.getValue();
      status.put(collector, new CollectorStatus(collector, def.source(), def.enabled(), durations.get(collector),
          error, lastSuccess, count));
    }
    connectionError.ifPresentOrElse(m -> errorLog.failed("connection", m), () -> errorLog.succeeded("connection"));
    return new Report(connectionError, Optional.ofNullable(firstError), errorsTotal, durations);
  }

  /** One entry per collector of {@code definitions}, in their order; never collected ones show no run yet. */
  public List<CollectorStatus> status(List<? extends MetricDefinition<?>> definitions) {
    Map<String, CollectorStatus> out = new LinkedHashMap<>();
    for (MetricDefinition<?> d : definitions) {
      out.computeIfAbsent(d.collector(), c -> {
        CollectorStatus s = status.get(c);
        return s != null ? s : new CollectorStatus(c, d.source(), d.enabled(), Duration.ZERO, Optional.empty(),
            Optional.empty(), 0);
      });
    }
    return new ArrayList<>(out.values());
  }
}
