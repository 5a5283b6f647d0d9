package dev.exportersuite.redis;

import dev.exportersuite.core.collect.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code request} of a metrics file, parsed. Three forms:
 * <ul>
 *   <li>a Redis command, as typed in redis-cli: {@code LLEN queue:jobs}, {@code XINFO GROUPS orders};</li>
 *   <li>a Lua script: text whose first line starts with {@code #!lua} (Redis 7 shebang, e.g.
 *       {@code #!lua flags=no-writes}), run with {@code EVALSHA}/{@code EVAL} and no keys;</li>
 *   <li>a key check run by the exporter: {@code @keys ...} or {@code @count-keys ...} ({@link KeyCheck}).</li>
 * </ul>
 * Any of them may be followed by row steps, each after an unquoted {@code |} (for a script: on lines that
 * start with {@code |}, which is never valid Lua).
 */
record RedisRequest(Kind kind, List<String> args, String script, KeyCheck keyCheck, List<RowSteps> steps) {

  enum Kind { COMMAND, SCRIPT, KEYS }

  RedisRequest {
    args = List.copyOf(args);
    steps = List.copyOf(steps);
  }

  /** @throws IllegalArgumentException with what is wrong and how to write it */
  static RedisRequest parse(String text) {
    String stripped = text.strip();
    if (stripped.startsWith("#!lua")) {
      return parseScript(stripped);
    }
    List<List<String>> segments = segments(Tokens.split(stripped));
    List<String> command = segments.get(0);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the request has no command before |");
    }
    List<RowSteps> steps = steps(segments.subList(1, segments.size()));
    if (command.get(0).startsWith("@")) {
      return new RedisRequest(Kind.KEYS, command, null, KeyCheck.parse(command), steps);
    }
    return new RedisRequest(Kind.COMMAND, command, null, null, steps);
  }

  private static RedisRequest parseScript(String text) {
    StringBuilder body = new StringBuilder();
    StringBuilder stepText = new StringBuilder();
    for (String line : text.split("\r?\n", -1)) {
      if (line.strip().startsWith("|")) {
        stepText.append(' ').append(line.strip());
      } else if (stepText.length() > 0 && !line.isBlank()) {
        throw new IllegalArgumentException("script lines after a '|' step line; put the steps last");
      } else {
        body.append(line).append('\n');
      }
    }
    List<List<String>> segments = segments(Tokens.split(stepText.toString()));
    return new RedisRequest(Kind.SCRIPT, List.of(), body.toString().strip() + "\n", null,
        steps(segments.subList(1, segments.size())));
  }

  private static List<List<String>> segments(List<String> tokens) {
    List<List<String>> out = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String t : tokens) {
      if (t.equals(Tokens.PIPE)) {
        out.add(current);
        current = new ArrayList<>();
      } else {
        current.add(t);
      }
    }
    out.add(current);
    return out;
  }

  private static List<RowSteps> steps(List<List<String>> segments) {
    List<RowSteps> out = new ArrayList<>();
    for (List<String> s : segments) {
      out.add(RowSteps.parse(s));
    }
    return out;
  }

  /** The command's name, upper-case ({@code CONFIG GET} for two-word commands the way Redis names them). */
  String commandName() {
    return args.get(0).toUpperCase(Locale.ROOT);
  }

  boolean isInfo() {
    return kind == Kind.COMMAND && (commandName().equals("INFO")
        || (commandName().equals("CLUSTER") && args.size() > 1 && args.get(1).equalsIgnoreCase("INFO")));
  }

  /** What goes to the server, steps left out: requests that agree on it share one round trip. */
  List<Object> roundTrip() {
    return switch (kind) {
      case COMMAND -> List.of(kind, args.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
      case SCRIPT -> List.of(kind, script);
      case KEYS -> List.of(kind, args);
    };
  }

  List<Row> applySteps(List<Row> rows) {
    List<Row> out = rows;
    for (RowSteps s : steps) {
      out = s.apply(out);
    }
    return out;
  }
}
