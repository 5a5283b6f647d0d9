package dev.exportersuite.core.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.exportersuite.core.snapshots.CollectorStatus;
import dev.exportersuite.core.web.ServerTls;
import dev.exportersuite.core.web.TlsMaterialException;
import dev.exportersuite.core.web.WebConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the exporter: the metrics with the Prometheus client's scrape handler ({@link ScrapeHandler}: content
 * negotiation for text, OpenMetrics and protobuf, gzip, bounds printed as the Go exporters print them), and
 * {@code /}, {@code /-/healthy}, {@code /-/ready}, {@code /-/reload} and module routes such as {@code /probe}
 * ({@link Router}). With a web config: HTTPS, and a rate limit, response headers and basic authentication in
 * front of every path, in the toolkit's order.
 */
public final class ExporterServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExporterServer.class);

  private final HttpServer server;
  private final ExecutorService workers;
  private final AtomicBoolean ready;

  private ExporterServer(HttpServer server, ExecutorService workers, AtomicBoolean ready) {
    this.server = server;
    this.workers = workers;
    this.ready = ready;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code /-/ready} answers 503 while false, e.g. during a reload. */
  public void setReady(boolean value) {
    ready.set(value);
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  public static final class Builder {
    private ListenAddress address = new ListenAddress("0.0.0.0", 0);
    private String telemetryPath = "/metrics";
    private PrometheusRegistry registry;
    private String title = "Exporter";
    private Supplier<List<CollectorStatus>> status = List::of;
    private Supplier<Optional<String>> connectionError = Optional::empty;
    private Supplier<String> configStatus = () -> "";
    private Callable<String> reload;
    private boolean lifecycle;
    private WebConfig web = WebConfig.NONE;
    private HttpLimits limits = HttpLimits.DEFAULT;
    private final Map<String, HttpHandler> routes = new LinkedHashMap<>();

    public Builder listen(ListenAddress value) {
      this.address = value;
      return this;
    }

    public Builder telemetryPath(String value) {
      if (!value.startsWith("/") || value.equals("/")) {
        throw new IllegalArgumentException("the telemetry path must start with / and name a page other than the "
            + "landing page, got '" + value + "'");
      }
      this.telemetryPath = value;
      return this;
    }

    public Builder registry(PrometheusRegistry value) {
      this.registry = value;
      return this;
    }

    public Builder title(String value) {
      this.title = value;
      return this;
    }

    public Builder status(Supplier<List<CollectorStatus>> value, Supplier<Optional<String>> connection) {
      this.status = value;
      this.connectionError = connection;
      return this;
    }

    /** One line on the landing page about the metrics files: when loaded, whether the last reload was refused. */
    public Builder configStatus(Supplier<String> value) {
      this.configStatus = value;
      return this;
    }

    /** POST {@code /-/reload} runs this; it returns a message or throws with the reason the old config stays. */
    public Builder reload(Callable<String> value) {
      this.reload = value;
      return this;
    }

    /** {@code --web.enable-lifecycle}: without it POST {@code /-/reload} answers 403, as in Prometheus. */
    public Builder lifecycle(boolean value) {
      this.lifecycle = value;
      return this;
    }

    /** TLS, basic authentication, headers and rate limit of {@code --web.config.file}. */
    public Builder web(WebConfig value) {
      this.web = value;
      return this;
    }

    public Builder route(String path, HttpHandler handler) {
      routes.put(path, handler);
      return this;
    }

    /** A multi-target endpoint: runs at most {@link HttpLimits#multiTargetInFlight()} requests at once. */
    public Builder multiTargetRoute(String path, HttpHandler handler) {
      return route(path, new InFlightLimit(path, limits.multiTargetInFlight(), handler));
    }

    /** Threads, connections and timeouts; {@link HttpLimits#DEFAULT} unless a test needs others. */
    public Builder limits(HttpLimits value) {
      this.limits = value;
      return this;
    }

    /**
     * @throws TlsMaterialException when the certificate or key cannot be used (they are checked with the config,
     *     but may have changed since)
     */
    public ExporterServer start() throws IOException, TlsMaterialException {
      if (registry == null) {
        throw new IllegalStateException("registry is required");
      }
      limits.applyToJdkServer();
      AtomicBoolean ready = new AtomicBoolean(true);
      InetSocketAddress bind = new InetSocketAddress(address.host(), address.port());
      HttpServer server;
      if (web.tls().isPresent()) {
        ServerTls tls = ServerTls.of(web.tls().get());
        HttpsServer https = HttpsServer.create(bind, 64);
        https.setHttpsConfigurator(tls.configurator());
        LOG.info("TLS is enabled: {}", tls.describe());
        server = https;
      } else {
        server = HttpServer.create(bind, 64);
      }
      // Threads are made when needed and end after 30 s idle. When all are busy the new connection is closed (the
      // JDK server closes it when the pool refuses it): never run it on the server's one accepting thread, which
      // would stop every other connection while a slow client dawdles.
      AtomicInteger n = new AtomicInteger();
      ExecutorService workers = new ThreadPoolExecutor(2, limits.workers(), 30, TimeUnit.SECONDS,
          new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          }, new ThreadPoolExecutor.AbortPolicy());
      server.setExecutor(workers);
      Router router = new Router(new Router.Page(title, telemetryPath, configStatus, status, connectionError), routes, ready,
          Optional.ofNullable(reload), lifecycle);
      // One set of filters for both contexts: the rate limit's bucket is shared by every path.
      List<Filter> filters = filters();
      server.createContext(telemetryPath, new ScrapeHandler(registry)).getFilters().addAll(filters);
      server.createContext("/", router).getFilters().addAll(filters);
      server.start();
      return new ExporterServer(server, workers, ready);
    }

    /** The toolkit's order: rate limit, then headers (so that a 401 has them too), then authentication. */
    private List<Filter> filters() {
      List<Filter> out = new ArrayList<>();
      web.rateLimit().ifPresent(r -> out.add(new RateLimitFilter(r)));
      if (!web.headers().isEmpty()) {
        out.add(new ResponseHeadersFilter(web.headers()));
      }
      if (web.users().enabled()) {
        out.add(new BasicAuthFilter(web.users()));
      }
      return out;
    }
  }

  static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
