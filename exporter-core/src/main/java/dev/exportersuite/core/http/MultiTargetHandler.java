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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A multi-target endpoint ({@code /probe?target=...} for MySQL, {@code /scrape?target=...} for Redis): one
 * exporter serves many servers. The module first parses what selects a connection out of the request (its
 * {@link TargetOpener#select}); anything it refuses is an HTTP 400 before any connection is attempted. Each
 * selection gets its own engine, kept while it is scraped and closed when more than {@code maxTargets} others
 * have been used since.
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

  private final String targetParam;
  private final TargetOpener<K> opener;
  private final Map<K, Engine> targets;
  private final AtomicLong requestErrors = new AtomicLong();

  private record Engine(TargetMetrics collector, HttpHandler handler) {}

  public MultiTargetHandler(String targetParam, TargetOpener<K> opener, int maxTargets) {
    this.targetParam = targetParam;
    this.opener = opener;
    this.targets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Engine> eldest) {
        if (size() > maxTargets) {
          eldest.getValue().collector().engine().close();
          return true;
        }
        return false;
      }
    };
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Engine t;
    try {
      t = engine(params(exchange.getRequestURI().getRawQuery()));
    } catch (IllegalArgumentException e) {
      requestErrors.incrementAndGet();
      ExporterServer.send(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
      return;
    }
    t.handler().handle(exchange);
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

  private synchronized Engine engine(Map<String, String> params) {
    K key = opener.select(params);
    Engine t = targets.get(key);
    if (t == null) {
      TargetMetrics collector = opener.open(key);
      PrometheusRegistry registry = new PrometheusRegistry();
      registry.register(collector);
      t = new Engine(collector, new ScrapeHandler(registry));
      targets.put(key, t);
    }
    return t;
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
    targets.values().forEach(t -> t.collector().engine().close());
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
