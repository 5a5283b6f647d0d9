package dev.exportersuite.mysql;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.MetricDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * mysqld_exporter's collector switches: {@code --collect.<name>}, {@code --collect.<name>=false} and
 * {@code --no-collect.<name>}, where {@code <name>} is a definition's {@code collector} (so a team's own
 * collectors can be switched the same way). The peer's tuning flags of collectors this exporter expresses in
 * SQL (e.g. {@code --collect.info_schema.processlist.min_time}) are accepted and reported as ignored.
 */
final class CollectorSwitches {

  private final Map<String, Boolean> switches;
  private final List<String> ignored;

  private CollectorSwitches(Map<String, Boolean> switches, List<String> ignored) {
    this.switches = switches;
    this.ignored = ignored;
  }

  /** @param args the command line arguments picocli did not recognise */
  static CollectorSwitches parse(List<String> args) throws ConfigException {
    Map<String, Boolean> switches = new LinkedHashMap<>();
    List<String> ignored = new ArrayList<>();
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        if (ignored.isEmpty() && switches.isEmpty()) {
          throw new ConfigException("command line", 0, arg, "unexpected argument; see --help");
        }
        ignored.add(arg); // the value of a tuning flag given as "--collect.x.y value"
        continue;
      }
      String a = arg.startsWith("--") ? arg.substring(2) : arg;
      boolean negated = a.startsWith("no-collect.");
      if (!negated && !a.startsWith("collect.")) {
        throw new ConfigException("command line", 0, arg, "unknown option; see --help");
      }
      String body = a.substring(negated ? "no-collect.".length() : "collect.".length());
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      boolean on = !negated;
      if (eq >= 0) {
        String v = body.substring(eq + 1).toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
          on = v.equals("true") != negated;
        } else {
          ignored.add(arg);
          continue;
        }
      }
      switches.put(name, on);
    }
    return new CollectorSwitches(switches, ignored);
  }

  /** Arguments that set a peer tuning option this exporter does not use. */
  List<String> ignored() {
    return ignored;
  }

  /** The definitions with their {@code enabled} flag set by the switches; a switch naming no collector is an error. */
  List<MetricDefinition> apply(List<MetricDefinition> loaded) throws ConfigException {
    Set<String> known = new TreeSet<>();
    loaded.forEach(d -> known.add(d.collector()));
    for (String name : switches.keySet()) {
      if (!known.contains(name)) {
        if (isTuningFlag(name, known)) {
          ignored.add("--collect." + name);
          continue;
        }
        throw new ConfigException("command line", 0, "--collect." + name, "no collector is called '" + name
            + "'; collectors are " + String.join(", ", known));
      }
    }
    List<MetricDefinition> out = new ArrayList<>(loaded.size());
    for (MetricDefinition d : loaded) {
      Boolean on = switches.get(d.collector());
      out.add(on == null || on == d.enabled() ? d : d.withEnabled(on));
    }
    return out;
  }

  /** {@code info_schema.processlist.processes_by_user} is a tuning flag of {@code info_schema.processlist}. */
  private static boolean isTuningFlag(String name, Set<String> known) {
    return known.stream().anyMatch(k -> name.startsWith(k + "."));
  }
}
