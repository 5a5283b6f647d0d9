package dev.exportersuite.core.cli;

import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.KeySuggestions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The arguments picocli did not recognise, refused one line each, as the suite's other modules refuse them
 * ({@code command line: --x: unknown option; see --help}), with the closest flag of the same dash style when one
 * is near. The word after an unknown option is taken as its value and not reported again. Only the flag's name is
 * repeated, never what follows its {@code =}, which may be a secret.
 */
public final class UnknownFlags {

  private UnknownFlags() {}

  public static void check(List<String> unmatched, CommandSpec spec) throws ConfigException {
    ConfigErrors errors = new ConfigErrors();
    boolean afterOption = false;
    for (String arg : unmatched) {
      if (!arg.startsWith("-") || arg.equals("-")) {
        if (!afterOption) {
          // Its text is not shown: it may be the rest of a value with a space in it, such as a password.
          errors.add(new ConfigException("command line", 0, "", "an argument that is neither a flag nor a flag's "
              + "value; flags start with - or --, and a value with a space in it needs quotes; see --help"));
        }
        afterOption = false;
        continue;
      }
      afterOption = arg.indexOf('=') < 0;
      String name = arg.indexOf('=') < 0 ? arg : arg.substring(0, arg.indexOf('='));
      if (name.length() > 100) {
        name = name.substring(0, 100) + "...";
      }
      errors.add(new ConfigException("command line", 0, name, "unknown option" + suggestion(name, spec)
          + "; see --help"));
    }
    errors.throwIfAny();
  }

  private static String suggestion(String name, CommandSpec spec) {
    boolean doubleDash = name.startsWith("--");
    List<String> known = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      for (String n : o.names()) {
        if (n.startsWith("--") == doubleDash) {
          known.add(n);
        }
      }
    }
    return KeySuggestions.closest(name, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }
}
