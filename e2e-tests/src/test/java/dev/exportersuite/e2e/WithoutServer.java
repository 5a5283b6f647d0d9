package dev.exportersuite.e2e;

import dev.exportersuite.core.testing.Http;
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

  private WithoutServer() {}

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
        || CheckConfig.lists(name, defined);
  }
}
