package dev.exportersuite.core.collect;

import dev.exportersuite.core.config.MetricDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every enabled definition's request against one datastore, in parallel with a bound, each within its own
 * time limit, counted from when that request starts. Scrapes that arrive while a collection is running wait for
 * that collection instead of starting their own, so an HA pair of Prometheus servers costs the datastore one set
 * of queries, not two. Closing the engine while a collection runs lets that collection finish first, so an
 * evicted multi-target engine or a reload never fails a scrape in flight.
 */
public final class ScrapeEngine<R> implements AutoCloseable {

  /** Time given beyond a request's own limit for the executor to notice and return. */
  private static final Duration GRACE = Duration.ofMillis(250);
  /** Round trips that may wait for a worker; far more than any module's definitions need at once. */
  static final int QUEUE = 1024;

  private final RequestExecutor<R> executor;
  private final EngineSettings settings;
  private final ExecutorService pool;
  /** Pings get their own thread, so that requests stuck past their limit cannot make a live datastore look down. */
  private final ExecutorService pingPool;
  private final ResultCache cache = new ResultCache();
  private final Object flightLock = new Object();
  private volatile List<MetricDefinition<R>> definitions;
  private CompletableFuture<CollectionResult> inFlight;
  private boolean closeRequested;

  public ScrapeEngine(RequestExecutor<R> executor, List<MetricDefinition<R>> definitions, EngineSettings settings) {
    this.executor = executor;
    this.settings = settings;
    this.definitions = List.copyOf(definitions);
    // Bounded: one collection at a time queues at most one task per round trip; a full queue means requests of
    // earlier scrapes are stuck past their limits, and the answer is an error, not an ever longer queue.
    this.pool = new ThreadPoolExecutor(settings.maxConcurrency(), settings.maxConcurrency(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), daemonThreads("collector-"));
    this.pingPool = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
        daemonThreads("ping-"));
  }

  public List<MetricDefinition<R>> definitions() {
    return definitions;
  }

  public RequestExecutor<R> executor() {
    return executor;
  }

  /** Swaps in a new set of definitions (a reload); a collection already running finishes with the old set. */
  public void replaceDefinitions(List<MetricDefinition<R>> next) {
    definitions = List.copyOf(next);
    cache.retain(definitions);
  }

  /**
   * Collects now, or joins the collection that is already running. Never throws for the datastore's or a
   * definition's sake; after {@link #close()} it answers "down" with the reason.
   */
  public CollectionResult collect() {
    CompletableFuture<CollectionResult> flight;
    boolean leader = false;
    synchronized (flightLock) {
      if (inFlight == null) {
        if (closeRequested) {
          return closed();
        }
        inFlight = new CompletableFuture<>();
        leader = true;
      }
      flight = inFlight;
    }
    if (leader) {
      boolean shutDown;
      try {
        flight.complete(collectNow());
      } catch (RuntimeException | Error e) {
        flight.completeExceptionally(e);
      } finally {
        synchronized (flightLock) {
          inFlight = null;
          shutDown = closeRequested;
        }
      }
      if (shutDown) {
        shutDown();
      }
    }
    return flight.join();
  }

  private static CollectionResult closed() {
    return new CollectionResult(false, Optional.of("this target's connections were closed (it was evicted by "
        + "newer targets, or the exporter is reloading or stopping); scrape again"), List.of(), Instant.now(),
        Duration.ZERO, Duration.ZERO);
  }

  private CollectionResult collectNow() {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    List<MetricDefinition<R>> current = definitions;
    Optional<String> down = ping();
    Duration connectTime = Duration.ofNanos(System.nanoTime() - start);
    if (down.isPresent()) {
      return new CollectionResult(false, down, List.of(), startedAt, connectTime, connectTime);
    }
    List<MetricDefinition<R>> due = new ArrayList<>();
    List<DefinitionResult> results = new ArrayList<>();
    for (MetricDefinition<R> d : current) {
      if (!d.enabled()) {
        continue;
      }
      Optional<List<Row>> cached = cache.fresh(d, start);
      if (cached.isPresent()) {
        results.add(new DefinitionResult(d, cached.get(), Optional.empty(), Duration.ZERO, true));
      } else {
        due.add(d);
      }
    }
    // Definitions with equal requests share one round trip (several read SHOW GLOBAL STATUS or INFO ALL); it
    // runs with the longest of their limits, and each definition still stops waiting at its own.
    Map<R, Duration> longest = new LinkedHashMap<>();
    for (MetricDefinition<R> d : due) {
      longest.merge(d.request(), timeoutOf(d), (x, y) -> x.compareTo(y) >= 0 ? x : y);
    }
    Map<R, RoundTrip> running = new HashMap<>();
    longest.forEach((request, timeout) -> running.put(request, submit(request, timeout)));
    for (MetricDefinition<R> d : due) {
      boolean owner = timeoutOf(d).equals(longest.get(d.request()));
      results.add(await(d, running.get(d.request()), owner, start));
    }
    return new CollectionResult(true, Optional.empty(), results, startedAt, Duration.ofNanos(System.nanoTime() - start),
        connectTime);
  }

  private Duration timeoutOf(MetricDefinition<R> d) {
    return d.timing().queryTimeout().orElse(settings.defaultTimeout());
  }

  /** What one request gave: rows, or the reason it gave none. */
  private record Outcome(List<Row> rows, Optional<String> error, Duration took) {}

  /** One round trip on the worker pool; {@code started} holds the nano time a worker took it up. */
  private record RoundTrip(Future<Outcome> future, CompletableFuture<Long> started) {}

  private RoundTrip submit(R request, Duration timeout) {
    CompletableFuture<Long> started = new CompletableFuture<>();
    try {
      return new RoundTrip(pool.submit(() -> {
        started.complete(System.nanoTime());
        return run(request, timeout);
      }), started);
    } catch (RejectedExecutionException e) {
      return new RoundTrip(CompletableFuture.completedFuture(new Outcome(List.of(), Optional.of("the exporter is "
          + "busy: " + QUEUE + " requests wait for a worker while earlier ones are stuck past their limits"),
          Duration.ZERO)), CompletableFuture.completedFuture(System.nanoTime()));
    }
  }

  private Outcome run(R request, Duration timeout) {
    long t0 = System.nanoTime();
    try {
      List<Row> rows = executor.fetch(request, timeout);
      return new Outcome(rows, Optional.empty(), Duration.ofNanos(System.nanoTime() - t0));
    } catch (Exception e) {
      return new Outcome(List.of(), Optional.of(describe(e)), Duration.ofNanos(System.nanoTime() - t0));
    }
  }

  /**
   * Waits for {@code d}'s round trip: first for a worker to take it up (at most the definition's own limit), then
   * for the answer, at most the limit counted from when it started.
   *
   * @param owner true for the definition with the longest limit: only it may cancel the shared request
   * @param collectionStart when the collection began: the {@code scrapeinterval} cache counts from it
   */
  private DefinitionResult await(MetricDefinition<R> d, RoundTrip trip, boolean owner, long collectionStart) {
    Duration limit = timeoutOf(d);
    long waitFrom = System.nanoTime();
    long started;
    try {
      started = trip.started().get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (owner) {
        trip.future().cancel(false);
      }
      return new DefinitionResult(d, List.of(), Optional.of("did not start within " + limit.toMillis() + "ms: all "
          + settings.maxConcurrency() + " workers are busy with requests still running (raise "
          + "collect.max_concurrency, or lower the querytimeout of slow requests)"),
          Duration.ofNanos(System.nanoTime() - waitFrom), false);
    } catch (ExecutionException | CancellationException e) {
      started = System.nanoTime();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DefinitionResult(d, List.of(), Optional.of("interrupted"), Duration.ZERO, false);
    }
    long deadline = started + limit.plus(GRACE).toNanos();
    Outcome o;
    try {
      o = trip.future().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | CancellationException e) {
      if (owner) {
        trip.future().cancel(true);
      }
      return new DefinitionResult(d, List.of(), Optional.of("timed out after " + limit.toMillis()
          + "ms (querytimeout)"), Duration.ofNanos(System.nanoTime() - started), false);
    } catch (ExecutionException e) {
      return new DefinitionResult(d, List.of(), Optional.of(describe(e.getCause())),
          Duration.ofNanos(System.nanoTime() - started), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DefinitionResult(d, List.of(), Optional.of("interrupted"), Duration.ZERO, false);
    }
    if (o.error().isPresent()) {
      return new DefinitionResult(d, List.of(), o.error(), o.took(), false);
    }
    List<Row> rows;
    try {
      rows = d.rows().apply(o.rows());
    } catch (RuntimeException e) {
      return new DefinitionResult(d, List.of(), Optional.of(describe(e)), o.took(), false);
    }
    if (rows.isEmpty() && !d.ignoreZeroResult()) {
      return new DefinitionResult(d, List.of(), Optional.of("the request returned no rows (set ignorezeroresult: "
          + "true if that is normal)"), o.took(), false);
    }
    cache.store(d, rows, collectionStart);
    return new DefinitionResult(d, rows, Optional.empty(), o.took(), false);
  }

  private Optional<String> ping() {
    Future<?> f;
    try {
      f = pingPool.submit(() -> {
        executor.ping(settings.pingTimeout());
        return null;
      });
    } catch (RejectedExecutionException e) {
      return Optional.of("the liveness check is still running from an earlier scrape");
    }
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

  /** Closes the pools and the executor; a collection in flight finishes first and then closes them. */
  @Override
  public void close() {
    synchronized (flightLock) {
      closeRequested = true;
      if (inFlight != null) {
        return;
      }
    }
    shutDown();
  }

  private void shutDown() {
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
