package dev.exportersuite.e2e;

import dev.exportersuite.core.testing.FreePort;
import dev.exportersuite.core.testing.Http;
import java.io.IOException;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The stack of configs/docker-compose.yml, as processes on loopback: every exporter started from its jar with the
 * flags and environment of its compose service (and the JVM flags of the Dockerfile), against the real local
 * MariaDB and Redis and a real Kafka broker in this JVM ({@link KafkaBroker}, with the topics and groups of
 * {@link KafkaWorkload}), and a real Prometheus with a config derived from configs/prometheus/prometheus.yml. Started
 * once for all test classes that take it as a parameter, stopped when the run ends (or by a shutdown hook).
 */
final class LiveStack implements AutoCloseable {

  /**
   * JUnit glue: {@code @ExtendWith(LiveStack.Extension.class)} and a {@code LiveStack} parameter. The stack starts
   * once per run and is closed with the root context (JUnit closes AutoCloseable store values). A stack that did not
   * come up is not tried again for every test: they all fail at once with the first reason.
   */
  static final class Extension implements ParameterResolver {
    private static LiveStack started;
    private static RuntimeException failed;

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == LiveStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
      synchronized (Extension.class) {
        if (failed != null) {
          throw new IllegalStateException("the e2e stack did not come up (first failure): " + failed.getMessage(),
              failed);
        }
        if (started == null) {
          try {
            started = LiveStack.start();
          } catch (RuntimeException e) {
            failed = e;
            throw e;
          }
          c.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(LiveStack.class, started);
        }
        return started;
      }
    }
  }

  static final String MYSQL = "127.0.0.1:3306";
  static final String REDIS = "127.0.0.1:6379";
  private static final String KAFKA = "kafka-exporter";
  /** Scrape interval of the derived config: short, so that rate() over a minute has points within seconds. */
  static final String INTERVAL = "3s";

  private final Path dir;
  private final Processes processes;
  private final Map<String, Integer> exporterPorts = new LinkedHashMap<>();
  /**
   * The MariaDB account of this run: a name of its own, since the server may already have an 'exporter' account
   * (many do, often for 127.0.0.1, which would win over '%'), dropped at the end.
   */
  private final String mysqlUser = "e2e_" + Long.toHexString(new SecureRandom().nextLong() & 0xffffffffL);
  private final String mysqlPassword = "pw-" + Long.toHexString(new SecureRandom().nextLong());
  /**
   * The compose file read as a user with MYSQL_USER, MYSQL_PASSWORD, KAFKA_HOST and KAFKA_PORT in configs/.env would
   * have it; set once the broker has its port.
   */
  private Compose compose;
  private CompletableFuture<Void> kafkaStart;
  private volatile KafkaBroker kafkaBroker;
  private volatile KafkaWorkload kafka;
  /** Config directories as mounted; mysql-exporter's is a copy whose my.cnf holds this run's account. */
  private final Map<String, Path> configDirs = new LinkedHashMap<>();
  private Addresses addresses;
  /** A redis-exporter behind TLS and basic auth, scraped by its own job (not part of the compose stack). */
  private SecureExporter secure;
  private String prometheusConfig;
  private PromApi prometheus;

  private LiveStack(Path dir) throws IOException {
    this.dir = dir;
    this.processes = new Processes(dir.resolve("logs"));
  }

  static LiveStack start() {
    LiveStack stack = null;
    try {
      Path dir = Files.createDirectories(Repo.path("e2e-tests/target/e2e"));
      stack = new LiveStack(Files.createTempDirectory(dir, "run-"));
      stack.boot();
      return stack;
    } catch (Throwable t) {
      String report = stack == null ? "" : stack.processes.report();
      if (stack != null) {
        stack.close();
      }
      throw new IllegalStateException("the e2e stack did not come up: " + t.getMessage() + report, t);
    }
  }

  private void boot() throws Exception {
    for (Repo.Module m : Repo.MODULES) {
      if (!Files.isRegularFile(m.jar())) {
        throw new IllegalStateException(m.jar() + " is missing: build the modules first (scripts/test.sh does)");
      }
    }
    long t0 = System.nanoTime();
    // The broker starts while the other exporters do; only kafka-exporter's command needs its address.
    kafkaStart = CompletableFuture.runAsync(() -> {
      try {
        kafkaBroker = KafkaBroker.start();
        kafka = KafkaWorkload.start(kafkaBroker);
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    });
    createDemoUser();
    Map<String, String> variables = new LinkedHashMap<>(Map.of("MYSQL_USER", mysqlUser, "MYSQL_PASSWORD",
        mysqlPassword));
    compose = Compose.shipped().withVariables(variables);
    for (Repo.Module m : Repo.MODULES) {
      configDirs.put(m.name(), m.configDir());
    }
    configDirs.put("mysql-exporter", mysqlConfigCopy());
    int promPort = FreePort.pick();
    addresses = new Addresses()
        .put("localhost:9090", "127.0.0.1:" + promPort)
        .put("redis://redis:6379", "redis://" + REDIS)
        .put("redis:6379", REDIS)
        .put("mysql:3306", MYSQL)
        // No Oracle server can run here: the compose DSN's oracle:1521 becomes a loopback port where nothing
        // listens (picked free, never bound), so oracle-exporter answers with oracledb_up 0 and its self-metrics.
        .put("oracle:1521", "127.0.0.1:" + FreePort.pick());
    for (Repo.Module m : Repo.MODULES) {
      int port = FreePort.pick();
      exporterPorts.put(m.name(), port);
      addresses.put(m.name() + ":" + m.defaultPort(), "127.0.0.1:" + port);
    }
    for (Repo.Module m : Repo.MODULES) {
      if (!m.name().equals(KAFKA)) {
        startExporter(m);
      }
    }
    awaitKafka();
    long kafkaReady = System.nanoTime();
    variables.put("KAFKA_HOST", kafkaBroker.host());
    variables.put("KAFKA_PORT", kafkaBroker.port());
    compose = compose.withVariables(variables);
    startExporter(Repo.MODULES.stream().filter(m -> m.name().equals(KAFKA)).findFirst().orElseThrow());
    secure = new SecureExporter(dir.resolve("web-tls"));
    secure.start(processes, "redis://" + REDIS);
    for (Repo.Module m : Repo.MODULES) {
      awaitHttp200(m.name(), exporterUrl(m.name(), "/-/healthy"), Duration.ofSeconds(60));
    }
    secure.awaitServing(Duration.ofSeconds(60));
    long exportersUp = System.nanoTime();

    prometheusConfig = PrometheusConfig.withJob(PrometheusConfig.derive(PrometheusConfig.shipped(), addresses,
        INTERVAL, compose.services().keySet()), secure.job());
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, prometheusConfig, StandardCharsets.UTF_8);
    Tools.Result check = Tools.run(Duration.ofSeconds(60), "promtool", "check", "config", config.toString());
    if (check.exitCode() != 0) {
      throw new IllegalStateException("promtool rejects the derived config:\n" + check.output() + "\n"
          + prometheusConfig);
    }
    processes.start("prometheus", List.of("prometheus",
        "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("tsdb"),
        "--storage.tsdb.retention.time=1h",
        "--web.listen-address=127.0.0.1:" + promPort,
        "--web.enable-lifecycle"), Map.of());
    prometheus = new PromApi("http://127.0.0.1:" + promPort);
    awaitHttp200("prometheus", prometheus.base() + "/-/ready", Duration.ofSeconds(60));
    awaitScrapes();
    // Where the start-up time goes, in the test output: the e2e run's length is mostly this.
    System.err.printf(Locale.ROOT, "e2e: stack up in %.1f s (Kafka broker and its topics ready after %.1f s, "
        + "exporters answering after %.1f s, then Prometheus's first scrapes %.1f s)%n", seconds(t0, System.nanoTime()),
        seconds(t0, kafkaReady), seconds(t0, exportersUp), seconds(exportersUp, System.nanoTime()));
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }

  /** The broker started by boot() and its workload created, or the reason they were not. */
  private void awaitKafka() throws Exception {
    try {
      kafkaStart.get(120, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
          : e.getCause();
      throw new IllegalStateException("the in-process Kafka broker did not start: " + cause, cause);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the in-process Kafka broker did not start within 120 s", e);
    }
  }

  /**
   * The account of configs/mysql-exporter/demo-init.sql (its grants exactly), under this run's name and password,
   * which the compose flags (MYSQL_USER, MYSQL_PASSWORD) and the copy of my.cnf log in as.
   */
  private void createDemoUser() throws SQLException {
    String sql = Repo.read(Repo.path("configs/mysql-exporter/demo-init.sql"))
        .replace("'exporter'@'%'", "'" + mysqlUser + "'@'%'")
        .replace("IDENTIFIED BY 'exporter'", "IDENTIFIED BY '" + mysqlPassword + "'");
    if (sql.contains("'exporter'")) {
      throw new IllegalStateException("demo-init.sql names the account in a way this test does not rewrite");
    }
    try (Connection c = DriverManager.getConnection("jdbc:mysql://" + MYSQL + "/?user=root&password=");
        Statement st = c.createStatement()) {
      for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          st.execute(statement.trim());
        }
      }
    }
  }

  private void dropDemoUser() {
    try (Connection c = DriverManager.getConnection("jdbc:mysql://" + MYSQL + "/?user=root&password=");
        Statement st = c.createStatement()) {
      st.execute("DROP USER IF EXISTS '" + mysqlUser + "'@'%'");
    } catch (SQLException e) {
      System.err.println("e2e: could not drop the account " + mysqlUser + ": " + e.getMessage());
    }
  }

  /** configs/mysql-exporter as mounted, with my.cnf's user and password those of this run. */
  private Path mysqlConfigCopy() throws IOException {
    Repo.Module mysql = Repo.MODULES.stream().filter(m -> m.name().equals("mysql-exporter")).findFirst()
        .orElseThrow();
    Path copy = Files.createDirectories(dir.resolve("mysql-exporter-config"));
    try (var files = Files.list(mysql.configDir())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (f.getFileName().toString().equals("my.cnf")) {
          text = text.replace("user = exporter", "user = " + mysqlUser)
              .replace("password = exporter", "password = " + mysqlPassword);
        }
        Files.writeString(copy.resolve(f.getFileName()), text, StandardCharsets.UTF_8);
      }
    }
    return copy;
  }

  private void startExporter(Repo.Module m) throws IOException {
    String service = m.name();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Tools.dockerfileJavaOpts());
    command.add("-jar");
    command.add(m.jar().toString());
    for (String arg : compose.command(service)) {
      command.add(localize(m, arg));
    }
    command.add("--web.listen-address=127.0.0.1:" + exporterPorts.get(m.name()));
    Map<String, String> env = new LinkedHashMap<>();
    compose.environment(service).forEach((k, v) -> env.put(k, localize(m, v)));
    processes.start(m.name(), command, env);
  }

  /** A value of the compose service as it reads on this machine: local addresses, configs/ for /etc/. */
  private String localize(Repo.Module m, String value) {
    return addresses.rewrite(value.replace("/etc/" + m.name(), configDirs.get(m.name()).toString()));
  }

  private void awaitHttp200(String what, String url, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (Processes.Started s : processes.all()) {
        if (!s.process().isAlive()) {
          throw new IllegalStateException(s.name() + " exited with " + s.process().exitValue());
        }
      }
      try {
        Http.Response r = Http.get(url);
        if (r.status() == 200) {
          return;
        }
        last = r.status() + " " + r.body();
      } catch (IOException e) {
        last = e.toString();
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new IllegalStateException(what + " did not answer 200 at " + url + " within " + timeout + ": " + last);
  }

  /**
   * Every target up, and each scraped a few times, so that rate() has points; and every exporter whose server runs
   * here has reached it in two scrapes at least (kafka-exporter's first scrape may come before the broker answers).
   */
  private void awaitScrapes() throws Exception {
    Set<String> jobs = new LinkedHashSet<>(jobNames());
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String state = "";
    while (System.nanoTime() < deadline) {
      List<Map<String, Object>> targets = prometheus.activeTargets();
      Set<String> seen = new LinkedHashSet<>();
      boolean allUp = !targets.isEmpty();
      StringBuilder b = new StringBuilder();
      for (Map<String, Object> t : targets) {
        seen.add(String.valueOf(t.get("scrapePool")));
        allUp &= "up".equals(t.get("health"));
        b.append(t.get("scrapeUrl")).append(' ').append(t.get("health")).append(' ').append(t.get("lastError"))
            .append('\n');
      }
      state = b.toString();
      if (allUp && seen.containsAll(jobs)) {
        PromApi.Answer a = prometheus.query("min(count_over_time(up[1m]))");
        if (a.ok() && !a.result().isEmpty() && sampleValue(a.result().get(0)) >= 4 && serversReachedTwice()) {
          return;
        }
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new IllegalStateException("Prometheus's targets did not all come up, or an exporter did not reach its "
        + "server in two scrapes:\n" + state);
  }

  private boolean serversReachedTwice() throws IOException, InterruptedException {
    for (Repo.Module m : Repo.MODULES) {
      if (m.serverInTests()) {
        PromApi.Answer a = prometheus.query("min(sum_over_time(" + m.namespace() + "_up[1m]))");
        if (!a.ok() || a.result().isEmpty() || sampleValue(a.result().get(0)) < 2) {
          return false;
        }
      }
    }
    return true;
  }

  static double sampleValue(Object vectorSample) {
    List<Object> value = Repo.list(Repo.map(vectorSample).get("value"));
    return Double.parseDouble(String.valueOf(value.get(1)));
  }

  PromApi prometheus() {
    return prometheus;
  }

  /** The jobs Prometheus scrapes: those of the shipped config and the TLS one. */
  static List<String> jobNames() {
    List<String> jobs = new ArrayList<>(PrometheusConfig.jobNames(PrometheusConfig.shipped()));
    jobs.add(SecureExporter.JOB);
    return jobs;
  }

  SecureExporter secure() {
    return secure;
  }

  String prometheusConfig() {
    return prometheusConfig;
  }

  Addresses addresses() {
    return addresses;
  }

  String exporterUrl(String module, String path) {
    return "http://127.0.0.1:" + exporterPorts.get(module) + path;
  }

  /** The topics and groups of this run on the broker kafka-exporter watches. */
  KafkaWorkload kafka() {
    return kafka;
  }

  String report() {
    return processes.report() + (kafka == null ? "" : "\n--- kafka workload: " + kafka.state());
  }

  /**
   * Every URL Prometheus scrapes for the shipped config's jobs, from its targets API (single-target /metrics and
   * multi-target endpoints); the TLS job's is left out (its output is that of the redis job, behind credentials).
   */
  List<String> scrapeUrls() throws IOException, InterruptedException {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> t : prometheus.activeTargets()) {
      if (!SecureExporter.JOB.equals(t.get("scrapePool"))) {
        out.add(String.valueOf(t.get("scrapeUrl")));
      }
    }
    return out;
  }

  @Override
  public void close() {
    if (kafkaStart != null) {
      try {
        kafkaStart.get(120, TimeUnit.SECONDS); // a boot that failed early did not wait for it
      } catch (Exception e) {
        // boot() reports the failure; what was made is closed below
      }
    }
    if (kafka != null) {
      kafka.close();
    }
    processes.close();
    if (kafkaBroker != null) {
      try {
        kafkaBroker.close();
      } catch (Exception e) {
        System.err.println("e2e: the Kafka broker did not close cleanly: " + e);
      }
    }
    dropDemoUser();
  }

  /** A metric family name in a PromQL text or a dashboard: one of the suite's namespaces and a name. */
  static Set<String> suiteMetricNames(String promql) {
    StringBuilder ns = new StringBuilder();
    for (Repo.Module m : Repo.MODULES) {
      ns.append(ns.length() == 0 ? "" : "|").append(Pattern.quote(m.namespace()));
    }
    Matcher matcher = Pattern.compile("(?<![\\w$:])((?:" + ns + ")_[a-zA-Z0-9_:]+)(?!\\s*(?:=|!=|=~|!~)\")")
        .matcher(promql);
    Set<String> out = new LinkedHashSet<>();
    while (matcher.find()) {
      out.add(matcher.group(1));
    }
    return out;
  }
}
