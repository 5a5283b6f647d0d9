package dev.exportersuite.kafka;

import com.yammer.metrics.core.Meter;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;

/**
 * The Kafka scrape benchmark, run by {@code bench/kafka/bench.sh} (not a test: no test runner picks it up). It starts
 * a KRaft cluster in this JVM (Kafka's test kit: one controller and some brokers on loopback ports), makes topics,
 * records and consumer groups with committed offsets, starts the exporter jar in its own JVM against it, and prints
 * per configuration: the median time of 5 scrapes of /metrics, the requests the brokers received per scrape (their
 * own request meters, by API), the bytes they sent to consumers per scrape, the series count and the exporter's
 * resident memory.
 *
 * <p>Usage: {@code KafkaBench JAR JAVA_OPTS BROKERS TOPICS PARTITIONS_PER_TOPIC GROUPS TOPICS_PER_GROUP}; with
 * {@code serve} for JAR, it only makes the cluster, prints its address and keeps it until standard input closes (to
 * profile an exporter by hand).
 */
public final class KafkaBench {

  /**
   * Requests the brokers make among themselves (KRaft, heartbeats): not the exporter's. The Fetch meter counts the
   * brokers' KRaft fetches too; FetchConsumer counts only consumers' (the exporter's, with --lag.seconds).
   */
  private static final Set<String> INTERNAL = Set.of("Fetch", "FetchFollower", "BrokerHeartbeat",
      "BrokerRegistration", "Vote", "BeginQuorumEpoch", "EndQuorumEpoch", "DescribeQuorum", "ApiVersions");

  private static final int RECORDS_PER_PARTITION = 20;
  private static final int SCRAPES = 5;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Figures(String name, double medianSeconds, double minSeconds, double maxSeconds, double cpuSeconds,
      Map<String, Double> requests, double bytesOut, long series, double rssMiB) {}

  public static void main(String[] args) throws Exception {
    String jar = args[0];
    String javaOpts = args[1];
    int brokers = Integer.parseInt(args[2]);
    int topics = Integer.parseInt(args[3]);
    int partitions = Integer.parseInt(args[4]);
    int groups = Integer.parseInt(args[5]);
    int topicsPerGroup = Integer.parseInt(args[6]);

    long t0 = System.nanoTime();
    try (KafkaClusterTestKit cluster = start(brokers)) {
      String bootstrap = cluster.bootstrapServers();
      log("cluster of %d brokers up in %.0fs", brokers, secondsSince(t0));
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        int committed = setUp(admin, bootstrap, topics, partitions, groups, topicsPerGroup);
        log("%d topics x %d partitions, %d groups with %d committed offsets, made in %.0fs", topics, partitions,
            groups, committed, secondsSince(t0));
        System.out.printf(Locale.ROOT, "setup: %d brokers, %d topics x %d partitions = %d partitions, %d records "
            + "each, %d consumer groups (no members) with %d committed offsets%n", brokers, topics, partitions,
            topics * partitions, RECORDS_PER_PARTITION, groups, committed);
      }
      if (jar.equals("serve")) {
        // For profiling by hand: the cluster stays until standard input closes.
        System.out.println("bootstrap: " + bootstrap);
        System.out.flush();
        while (System.in.read() >= 0) {
          // wait
        }
        return;
      }
      int all = topics * partitions;
      List<Figures> figures = new ArrayList<>();
      figures.add(measure("default", jar, javaOpts, bootstrap, List.of()));
      List<String> lag = List.of("--lag.seconds", "--lag.seconds.max-partitions=" + all);
      figures.add(measure("lag.seconds", jar, javaOpts, bootstrap, lag));
      if (javaOpts.contains("-Xmx128m")) {
        // What the README advises for --lag.seconds on thousands of lagging partitions: a 256 MB heap.
        figures.add(measure("lag.256m", jar, javaOpts.replace("-Xmx128m", "-Xmx256m"), bootstrap, lag));
      }
      print(figures);
    }
  }

  private static KafkaClusterTestKit start(int brokers) throws Exception {
    TestKitNodes nodes = new TestKitNodes.Builder().setCombined(false).setNumControllerNodes(1)
        .setNumBrokerNodes(brokers).build();
    KafkaClusterTestKit.Builder b = new KafkaClusterTestKit.Builder(nodes);
    // Kafka's defaults, but for replication: one copy of everything, as the tests' broker.
    Map<String, Object> props = Map.of(
        "offsets.topic.replication.factor", "1",
        "transaction.state.log.replication.factor", "1",
        "transaction.state.log.min.isr", "1",
        "share.coordinator.state.topic.replication.factor", "1",
        "share.coordinator.state.topic.min.isr", "1",
        "default.replication.factor", "1",
        "group.initial.rebalance.delay.ms", "0");
    props.forEach(b::setConfigProp);
    KafkaClusterTestKit cluster = b.build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /**
   * Topics {@code bench-000} ..., each partition with {@link #RECORDS_PER_PARTITION} records an hour to a minute old;
   * groups {@code bench-group-000} ..., each committed on {@code topicsPerGroup} topics: every other partition at
   * its end (lag 0), the others half-way (lag 10), so that every partition has a group that lags.
   *
   * @return how many offsets were committed
   */
  private static int setUp(Admin admin, String bootstrap, int topics, int partitions, int groups, int topicsPerGroup)
      throws Exception {
    List<String> names = new ArrayList<>();
    for (int t = 0; t < topics; t++) {
      names.add(String.format(Locale.ROOT, "bench-%03d", t));
    }
    for (int i = 0; i < names.size(); i += 50) {
      List<NewTopic> batch = names.subList(i, Math.min(names.size(), i + 50)).stream()
          .map(n -> new NewTopic(n, partitions, (short) 1)).toList();
      admin.createTopics(batch).all().get(120, TimeUnit.SECONDS);
    }
    awaitLeaders(admin, names, partitions);

    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    long now = System.currentTimeMillis();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      for (String topic : names) {
        for (int part = 0; part < partitions; part++) {
          for (int r = 0; r < RECORDS_PER_PARTITION; r++) {
            long age = TimeUnit.MINUTES.toMillis(60 - r * 3L);
            producer.send(new ProducerRecord<>(topic, part, now - age, null, "record " + r + " of " + topic));
          }
        }
      }
      producer.flush();
    }

    int committed = 0;
    for (int g = 0; g < groups; g++) {
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      for (int k = 0; k < topicsPerGroup; k++) {
        String topic = names.get((g * 3 + k) % topics);
        for (int part = 0; part < partitions; part++) {
          long at = (part + g) % 2 == 0 ? RECORDS_PER_PARTITION : RECORDS_PER_PARTITION / 2;
          offsets.put(new TopicPartition(topic, part), new OffsetAndMetadata(at));
        }
      }
      admin.alterConsumerGroupOffsets(String.format(Locale.ROOT, "bench-group-%03d", g), offsets).all()
          .get(60, TimeUnit.SECONDS);
      committed += offsets.size();
    }
    return committed;
  }

  private static void awaitLeaders(Admin admin, List<String> names, int partitions) throws Exception {
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (true) {
      boolean ready;
      try {
        var described = admin.describeTopics(names).allTopicNames().get(60, TimeUnit.SECONDS);
        ready = described.values().stream().allMatch(d -> d.partitions().size() == partitions
            && d.partitions().stream().allMatch(x -> x.leader() != null && !x.leader().isEmpty()));
      } catch (java.util.concurrent.ExecutionException e) {
        ready = false; // a broker does not know every new topic yet
      }
      if (ready) {
        return;
      }
      if (System.nanoTime() > until) {
        throw new IllegalStateException("partitions without a leader after 2 minutes");
      }
      Thread.sleep(200);
    }
  }

  /** Starts the exporter jar with these flags, scrapes it, stops it. */
  private static Figures measure(String name, String jar, String javaOpts, String bootstrap, List<String> flags)
      throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(javaOpts.trim().split("\\s+")));
    cmd.addAll(List.of("-jar", jar, "--kafka.server=" + bootstrap, "--web.listen-address=127.0.0.1:" + port,
        "--log.level=warn"));
    cmd.addAll(flags);
    File log = File.createTempFile("kafka-bench-exporter-", ".log");
    log.deleteOnExit();
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log);
    pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
    Process exporter = pb.start();
    Runtime.getRuntime().addShutdownHook(new Thread(exporter::destroyForcibly));
    try {
      String url = "http://127.0.0.1:" + port + "/metrics";
      awaitUp(url, exporter, log);
      // Warm-up: the first scrape reads the topic layout (kept --refresh.metadata, 30s) and the JIT compiles.
      try {
        for (int i = 0; i < 2; i++) {
          scrape(url);
        }
      } catch (java.io.IOException e) {
        exporter.waitFor(5, TimeUnit.SECONDS);
        throw new IllegalStateException(name + ": the exporter did not answer a scrape" + (exporter.isAlive() ? ""
            : " (exit " + exporter.exitValue() + ")") + "; its log:\n" + Files.readString(log.toPath()), e);
      }
      Map<String, Long> before = BrokerRequests.count();
      long bytesBefore = bytesOut();
      List<Double> times = new ArrayList<>();
      String body = "";
      double cpu0 = cpuSeconds(exporter.pid());
      for (int i = 0; i < SCRAPES; i++) {
        long t = System.nanoTime();
        body = scrape(url);
        times.add(secondsSince(t));
      }
      double cpu = (cpuSeconds(exporter.pid()) - cpu0) / SCRAPES;
      // The brokers count a request when its answer is sent, a moment after the client has it.
      Thread.sleep(500);
      Map<String, Double> perScrape = new TreeMap<>();
      BrokerRequests.count().forEach((api, n) -> {
        long d = n - before.getOrDefault(api, 0L);
        if (d != 0 && !INTERNAL.contains(api)) {
          perScrape.put(api, d / (double) SCRAPES);
        }
      });
      double bytes = (bytesOut() - bytesBefore) / (double) SCRAPES;
      long series = body.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
      String errors = body.lines().filter(l -> l.startsWith("kafka_exporter_scrape_errors_total")
          && !l.endsWith(" 0.0") && !l.endsWith(" 0")).findFirst().orElse("");
      if (!errors.isEmpty()) {
        log("%s: a collector failed: %s (exporter log: %s)", name, errors, Files.readString(log.toPath()));
      }
      double rss = rssMiB(exporter.pid());
      List<Double> sorted = new ArrayList<>(times);
      Collections.sort(sorted);
      return new Figures(name, sorted.get(SCRAPES / 2), sorted.get(0), sorted.get(SCRAPES - 1), cpu, perScrape,
          bytes, series, rss);
    } finally {
      exporter.destroy();
      if (!exporter.waitFor(10, TimeUnit.SECONDS)) {
        exporter.destroyForcibly();
      }
    }
  }

  private static void awaitUp(String url, Process exporter, File log) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      if (!exporter.isAlive()) {
        throw new IllegalStateException("the exporter stopped: " + Files.readString(log.toPath()));
      }
      try {
        HTTP.send(HttpRequest.newBuilder(URI.create(url.replace("/metrics", "/-/healthy"))).build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("the exporter did not answer within 30s");
  }

  private static String scrape(String url) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode());
    }
    return r.body();
  }

  /** Bytes the brokers sent in answers to consumers' Fetches, all topics. */
  private static long bytesOut() {
    long[] sum = {0};
    KafkaYammerMetrics.defaultRegistry().allMetrics().forEach((n, m) -> {
      if ("BrokerTopicMetrics".equals(n.getType()) && "BytesOutPerSec".equals(n.getName())
          && !n.getMBeanName().contains("topic=") && m instanceof Meter meter) {
        sum[0] += meter.count();
      }
    });
    return sum[0];
  }

  /** The process's CPU time (user and system, its GC included), from /proc. */
  private static double cpuSeconds(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // Fields 14 and 15 of proc(5), counted from the state (field 3) here; in clock ticks of 1/100 s.
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  private static double rssMiB(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  private static void print(List<Figures> figures) {
    System.out.printf(Locale.ROOT, "%-12s %9s %9s %9s %9s %9s %12s %8s %8s%n", "exporter", "median s", "min s",
        "max s", "cpu s/scr", "req/scr", "KiB out/scr", "series", "RSS MiB");
    for (Figures f : figures) {
      double total = f.requests().values().stream().mapToDouble(Double::doubleValue).sum();
      System.out.printf(Locale.ROOT, "%-12s %9.3f %9.3f %9.3f %9.3f %9.1f %12.1f %8d %8.1f%n", f.name(),
          f.medianSeconds(), f.minSeconds(), f.maxSeconds(), f.cpuSeconds(), total, f.bytesOut() / 1024, f.series(),
          f.rssMiB());
    }
    for (Figures f : figures) {
      StringBuilder s = new StringBuilder();
      f.requests().forEach((api, n) -> s.append(String.format(Locale.ROOT, " %s=%.1f", api, n)));
      System.out.printf("requests per scrape, %s:%s%n", f.name(), s);
    }
  }

  private static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  private static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, "bench: " + format + "%n", args);
  }
}
