package dev.exportersuite.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.exportersuite.core.snapshots.ExporterCollector;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
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
 * The multi-target endpoint ({@code /probe?target=...} for MySQL, {@code /scrape?target=...} for Redis): one
 * exporter serves many servers. Each target gets its own engine, kept while it is scraped and closed when
 * more than {@code maxTargets} others have been used since.
 */
public final class ProbeHandler implements HttpHandler {

  /** Opens the collector for one target; throws IllegalArgumentException with a message for a bad request. */
  public interface TargetOpener {
    ExporterCollector open(Map<String, String> params);
  }

  private final String targetParam;
  private final TargetOpener opener;
  private final Map<String, Target> targets;
  private final AtomicLong requestErrors = new AtomicLong();

  private record Target(ExporterCollector collector, MetricsHandler handler) {}

  public ProbeHandler(String targetParam, TargetOpener opener, int maxTargets) {
    this.targetParam = targetParam;
    this.opener = opener;
    this.targets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Target> eldest) {
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
    Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
    String target = params.get(targetParam);
    if (target == null || target.isBlank()) {
      requestErrors.incrementAndGet();
      ExporterServer.send(exchange, 400, "text/plain; charset=utf-8",
          "missing the '" + targetParam + "' parameter, e.g. ?" + targetParam + "=host:port\n");
      return;
    }
    Target t;
    try {
      t = target(params);
    } catch (IllegalArgumentException e) {
      requestErrors.incrementAndGet();
      ExporterServer.send(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
      return;
    }
    t.handler().handle(exchange);
  }

  private synchronized Target target(Map<String, String> params) {
    // The key leaves out parameters the metrics handler reads itself (name[] filters, debug).
    Map<String, String> identity = new LinkedHashMap<>(params);
    identity.keySet().removeIf(k -> k.equals("name[]") || k.equals("debug"));
    String key = identity.toString();
    Target t = targets.get(key);
    if (t == null) {
      ExporterCollector collector = opener.open(params);
      PrometheusRegistry registry = new PrometheusRegistry();
      registry.register(collector);
      t = new Target(collector, new MetricsHandler(registry));
      targets.put(key, t);
    }
    return t;
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

  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(k, v);
    }
    return out;
  }
}
