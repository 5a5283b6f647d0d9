package dev.exportersuite.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exporter's --check-config with its module's shipped team file and the environment of its compose service, as
 * the container would run it (it reads the files and never connects), and the families it lists.
 */
final class CheckConfig {

  /** A family --check-config lists: "      gauge oracledb_sessions_value [inst_id, status, type]". */
  private static final Pattern LISTED =
      Pattern.compile("(?m)^\\s+(gauge|counter|untyped|histogram|summary) ([a-zA-Z_:][a-zA-Z0-9_:<>]*)");

  /** One --check-config run per module, not one per dashboard expression (each is a JVM start). */
  private static final Map<String, List<Pattern>> DEFINED = new HashMap<>();

  private CheckConfig() {}

  static Tools.Result run(Repo.Module m) throws Exception {
    return Tools.run(Duration.ofSeconds(60), null, Compose.shipped().environment(m.name()),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", m.jar().toString(),
        "--custom.metrics=" + m.configDir().resolve("metrics.yaml"), "--check-config");
  }

  /**
   * The families the module's default metrics and shipped team file define, as patterns: a fieldtoappend name
   * (oracledb_wait_time_&lt;wait_class&gt;) stands for any name in its place; a histogram for its three series.
   * Self-metrics are not listed.
   */
  static synchronized List<Pattern> definedFamilies(Repo.Module m) throws Exception {
    List<Pattern> cached = DEFINED.get(m.name());
    if (cached != null) {
      return cached;
    }
    Tools.Result r = run(m);
    if (r.exitCode() != 0) {
      throw new AssertionError(m.name() + " --check-config failed:\n" + r.output());
    }
    List<Pattern> out = new ArrayList<>();
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

  static boolean lists(String name, List<Pattern> defined) {
    return defined.stream().anyMatch(p -> p.matcher(name).matches());
  }
}
