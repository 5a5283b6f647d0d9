package dev.exportersuite.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.exportersuite.core.snapshots.CollectorStatus;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every path but the metrics: the landing page, {@code /-/healthy}, {@code /-/ready}, {@code /-/reload} and the
 * module's routes such as {@code /probe}. Authentication, when configured, runs before this (a filter on the
 * whole context).
 */
final class Router implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  /** What the landing page shows. */
  record Page(String title, String telemetryPath, Supplier<String> configStatus,
      Supplier<List<CollectorStatus>> status, Supplier<Optional<String>> connectionError) {}

  private final Page page;
  private final Map<String, HttpHandler> routes;
  private final AtomicBoolean ready;
  /** Empty when there is nothing to reload; present but off without {@code --web.enable-lifecycle}. */
  private final Optional<Callable<String>> reload;
  private final boolean lifecycle;

  Router(Page page, Map<String, HttpHandler> routes, AtomicBoolean ready, Optional<Callable<String>> reload,
      boolean lifecycle) {
    this.page = page;
    this.routes = Map.copyOf(routes);
    this.ready = ready;
    this.reload = reload;
    this.lifecycle = lifecycle;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      HttpHandler route = routes.get(path);
      if (route != null) {
        route.handle(exchange);
      } else if (path.equals("/") || path.isEmpty()) {
        LandingPage landing = new LandingPage(page.title(), page.telemetryPath(), page.configStatus().get(),
            page.connectionError().get(), page.status().get());
        // Browsers ask for HTML; curl and scripts (Accept: */*) get one plain line per collector.
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.contains("text/html")) {
          ExporterServer.send(exchange, 200, "text/html; charset=utf-8", landing.html());
        } else {
          ExporterServer.send(exchange, 200, "text/plain; charset=utf-8", landing.text());
        }
      } else if (path.equals("/-/healthy")) {
        ExporterServer.send(exchange, 200, "text/plain; charset=utf-8", "Exporter is healthy.\n");
      } else if (path.equals("/-/ready")) {
        boolean ok = ready.get();
        ExporterServer.send(exchange, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "Exporter is Ready.\n"
            : "Exporter is reloading.\n");
      } else if (path.equals("/-/reload") && reload.isPresent()) {
        reload(exchange, reload.get());
      } else {
        ExporterServer.send(exchange, 404, "text/plain; charset=utf-8", "Not found: " + path + "\n");
      }
    } catch (RuntimeException e) {
      LOG.warn("request {} failed: {}", exchange.getRequestURI().getPath(), e.toString());
      ExporterServer.send(exchange, 500, "text/plain; charset=utf-8", "internal error\n");
    } finally {
      exchange.close();
    }
  }

  /** As Prometheus: POST or PUT, and only with {@code --web.enable-lifecycle} (403 otherwise). */
  private void reload(HttpExchange exchange, Callable<String> action) throws IOException {
    if (!exchange.getRequestMethod().equals("POST") && !exchange.getRequestMethod().equals("PUT")) {
      ExporterServer.send(exchange, 405, "text/plain; charset=utf-8", "use POST to reload\n");
      return;
    }
    if (!lifecycle) {
      ExporterServer.send(exchange, 403, "text/plain; charset=utf-8", "Lifecycle API is not enabled.\n");
      return;
    }
    try {
      ExporterServer.send(exchange, 200, "text/plain; charset=utf-8", action.call() + "\n");
    } catch (Exception e) {
      ExporterServer.send(exchange, 400, "text/plain; charset=utf-8", "reload refused, the previous config stays: "
          + e.getMessage() + "\n");
    }
  }
}
