package dev.exportersuite.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * configs/docker-compose.yml as the end-to-end tests use it: the exporters run with the very flags and environment
 * of their compose services, their variables filled in as docker-compose does: from the variables given (what a
 * user puts in configs/.env), else the defaults.
 */
final class Compose {

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private final Map<String, Object> doc;
  private final Map<String, String> variables;

  Compose(Map<String, Object> doc) {
    this(doc, Map.of());
  }

  private Compose(Map<String, Object> doc, Map<String, String> variables) {
    this.doc = doc;
    this.variables = Map.copyOf(variables);
  }

  /** The same file read with these variables set, as docker-compose reads them from configs/.env. */
  Compose withVariables(Map<String, String> set) {
    return new Compose(doc, set);
  }

  static Compose shipped() {
    return new Compose(Repo.readMap(Repo.path("configs/docker-compose.yml")));
  }

  Map<String, Object> services() {
    return Repo.map(doc.get("services"));
  }

  Map<String, Object> service(String name) {
    Map<String, Object> s = Repo.map(services().get(name));
    if (s.isEmpty()) {
      throw new AssertionError("configs/docker-compose.yml has no service '" + name + "'");
    }
    return s;
  }

  /** The service's command, each argument with its ${VAR:-default} resolved to the default. */
  List<String> command(String service) {
    Object c = service(service).get("command");
    List<String> out = new ArrayList<>();
    if (c instanceof String s) {
      for (String part : s.trim().split("\\s+")) {
        out.add(substitute(part, variables));
      }
    } else {
      for (Object o : Repo.list(c)) {
        out.add(substitute(String.valueOf(o), variables));
      }
    }
    return out;
  }

  /** The service's environment (map or list form), with defaults resolved. */
  Map<String, String> environment(String service) {
    Object e = service(service).get("environment");
    Map<String, String> out = new LinkedHashMap<>();
    if (e instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : substitute(String.valueOf(v), variables)));
    } else {
      for (Object o : Repo.list(e)) {
        String s = String.valueOf(o);
        int eq = s.indexOf('=');
        out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : substitute(s.substring(eq + 1), variables));
      }
    }
    return out;
  }

  /** docker-compose's interpolation with no variable set: defaults apply, ${X:?msg} is an error. */
  static String substitute(String s) {
    return substitute(s, Map.of());
  }

  /** docker-compose's interpolation: a set variable wins (${X:-d} only when not empty), else the default. */
  static String substitute(String s, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      String name = m.group(1) != null ? m.group(1) : m.group(4);
      String value = name == null ? null : variables.get(name);
      boolean colon = m.group(2) != null && m.group(2).startsWith(":");
      boolean set = value != null && !(colon && value.isEmpty());
      if (m.group().equals("$$")) {
        replacement = "$";
      } else if (set) {
        replacement = value;
      } else if (m.group(2) != null && m.group(2).endsWith("?")) {
        throw new AssertionError("compose variable " + m.group(1) + " is required: " + m.group(3));
      } else if (m.group(2) != null) {
        replacement = m.group(3);
      } else {
        replacement = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
