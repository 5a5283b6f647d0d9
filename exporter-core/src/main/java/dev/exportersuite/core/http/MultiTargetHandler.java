package dev.exportersuite.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.exportersuite.core.snapshots.TargetMetrics;
import dev.exportersuite.core.endpoint.InputText;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A multi-target endpoint ({@code /probe?target=...} for MySQL, {@code /scrape?target=...} for Redis): one
 * exporter serves many servers. The module first parses what selects a connection out of the request (its
 * {@link TargetOpener#select}); anything it refuses is an HTTP 400 before any connection is attempted. Each
 * selection gets its own engine, kept while it is scraped and closed when more than {@code maxTargets} others
 * have been used since or when it has not been scraped for {@link #IDLE_CLOSE}; a scrape still running on it
 * finishes first. So all targets together hold at most {@code maxTargets} engines' connections.
 *
 * @param <K> what selects a connection (target and credentials section): equal keys share one engine, whatever
 *     other parameters the request carries
 */
public final class MultiTargetHandler<K> implements HttpHandler {

  /** Longest query string read; a target and an auth module fit in far less. */
  static final int MAX_QUERY = 4096;

  /** How a module turns a request into a connection. */
  public interface TargetOpener<K> {
    /**
     * Parses the request's parameters strictly into what selects a connection. Must not connect.
     *
     * @throws IllegalArgumentException with a one-line reason, for a target or parameter it does not accept
     */
    K select(Map<String, String> params);

    /** Opens the collector for a selection {@link #select} returned. */
    TargetMetrics open(K key);
  }

  /** An engine not scraped for this long is closed: a target dropped from Prometheus holds no connection. */
  static final Duration IDLE_CLOSE = Duration.ofMinutes(10);

  private final String targetParam;
  private final TargetOpener<K> opener;
  private final int maxTargets;
  private final LongSupplier nanoClock;
  private final LinkedHashMap<K, Engine> targets = new LinkedHashMap<>(16, 0.75f, true);
  private final AtomicLong requestErrors = new AtomicLong();

  /** One target's engine; closed when evicted or idle, but never under a scrape that still uses it. */
  private static final class Engine {
    final TargetMetrics collector;
    final HttpHandler handler;
    int users;
    long lastUsedNanos;
    boolean retired;

    Engine(TargetMetrics collector, HttpHandler handler) {
      this.collector = collector;
      this.handler = handler;
    }

    void retire() {
      retired = true;
      if (users == 0) {
        collector.engine().close();
      }
    }
  }

  public MultiTargetHandler(String targetParam, TargetOpener<K> opener, int maxTargets) {
    this(targetParam, opener, maxTargets, System::nanoTime);
  }

  MultiTargetHandler(String targetParam, TargetOpener<K> opener, int maxTargets, LongSupplier nanoClock) {
    this.targetParam = targetParam;
    this.opener = opener;
    this.maxTargets = maxTargets;
    this.nanoClock = nanoClock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Engine t;
    try {
      t = acquire(params(exchange.getRequestURI().getRawQuery()));
    } catch (IllegalArgumentException e) {
      requestErrors.incrementAndGet();
      ExporterServer.send(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
      return;
    }
    try {
      t.handler.handle(exchange);
    } finally {
      release(t);
    }
  }

  private Map<String, String> params(String raw) {
    if (raw != null && raw.length() > MAX_QUERY) {
      throw new IllegalArgumentException("the query string is longer than " + MAX_QUERY + " characters");
    }
    Map<String, String> params = query(raw);
    String target = params.get(targetParam);
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("missing the '" + targetParam + "' parameter, e.g. ?" + targetParam
          + "=host:port");
    }
    return params;
  }

  private synchronized Engine acquire(Map<String, String> params) {
    K key = opener.select(params);
    long now = nanoClock.getAsLong();
    closeIdle(now);
    Engine t = targets.get(key);
    if (t == null) {
      TargetMetrics collector = opener.open(key);
      PrometheusRegistry registry = new PrometheusRegistry();
      registry.register(collector);
      t = new Engine(collector, new ScrapeHandler(registry));
      targets.put(key, t);
      if (targets.size() > maxTargets) {
        Iterator<Engine> eldest = targets.values().iterator();
        eldest.next().retire();
        eldest.remove();
      }
    }
    t.users++;
    t.lastUsedNanos = now;
    return t;
  }

  private synchronized void release(Engine t) {
    t.users--;
    t.lastUsedNanos = nanoClock.getAsLong();
    if (t.retired && t.users == 0) {
      t.collector.engine().close();
    }
  }

  /** Closes engines not used for {@link #IDLE_CLOSE}; at most {@code maxTargets} to look at. */
  private void closeIdle(long now) {
    Iterator<Engine> it = targets.values().iterator();
    while (it.hasNext()) {
      Engine t = it.next();
      if (t.users == 0 && now - t.lastUsedNanos >= IDLE_CLOSE.toNanos()) {
        t.retire();
        it.remove();
      }
    }
  }

  /** Engines held now, one per distinct selection. */
  public synchronized int openTargets() {
    return targets.size();
  }

  /** A counter of refused requests (no target, bad target), named as the module's peer names it. */
  public Collector requestErrors(String name, String help) {
    return () -> CounterSnapshot.builder().name(name).help(help)
        .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(requestErrors.get()).build()).build();
  }

  /** Closes every target's engine, e.g. after a reload so that targets pick up the new definitions. */
  public synchronized void closeAll() {
    targets.values().forEach(Engine::retire);
    targets.clear();
  }

  /** Decodes {@code a=b&c=d}; the first of repeated names wins; a malformed escape is a bad request. */
  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.putIfAbsent(k, v);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed %-escape in the query: " + InputText.quote(pair));
      }
    }
    return out;
  }
}
