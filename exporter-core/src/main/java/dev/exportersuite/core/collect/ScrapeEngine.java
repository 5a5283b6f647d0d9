package dev.exportersuite.core.collect;

import dev.exportersuite.core.config.MetricDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every enabled definition's request against one datastore, in parallel with a bound, each within its own
 * time limit. Scrapes that arrive while a collection is running wait for that collection instead of starting
 * their own, so an HA pair of Prometheus servers costs the datastore one set of queries, not two.
 */
public final class ScrapeEngine implements AutoCloseable {

  /** Time given beyond a request's own limit for the executor to notice and return. */
  private static final Duration GRACE = Duration.ofMillis(250);

  private final RequestExecutor executor;
  private final EngineSettings settings;
  private final ExecutorService pool;
  /** Pings get their own thread, so that requests stuck past their limit cannot make a live datastore look down. */
  private final ExecutorService pingPool;
  private final ResultCache cache = new ResultCache();
  private final Object flightLock = new Object();
  private volatile List<MetricDefinition> definitions;
  private CompletableFuture<CollectionResult> inFlight;

  public ScrapeEngine(RequestExecutor executor, List<MetricDefinition> definitions, EngineSettings settings) {
    this.executor = executor;
    this.settings = settings;
    this.definitions = List.copyOf(definitions);
    this.pool = new ThreadPoolExecutor(settings.maxConcurrency(), settings.maxConcurrency(), 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads("collector-"));
    this.pingPool = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        daemonThreads("ping-"));
  }

  public List<MetricDefinition> definitions() {
    return definitions;
  }

  public RequestExecutor executor() {
    return executor;
  }

  /** Swaps in a new set of definitions (a reload); a collection already running finishes with the old set. */
  public void replaceDefinitions(List<MetricDefinition> next) {
    definitions = List.copyOf(next);
    cache.retain(definitions);
  }

  /** Collects now, or joins the collection that is already running. */
  public CollectionResult collect() {
    CompletableFuture<CollectionResult> flight;
    boolean leader = false;
    synchronized (flightLock) {
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        leader = true;
      }
      flight = inFlight;
    }
    if (leader) {
      try {
        flight.complete(collectNow());
      } catch (RuntimeException | Error e) {
        flight.completeExceptionally(e);
      } finally {
        synchronized (flightLock) {
          inFlight = null;
        }
      }
    }
    return flight.join();
  }

  private CollectionResult collectNow() {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    List<MetricDefinition> current = definitions;
    Optional<String> down = ping();
    Duration connectTime = Duration.ofNanos(System.nanoTime() - start);
    if (down.isPresent()) {
      return new CollectionResult(false, down, List.of(), startedAt, connectTime, connectTime);
    }
    List<MetricDefinition> due = new ArrayList<>();
    List<CollectorResult> results = new ArrayList<>();
    for (MetricDefinition d : current) {
      if (!d.enabled()) {
        continue;
      }
      Optional<List<Row>> cached = cache.fresh(d, start);
      if (cached.isPresent()) {
        results.add(new CollectorResult(d, cached.get(), Optional.empty(), Duration.ZERO, true));
      } else {
        due.add(d);
      }
    }
    // Definitions that need the same round trip share it (several read SHOW GLOBAL STATUS or INFO); it runs
    // with the longest of their limits, and each definition still stops waiting at its own.
    Map<Object, Duration> longest = new HashMap<>();
    Map<Object, String> firstRequest = new HashMap<>();
    for (MetricDefinition d : due) {
      Object key = roundTripKey(d);
      longest.merge(key, timeoutOf(d), (x, y) -> x.compareTo(y) >= 0 ? x : y);
      firstRequest.putIfAbsent(key, d.request());
    }
    Map<Object, Future<Outcome>> running = new HashMap<>();
    longest.forEach((key, timeout) -> running.put(key, pool.submit(() -> run(firstRequest.get(key), timeout))));
    for (MetricDefinition d : due) {
      Object key = roundTripKey(d);
      boolean owner = timeoutOf(d).equals(longest.get(key));
      results.add(await(d, running.get(key), owner, start, start + timeoutOf(d).plus(GRACE).toNanos()));
    }
    return new CollectionResult(true, Optional.empty(), results, startedAt, Duration.ofNanos(System.nanoTime() - start),
        connectTime);
  }

  /** A request the executor cannot key (it will report why when it runs) is its own round trip. */
  private Object roundTripKey(MetricDefinition d) {
    try {
      return executor.roundTripKey(d.request());
    } catch (RuntimeException e) {
      return d.request();
    }
  }

  private Duration timeoutOf(MetricDefinition d) {
    return d.querytimeout().orElse(settings.defaultTimeout());
  }

  /** What one request gave: rows, or the reason it gave none. */
  private record Outcome(List<Row> rows, Optional<String> error, Duration took) {}

  private Outcome run(String request, Duration timeout) {
    long t0 = System.nanoTime();
    try {
      List<Row> rows = executor.fetch(request, timeout);
      return new Outcome(rows, Optional.empty(), Duration.ofNanos(System.nanoTime() - t0));
    } catch (Exception e) {
      return new Outcome(List.of(), Optional.of(describe(e)), Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  /** @param owner true for the definition with the longest limit: only it may cancel the shared request */
  private CollectorResult await(MetricDefinition d, Future<Outcome> future, boolean owner, long start,
      long deadlineNanos) {
    Outcome o;
    try {
      o = future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | CancellationException e) {
      if (owner) {
        future.cancel(true);
      }
      return new CollectorResult(d, List.of(), Optional.of("timed out after " + timeoutOf(d).toMillis()
          + "ms (querytimeout)"), Duration.ofNanos(System.nanoTime() - start), false);
    } catch (ExecutionException e) {
      return new CollectorResult(d, List.of(), Optional.of(describe(e.getCause())),
          Duration.ofNanos(System.nanoTime() - start), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CollectorResult(d, List.of(), Optional.of("interrupted"), Duration.ZERO, false);
    }
    if (o.error().isPresent()) {
      return new CollectorResult(d, List.of(), o.error(), o.took(), false);
    }
    List<Row> rows;
    try {
      rows = executor.shape(d.request(), o.rows());
    } catch (Exception e) {
      return new CollectorResult(d, List.of(), Optional.of(describe(e)), o.took(), false);
    }
    if (rows.isEmpty() && !d.ignorezeroresult()) {
      return new CollectorResult(d, List.of(), Optional.of("the request returned no rows (set ignorezeroresult: "
          + "true if that is normal)"), o.took(), false);
    }
    cache.store(d, rows, start);
    return new CollectorResult(d, rows, Optional.empty(), o.took(), false);
  }

  private Optional<String> ping() {
    Future<?> f = pingPool.submit(() -> {
      executor.ping(settings.pingTimeout());
      return null;
    });
    try {
      f.get(settings.pingTimeout().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
      return Optional.empty();
    } catch (TimeoutException e) {
      f.cancel(true);
      return Optional.of("no answer within " + settings.pingTimeout().toMillis() + "ms");
    } catch (ExecutionException e) {
      return Optional.of(describe(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /** The message and, when it adds something, the root cause's: pools hide "access denied" behind "timed out". */
  static String describe(Throwable e) {
    String m = message(e);
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e) {
      String r = message(root);
      if (!m.contains(r)) {
        m = m + ": " + r;
      }
    }
    return m;
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
  }

  @Override
  public void close() {
    pool.shutdownNow();
    pingPool.shutdownNow();
    executor.close();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
