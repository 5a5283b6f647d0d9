package dev.exportersuite.e2e;

import dev.exportersuite.core.testing.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the e2e tests can check of a module whose server cannot run beside them (Oracle): the exporter runs from its
 * compose command and is scraped, but reaches no database, so only its self-metrics have series. LIMITATION: its
 * dashboard's panels on database metrics and its custom metrics are checked against what the module defines (its
 * --check-config listing of the default metrics and the shipped team file), not against data.
 */
final class WithoutServer {

  /** A family --check-config lists: "      gauge oracledb_sessions_value [inst_id, status, type]". */
  private static final Pattern LISTED =
      Pattern.compile("(?m)^\\s+(gauge|counter|untyped|histogram|summary) ([a-zA-Z_:][a-zA-Z0-9_:<>]*)");

  /** One --check-config run per module, not one per dashboard expression (each is a JVM start). */
  private static final java.util.Map<String, List<Pattern>> DEFINED = new java.util.HashMap<>();

  private WithoutServer() {}

  /**
   * --check-config with the module's shipped team file and the environment of its compose service (the DSN), as the
   * container would run it; it reads the files and never connects.
   */
  static Tools.Result checkConfig(Repo.Module m) throws Exception {
    return Tools.run(Duration.ofSeconds(60), null, Compose.shipped().environment(m.name()),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", m.jar().toString(),
        "--custom.metrics=" + m.configDir().resolve("metrics.yaml"), "--check-config");
  }

  /**
   * The families the module's default metrics and shipped team file define, as patterns: a fieldtoappend name
   * (oracledb_wait_time_&lt;wait_class&gt;) stands for any name in its place; a histogram for its three series.
   */
  static synchronized List<Pattern> definedFamilies(Repo.Module m) throws Exception {
    List<Pattern> cached = DEFINED.get(m.name());
    if (cached != null) {
      return cached;
    }
    Tools.Result r = checkConfig(m);
    if (r.exitCode() != 0) {
      throw new AssertionError(m.name() + " --check-config failed:\n" + r.output());
    }
    List<Pattern> out = new java.util.ArrayList<>();
    Matcher l = LISTED.matcher(r.output());
    while (l.find()) {
      String regex = Pattern.quote(l.group(2)).replaceAll("<[a-z_]+>", "\\\\E[a-z0-9_]+\\\\Q");
      out.add(Pattern.compile(l.group(1).equals("histogram") ? regex + "(?:_bucket|_sum|_count)?" : regex));
    }
    if (out.isEmpty()) {
      throw new AssertionError(m.name() + " --check-config listed no family:\n" + r.output());
    }
    DEFINED.put(m.name(), List.copyOf(out));
    return DEFINED.get(m.name());
  }

  /** Families of the live exporter's output that have series now (its self-metrics, without a database). */
  static Set<String> familiesWithSeries(LiveStack stack, Repo.Module m) throws Exception {
    String text = Http.get(stack.exporterUrl(m.name(), "/metrics"), "text/plain; version=0.0.4").body();
    Set<String> out = new LinkedHashSet<>();
    Matcher s = Pattern.compile("(?m)^(" + Pattern.quote(m.namespace()) + "_[a-zA-Z0-9_:]*)[{ ]").matcher(text);
    while (s.find()) {
      out.add(s.group(1));
    }
    return out;
  }

  /**
   * Self-metrics the module documents that have no series yet here: the per-collector error counter has none
   * before a collector has run, and without a database none runs (oracle-exporter/README.md, "Metrics").
   */
  static Set<String> selfMetricsWithoutSeriesYet(Repo.Module m) {
    return Set.of(m.namespace() + "_exporter_scrape_errors_total");
  }

  /** Whether a name in a dashboard is one the module defines: listed, exposed now, or a documented self-metric. */
  static boolean isDefined(String name, Repo.Module m, List<Pattern> defined, Set<String> withSeries) {
    return withSeries.contains(name) || selfMetricsWithoutSeriesYet(m).contains(name)
        || defined.stream().anyMatch(p -> p.matcher(name).matches());
  }
}
