package dev.exportersuite.redis;

import dev.exportersuite.core.config.InvalidRequestException;
import dev.exportersuite.core.config.RequestParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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

  /** SCRIPTS is made by the {@code --script} flag only: args are file name, script, file name, script, ... */
  enum Kind { COMMAND, SCRIPT, KEYS, SCRIPTS }

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

  boolean isClientList() {
    return kind == Kind.COMMAND && commandName().equals("CLIENT") && args.size() == 2
        && args.get(1).equalsIgnoreCase("LIST");
  }

  /** Commands that block their connection until data comes, or time runs out. */
  private static final Set<String> BLOCKING = Set.of("BLPOP", "BRPOP", "BRPOPLPUSH", "BLMOVE", "BLMPOP",
      "BZPOPMIN", "BZPOPMAX", "BZMPOP", "WAIT", "WAITAOF", "MONITOR", "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE");
  /** Commands that change their connection's state for the commands after them. */
  private static final Set<String> STATEFUL = Set.of("SELECT", "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH",
      "AUTH", "HELLO", "RESET", "READONLY", "READWRITE", "SWAPDB", "QUIT");
  /** CLIENT subcommands that only read. */
  private static final Set<String> CLIENT_READS = Set.of("LIST", "INFO", "GETNAME", "ID");

  /**
   * Whether the request needs a connection of its own: it blocks the connection (BLPOP, XREAD BLOCK), changes
   * its state (SELECT, MULTI, CLIENT SETNAME) or is a key check (which selects databases).
   */
  boolean exclusive() {
    if (kind == Kind.KEYS) {
      return true;
    }
    if (kind != Kind.COMMAND) {
      return false;
    }
    String name = commandName();
    if (BLOCKING.contains(name) || STATEFUL.contains(name)) {
      return true;
    }
    if (name.equals("XREAD") || name.equals("XREADGROUP")) {
      return args.stream().anyMatch(a -> a.equalsIgnoreCase("BLOCK"));
    }
    return name.equals("CLIENT") && (args.size() < 2 || !CLIENT_READS.contains(args.get(1).toUpperCase(Locale.ROOT)));
  }

  @Override
  public String toString() {
    return switch (kind) {
      case COMMAND, KEYS -> String.join(" ", args);
      case SCRIPTS -> "scripts " + String.join(", ", java.util.stream.IntStream.range(0, args.size() / 2)
          .mapToObj(i -> args.get(2 * i)).toList());
      case SCRIPT -> script.lines().findFirst().orElse("#!lua");
    };
  }
}
