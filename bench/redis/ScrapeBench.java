import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Scrape benchmark of two running Redis exporters against the same server, one after the other so they do not
 * compete for the CPU: latency (median, p99) with 1 and 8 concurrent scrapers, scrapes per second, commands per
 * scrape (Redis's own total_commands_processed) and resident memory after warm-up.
 *
 * <p>Usage: java -cp redis-exporter.jar ScrapeBench.java SECONDS REDIS_URI name url pid [name url pid]
 */
public class ScrapeBench {

  record Target(String name, String url, long pid) {}

  record Figures(double p50ms1, double p99ms1, double rate1, double p50ms8, double p99ms8, double rate8,
      double commands, double rssMiB) {}

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    int seconds = Integer.parseInt(args[0]);
    String server = args[1];
    List<Target> targets = new ArrayList<>();
    for (int i = 2; i + 2 < args.length; i += 3) {
      targets.add(new Target(args[i], args[i + 1], Long.parseLong(args[i + 2])));
    }
    List<Figures> figures = new ArrayList<>();
    RedisClient client = RedisClient.create(server);
    try (StatefulRedisConnection<String, String> redis = client.connect()) {
      for (Target t : targets) {
        System.err.printf("bench: %s ...%n", t.name());
        figures.add(measure(t, seconds, redis));
      }
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
    System.out.printf(Locale.ROOT, "%-10s %9s %9s %10s %9s %9s %10s %13s %9s%n", "exporter", "p50 1x ms",
        "p99 1x ms", "scrapes/s", "p50 8x ms", "p99 8x ms", "scrapes/s", "commands/scr", "RSS MiB");
    for (int i = 0; i < targets.size(); i++) {
      Figures f = figures.get(i);
      System.out.printf(Locale.ROOT, "%-10s %9.2f %9.2f %10.1f %9.2f %9.2f %10.1f %13.1f %9.1f%n",
          targets.get(i).name(), f.p50ms1(), f.p99ms1(), f.rate1(), f.p50ms8(), f.p99ms8(), f.rate8(), f.commands(),
          f.rssMiB());
    }
    if (figures.size() == 2) {
      Figures a = figures.get(0);
      Figures b = figures.get(1);
      System.out.printf(Locale.ROOT, "%-10s %9.2f %9.2f %10.2f %9.2f %9.2f %10.2f %13.2f %9.2f%n",
          "ratio", a.p50ms1() / b.p50ms1(), a.p99ms1() / b.p99ms1(), a.rate1() / b.rate1(),
          a.p50ms8() / b.p50ms8(), a.p99ms8() / b.p99ms8(), a.rate8() / b.rate8(), a.commands() / b.commands(),
          a.rssMiB() / b.rssMiB());
      System.out.printf("(ratio = %s / %s)%n", targets.get(0).name(), targets.get(1).name());
    }
  }

  static Figures measure(Target t, int seconds, StatefulRedisConnection<String, String> redis) throws Exception {
    run(t.url(), 2, Math.max(2, seconds / 3)); // warm-up: JIT, connections
    double commands = commandsPerScrape(t.url(), redis, 20);
    List<Long> one = run(t.url(), 1, seconds);
    List<Long> eight = run(t.url(), 8, seconds);
    return new Figures(pct(one, 50), pct(one, 99), one.size() / (double) seconds, pct(eight, 50), pct(eight, 99),
        eight.size() / (double) seconds, commands, rssMiB(t.pid()));
  }

  /** Scrapes from {@code scrapers} threads for {@code seconds}; returns every scrape's latency in nanoseconds. */
  static List<Long> run(String url, int scrapers, int seconds) throws Exception {
    List<Long> all = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < scrapers; i++) {
      Thread th = new Thread(() -> {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        while (!stop.get()) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<byte[]> r = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
              throw new IllegalStateException(url + " answered " + r.statusCode());
            }
          } catch (Exception e) {
            throw new RuntimeException(e);
          }
          all.add(System.nanoTime() - t0);
        }
      });
      th.start();
      threads.add(th);
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread th : threads) {
      th.join();
    }
    return new ArrayList<>(all);
  }

  /**
   * Commands the server processed per scrape, less what reading the counter costs. Scrapes are 300 ms apart,
   * beyond our exporter's 250 ms INFO reuse window, so each one pays its full cost as at a normal interval.
   */
  static double commandsPerScrape(String url, StatefulRedisConnection<String, String> redis, int scrapes)
      throws Exception {
    long c0 = processed(redis);
    long c1 = processed(redis);
    long own = c1 - c0;
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
    for (int i = 0; i < scrapes; i++) {
      HTTP.send(req, HttpResponse.BodyHandlers.discarding());
      Thread.sleep(300);
    }
    long c2 = processed(redis);
    return (c2 - c1 - own) / (double) scrapes;
  }

  static long processed(StatefulRedisConnection<String, String> redis) {
    for (String line : redis.sync().info("stats").split("\r?\n")) {
      if (line.startsWith("total_commands_processed:")) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    throw new IllegalStateException("no total_commands_processed in INFO stats");
  }

  static double rssMiB(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  static double pct(List<Long> nanos, int p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
    return s.get(Math.max(0, Math.min(s.size() - 1, i))) / 1e6;
  }
}
