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
 * Scrape benchmark of running exporters against the same server, one after the other so they do not compete
 * for the CPU: latency (median, p99) with 1 and 8 concurrent scrapers, scrapes per second, requests the server
 * saw per scrape (read from the server's own counter by a shell command), the exporter's CPU time per scrape with 1
 * and 8 scrapers (user + system from /proc/PID/stat over the phase: less moved by other load on the machine than
 * scrapes/s) and resident memory after warm-up.
 *
 * <p>Usage: java bench/ScrapeBench.java SECONDS COUNTER_LABEL COUNTER_COMMAND GAP_MS name url pid [name url pid]
 *
 * <p>COUNTER_COMMAND prints the server's request counter (MySQL's Questions, Redis's total_commands_processed);
 * what running it costs the counter is measured and subtracted. GAP_MS spaces the counted scrapes as a scrape
 * interval would (0 for back to back).
 */
public class ScrapeBench {

  record Target(String name, String url, long pid) {}

  record Figures(double p50ms1, double p99ms1, double rate1, double p50ms8, double p99ms8, double rate8,
      double requests, double rssMiB, double cpuMs1, double cpuMs8) {}

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    int seconds = Integer.parseInt(args[0]);
    String counterLabel = args[1];
    String counter = args[2];
    long gapMs = Long.parseLong(args[3]);
    List<Target> targets = new ArrayList<>();
    for (int i = 4; i + 2 < args.length; i += 3) {
      targets.add(new Target(args[i], args[i + 1], Long.parseLong(args[i + 2])));
    }
    List<Figures> figures = new ArrayList<>();
    for (Target t : targets) {
      System.err.printf("bench: %s ...%n", t.name());
      figures.add(measure(t, seconds, counter, gapMs));
    }
    System.out.printf(Locale.ROOT, "%-10s %9s %9s %10s %9s %9s %10s %13s %9s %10s %10s%n", "exporter",
        "p50 1x ms", "p99 1x ms", "scrapes/s", "p50 8x ms", "p99 8x ms", "scrapes/s", counterLabel + "/scr",
        "RSS MiB", "cpu/scr 1x", "cpu/scr 8x");
    for (int i = 0; i < targets.size(); i++) {
      Figures f = figures.get(i);
      System.out.printf(Locale.ROOT, "%-10s %9.2f %9.2f %10.1f %9.2f %9.2f %10.1f %13.1f %9.1f %10.2f %10.2f%n",
          targets.get(i).name(), f.p50ms1(), f.p99ms1(), f.rate1(), f.p50ms8(), f.p99ms8(), f.rate8(), f.requests(),
          f.rssMiB(), f.cpuMs1(), f.cpuMs8());
    }
    if (figures.size() == 2) {
      Figures a = figures.get(0);
      Figures b = figures.get(1);
      System.out.printf(Locale.ROOT, "%-10s %9.2f %9.2f %10.2f %9.2f %9.2f %10.2f %13.2f %9.2f %10.2f %10.2f%n",
          "ratio", a.p50ms1() / b.p50ms1(), a.p99ms1() / b.p99ms1(), a.rate1() / b.rate1(),
          a.p50ms8() / b.p50ms8(), a.p99ms8() / b.p99ms8(), a.rate8() / b.rate8(), a.requests() / b.requests(),
          a.rssMiB() / b.rssMiB(), a.cpuMs1() / b.cpuMs1(), a.cpuMs8() / b.cpuMs8());
      System.out.printf("(ratio = %s / %s)%n", targets.get(0).name(), targets.get(1).name());
    }
  }

  static Figures measure(Target t, int seconds, String counter, long gapMs) throws Exception {
    run(t.url(), 2, Math.max(2, seconds / 3)); // warm-up: JIT, connections, caches
    double requests = requestsPerScrape(t.url(), counter, gapMs, 20);
    double cpu0 = cpuMs(t.pid());
    List<Long> one = run(t.url(), 1, seconds);
    double cpu1 = cpuMs(t.pid());
    List<Long> eight = run(t.url(), 8, seconds);
    double cpu8 = cpuMs(t.pid());
    return new Figures(pct(one, 50), pct(one, 99), one.size() / (double) seconds, pct(eight, 50), pct(eight, 99),
        eight.size() / (double) seconds, requests, rssMiB(t.pid()), (cpu1 - cpu0) / one.size(),
        (cpu8 - cpu1) / eight.size());
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

  /** Requests the server counted per scrape, less what reading the counter costs (read twice, nothing between). */
  static double requestsPerScrape(String url, String counter, long gapMs, int scrapes) throws Exception {
    long c0 = read(counter);
    long c1 = read(counter);
    long own = c1 - c0;
    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
    for (int i = 0; i < scrapes; i++) {
      HTTP.send(req, HttpResponse.BodyHandlers.discarding());
      Thread.sleep(gapMs);
    }
    long c2 = read(counter);
    return (c2 - c1 - own) / (double) scrapes;
  }

  static long read(String counter) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", counter).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    if (p.waitFor() != 0 || !out.matches("\\d+")) {
      throw new IllegalStateException("the counter command printed '" + out + "': " + counter);
    }
    return Long.parseLong(out);
  }

  /** The process's user + system CPU time so far, in ms (fields 14 and 15 of /proc/PID/stat, after the name). */
  static double cpuMs(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000.0 / CLOCK_TICKS;
  }

  static final long CLOCK_TICKS = clockTicks();

  static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
      return Long.parseLong(new String(p.getInputStream().readAllBytes()).trim());
    } catch (Exception e) {
      return 100; // Linux's usual USER_HZ
    }
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
