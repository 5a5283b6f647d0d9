package dev.exportersuite.mysql;

import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.KeySuggestions;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.endpoint.InputText;
import dev.exportersuite.core.jdbc.SqlRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * mysqld_exporter's collector switches: {@code --collect.<name>}, {@code --collect.<name>=false} and
 * {@code --no-collect.<name>}, where {@code <name>} is a definition's {@code collector} (so a team's own
 * collectors can be switched the same way). A collector of mysqld_exporter that this exporter does not have is
 * accepted; switching it on is reported as having no effect.
 */
final class CollectorSwitches {

  private final Map<String, Boolean> switches;

  private CollectorSwitches(Map<String, Boolean> switches) {
    this.switches = Map.copyOf(switches);
  }

  /** What {@link #apply} made of a set of definitions. */
  record Applied(List<MetricDefinition<SqlRequest>> definitions, List<String> withoutEffect) {}

  /** @param args the collector switches among the arguments picocli did not recognise ({@link UnmatchedArgs}) */
  static CollectorSwitches parse(List<String> args) throws ConfigException {
    Map<String, Boolean> switches = new LinkedHashMap<>();
    ConfigErrors errors = new ConfigErrors();
    for (String arg : args) {
      String a = arg.substring(2);
      boolean negated = a.startsWith("no-collect.");
      String body = a.substring(negated ? "no-collect.".length() : "collect.".length());
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      boolean on = !negated;
      if (eq >= 0) {
        String v = body.substring(eq + 1).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
          errors.add(new ConfigException("command line", 0, arg.substring(0, eq + 2 + (negated ? 11 : 8)),
              "a collector switch takes true or false, not " + InputText.quote(body.substring(eq + 1))));
          continue;
        }
        on = v.equals("true") != negated;
      }
      switches.put(name, on);
    }
    errors.throwIfAny();
    return new CollectorSwitches(switches);
  }

  /**
   * The definitions with their {@code enabled} flag set by the switches, and a line for each switch that turns on a
   * collector of mysqld_exporter that is not here; a switch naming no collector at all is an error. Pure: a reload
   * applies the same switches to the new definitions.
   */
  Applied apply(List<MetricDefinition<SqlRequest>> loaded) throws ConfigException {
    Set<String> known = new TreeSet<>();
    loaded.forEach(d -> known.add(d.collector()));
    List<String> withoutEffect = new ArrayList<>();
    ConfigErrors errors = new ConfigErrors();
    for (Map.Entry<String, Boolean> s : switches.entrySet()) {
      String name = s.getKey();
      if (known.contains(name)) {
        continue;
      }
      if (PeerCollectors.known(name)) {
        if (s.getValue()) {
          withoutEffect.add(NoEffect.line("--collect." + name, "this exporter has no " + name + " collector yet; "
              + "a --custom.metrics entry with 'collector: " + name + "' can provide its metrics"));
        }
        continue;
      }
      Set<String> candidates = new TreeSet<>(known);
      candidates.addAll(PeerCollectors.DEFAULTS.keySet());
      String hint = KeySuggestions.closest(name, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
      errors.add(new ConfigException("command line", 0, "--collect." + name, "no collector is called "
          + InputText.quote(name) + hint + "; collectors are " + String.join(", ", known)));
    }
    errors.throwIfAny();
    List<MetricDefinition<SqlRequest>> out = new ArrayList<>(loaded.size());
    for (MetricDefinition<SqlRequest> d : loaded) {
      Boolean on = switches.get(d.collector());
      out.add(on == null || on == d.enabled() ? d : d.withEnabled(on));
    }
    return new Applied(out, withoutEffect);
  }

  /**
   * A part of a collector that a flag of its own adds (mysqld_exporter's {@code --collect.mysql.user.privileges}):
   * the definitions of collector {@code <parent>.<part>} run when the flag is on and the parent collector runs.
   *
   * @param parts collector name of the part -> its flag's value
   */
  static List<MetricDefinition<SqlRequest>> withParts(List<MetricDefinition<SqlRequest>> defs,
      Map<String, Boolean> parts) {
    Map<String, Boolean> running = new HashMap<>();
    defs.forEach(d -> running.merge(d.collector(), d.enabled(), Boolean::logicalOr));
    List<MetricDefinition<SqlRequest>> out = new ArrayList<>(defs.size());
    for (MetricDefinition<SqlRequest> d : defs) {
      Boolean flag = parts.get(d.collector());
      if (flag == null) {
        out.add(d);
        continue;
      }
      String parent = d.collector().substring(0, d.collector().lastIndexOf('.'));
      boolean on = flag && running.getOrDefault(parent, false);
      out.add(on == d.enabled() ? d : d.withEnabled(on));
    }
    return out;
  }
}
