package dev.exportersuite.core.testing;

import dev.exportersuite.core.collect.EngineSettings;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.ScrapeEngine;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.MetricsFileParser;
import dev.exportersuite.core.config.RequestParser;
import dev.exportersuite.core.config.YamlDocument;
import dev.exportersuite.core.http.ExporterServer;
import dev.exportersuite.core.http.ListenAddress;
import dev.exportersuite.core.snapshots.TargetMetrics;
import dev.exportersuite.core.snapshots.Redactor;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.util.List;

/**
 * An exporter wired in-process from an executor and metrics YAML, served on a free loopback port: the same
 * parts the command line wires, without the process around them.
 */
public final class RunningExporter<R> implements AutoCloseable {

  /** Requests as plain text, for in-memory executors. */
  public static final RequestParser<String> TEXT = text -> text;

  private final ScrapeEngine<R> engine;
  private final TargetMetrics collector;
  private final ExporterServer server;

  public RunningExporter(String namespace, RequestExecutor<R> executor, RequestParser<R> requests,
      String metricsYaml, EngineSettings settings, Labels constLabels) throws Exception {
    List<MetricDefinition<R>> defs = parse(requests, metricsYaml);
    engine = new ScrapeEngine<>(executor, defs, settings);
    collector = new TargetMetrics(namespace, engine, constLabels, new Redactor(executor.secrets()));
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(collector);
    server = ExporterServer.builder()
        .listen(new ListenAddress("127.0.0.1", 0))
        .registry(registry)
        .title("test exporter")
        .status(collector::status, collector::connectionError)
        .start();
  }

  public RunningExporter(String namespace, RequestExecutor<R> executor, RequestParser<R> requests,
      String metricsYaml) throws Exception {
    this(namespace, executor, requests, metricsYaml, EngineSettings.DEFAULTS, Labels.EMPTY);
  }

  public static <R> List<MetricDefinition<R>> parse(RequestParser<R> requests, String yaml) throws ConfigException {
    return new MetricsFileParser<>(requests).parse("test.yaml", YamlDocument.parse("test.yaml", yaml));
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  public String scrape() throws IOException, InterruptedException {
    Http.Response r = Http.get(url("/metrics"));
    if (r.status() != 200) {
      throw new IOException("scrape answered " + r.status() + ": " + r.body());
    }
    return r.body();
  }

  public Exposition scrapeParsed() throws IOException, InterruptedException {
    return Exposition.parse(scrape());
  }

  public ScrapeEngine<R> engine() {
    return engine;
  }

  public TargetMetrics collector() {
    return collector;
  }

  @Override
  public void close() {
    server.close();
    engine.close();
  }
}
