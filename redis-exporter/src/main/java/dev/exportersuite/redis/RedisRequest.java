package dev.exportersuite.redis;

import dev.exportersuite.core.config.InvalidRequestException;
import dev.exportersuite.core.config.RequestParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code request} of a metrics file, parsed when the file loads. Three forms:
 * <ul>
 *   <li>a Redis command, as typed in redis-cli: {@code LLEN queue:jobs}, {@code XINFO GROUPS orders};</li>
 *   <li>a Lua script: text whose first line starts with {@code #!lua} (Redis 7 shebang, e.g.
 *       {@code #!lua flags=no-writes}), run with {@code EVALSHA}/{@code EVAL} and no keys;</li>
 *   <li>a key check run by the exporter: {@code @keys ...} or {@code @count-keys ...} ({@link KeyCheck}).</li>
 * </ul>
 * Equal requests are one round trip per scrape: the default entries that read {@code INFO ALL} cost one INFO.
 * The command name is kept upper-case so that {@code info all} and {@code INFO all} are the same request.
 *
 * @param args the command and its arguments (COMMAND), empty otherwise
 * @param script the script's text (SCRIPT), null otherwise
 * @param keyCheck the key check (KEYS), null otherwise
 */
record RedisRequest(Kind kind, List<String> args, String script, KeyCheck keyCheck) {

  enum Kind { COMMAND, SCRIPT, KEYS }

  RedisRequest {
    args = List.copyOf(args);
  }

  /** The module's request language, for the metrics-file loader. */
  static RequestParser<RedisRequest> parser() {
    return RedisRequest::parse;
  }

  static RedisRequest parse(String text) throws InvalidRequestException {
    String stripped = text.strip();
    if (stripped.startsWith("#!lua")) {
      return script(stripped);
    }
    List<String> words;
    try {
      words = Tokens.split(stripped);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    int pipe = words.indexOf(Tokens.PIPE);
    if (pipe >= 0) {
      throw new InvalidRequestException("row steps after '|' are now the entry's rows: list (see the metrics-file "
          + "reference); keep only the command in request, or quote a '|' that is an argument", Optional.of("|"));
    }
    if (words.isEmpty()) {
      throw new InvalidRequestException("the request has no command");
    }
    if (words.get(0).startsWith("@")) {
      try {
        return new RedisRequest(Kind.KEYS, words, null, KeyCheck.parse(words));
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(e.getMessage(), Optional.of(words.get(0)));
      }
    }
    List<String> args = new ArrayList<>(words);
    args.set(0, args.get(0).toUpperCase(Locale.ROOT));
    return new RedisRequest(Kind.COMMAND, args, null, null);
  }

  private static RedisRequest script(String text) throws InvalidRequestException {
    for (String line : text.split("\r?\n", -1)) {
      if (line.strip().startsWith("|")) {
        throw new InvalidRequestException("row steps after a script are now the entry's rows: list (see the "
            + "metrics-file reference)", Optional.of(line.strip()));
      }
    }
    return new RedisRequest(Kind.SCRIPT, List.of(), text + "\n", null);
  }

  /** The command's name, upper-case. */
  String commandName() {
    return args.get(0);
  }

  boolean isInfo() {
    return kind == Kind.COMMAND && (commandName().equals("INFO")
        || (commandName().equals("CLUSTER") && args.size() > 1 && args.get(1).equalsIgnoreCase("INFO")));
  }

  @Override
  public String toString() {
    return switch (kind) {
      case COMMAND, KEYS -> String.join(" ", args);
      case SCRIPT -> script.lines().findFirst().orElse("#!lua");
    };
  }
}
