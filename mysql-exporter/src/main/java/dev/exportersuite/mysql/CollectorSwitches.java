package dev.exportersuite.mysql;

import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.jdbc.SqlRequest;
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
  private final List<String> tuningArgs;

  private CollectorSwitches(Map<String, Boolean> switches, List<String> tuningArgs) {
    this.switches = Map.copyOf(switches);
    this.tuningArgs = List.copyOf(tuningArgs);
  }

  /** What {@link #apply} made of a set of definitions. */
  record Applied(List<MetricDefinition<SqlRequest>> definitions, List<String> ignored) {}

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

  /**
   * The definitions with their {@code enabled} flag set by the switches, and the arguments that set a peer
   * tuning option this exporter does not use; a switch naming no collector is an error. Pure: a reload applies
   * the same switches to the new definitions.
   */
  Applied apply(List<MetricDefinition<SqlRequest>> loaded) throws ConfigException {
    List<String> ignored = new ArrayList<>(tuningArgs);
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
    List<MetricDefinition<SqlRequest>> out = new ArrayList<>(loaded.size());
    for (MetricDefinition<SqlRequest> d : loaded) {
      Boolean on = switches.get(d.collector());
      out.add(on == null || on == d.enabled() ? d : d.withEnabled(on));
    }
    return new Applied(out, ignored);
  }

  /** {@code info_schema.processlist.processes_by_user} is a tuning flag of {@code info_schema.processlist}. */
  private static boolean isTuningFlag(String name, Set<String> known) {
    return known.stream().anyMatch(k -> name.startsWith(k + "."));
  }
}
