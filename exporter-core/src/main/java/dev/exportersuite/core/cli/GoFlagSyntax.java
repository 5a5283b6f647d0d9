package dev.exportersuite.core.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line as Go's {@code flag} package reads it, for modules whose peer uses it (redis_exporter): every
 * {@code --name} option is also {@code -name}, so {@code -redis.addr=x}, {@code -redis.addr x}, {@code --redis.addr=x}
 * and {@code --redis.addr x} all work. The names are registered with picocli rather than the arguments rewritten,
 * so picocli still decides what is an option and what is a value: {@code -redis.password -s3cret} and
 * {@code --check-keys-batch-size -5} keep their values as given (a word starting with {@code -h}, the one
 * single-letter flag, is read as {@code -h}: such a value goes after {@code =}). Clustered short options ({@code -abc} for
 * {@code -a -b -c}) are off, as in Go, so a value such as {@code -hx} is never read as {@code -h}.
 */
final class GoFlagSyntax {

  private GoFlagSyntax() {}

  /** The arguments with each one that is exactly {@code -h} read as {@code -help}; nothing else changes. */
  static String[] arguments(String... args) {
    String[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if ("-h".equals(out[i])) {
        out[i] = "-help";
      }
    }
    return out;
  }

  static void apply(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    for (OptionSpec option : new ArrayList<>(spec.options())) {
      Set<String> names = new LinkedHashSet<>(List.of(option.names()));
      boolean added = names.remove("-h");
      for (String name : option.names()) {
        if (name.startsWith("--") && name.length() > 3) {
          added |= names.add(name.substring(1));
        }
      }
      if (added) {
        spec.remove(option);
        spec.addOption(OptionSpec.builder(option).names(names.toArray(String[]::new)).build());
      }
    }
    cl.setPosixClusteredShortOptionsAllowed(false);
  }
}
