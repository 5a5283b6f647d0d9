package dev.exportersuite.mysql;

import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.KeySuggestions;
import dev.exportersuite.core.endpoint.InputText;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What picocli left of the command line, read as mysqld_exporter's kingpin reads it: {@code --no-<flag>} turns a
 * boolean flag off, {@code --collect.<name>} and {@code --no-collect.<name>} are collector switches (checked against
 * the loaded collectors later), and anything else is refused, one line per argument, as the suite's other modules
 * refuse it ({@code command line: --x: unknown option; see --help}) with the closest flag when one is near. The word
 * after an unknown option is taken as its value and not reported again; only names are repeated, never what
 * follows an {@code =}.
 */
final class UnmatchedArgs {

  private static final int MAX_SHOWN = 100;

  private UnmatchedArgs() {}

  /**
   * Sets the negated boolean flags on {@code spec}'s options and returns the collector switches, in order.
   *
   * @throws ConfigException naming every argument that is neither
   */
  static List<String> resolve(List<String> unmatched, CommandSpec spec) throws ConfigException {
    ConfigErrors errors = new ConfigErrors();
    List<String> switches = new ArrayList<>();
    boolean afterUnknown = false;
    for (int i = 0; i < unmatched.size(); i++) {
      String arg = unmatched.get(i);
      if (!arg.startsWith("-") || arg.equals("-")) {
        if (!afterUnknown) {
          errors.add(new ConfigException("command line", 0, "", "unexpected argument at position " + (i + 1)
              + " (" + InputText.quote(arg) + "); flags start with --; see --help"));
        }
        afterUnknown = false;
        continue;
      }
      afterUnknown = false;
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      OptionSpec negated = eq < 0 && name.startsWith("--no-") ? spec.findOption("--" + name.substring(5)) : null;
      if (negated != null && isBoolean(negated)) {
        negated.setValue(false);
      } else if (name.startsWith("--collect.") || name.startsWith("--no-collect.")) {
        switches.add(arg);
      } else {
        errors.add(new ConfigException("command line", 0, shown(name), "unknown option"
            + suggestion(name, spec) + "; see --help"));
        afterUnknown = eq < 0;
      }
    }
    errors.throwIfAny();
    return switches;
  }

  private static boolean isBoolean(OptionSpec option) {
    return option.type() == Boolean.class || option.type() == boolean.class;
  }

  /** The flag names this command accepts (with the {@code --no-} forms of booleans) and the peer's collectors. */
  private static String suggestion(String name, CommandSpec spec) {
    List<String> known = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      for (String n : o.names()) {
        if (n.startsWith("--")) {
          known.add(n);
          if (isBoolean(o)) {
            known.add("--no-" + n.substring(2));
          }
        }
      }
    }
    PeerCollectors.DEFAULTS.keySet().forEach(c -> known.add("--collect." + c));
    return KeySuggestions.closest(name, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  private static String shown(String name) {
    String printable = InputText.quote(name);
    return name.length() <= MAX_SHOWN && printable.equals("'" + name + "'") ? name : printable;
  }
}
