package dev.exportersuite.mysql;

import dev.exportersuite.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A MySQL option file ({@code .my.cnf}) as mysqld_exporter reads it: sections such as {@code [client]} or
 * {@code [client.servers]} (picked by {@code auth_module}) with {@code user}, {@code password}, {@code host},
 * {@code port} and {@code socket}.
 */
public final class MyCnf {

  private final String source;
  private final Map<String, Map<String, String>> sections;

  private MyCnf(String source, Map<String, Map<String, String>> sections) {
    this.source = source;
    this.sections = sections;
  }

  public static MyCnf read(Path file) throws ConfigException {
    try {
      return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), 0, "--config.my-cnf", "cannot read the option file: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }

  static MyCnf parse(String source, List<String> lines) throws ConfigException {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || line.startsWith("!")) {
        continue; // comments, and !include directives which mysqld_exporter ignores as well
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]")) {
          throw new ConfigException(source, i + 1, "section", "a section header looks like [client]");
        }
        current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT),
            k -> new LinkedHashMap<>());
        continue;
      }
      if (current == null) {
        throw new ConfigException(source, i + 1, "section", "option outside a section; start with [client]");
      }
      int eq = line.indexOf('=');
      String key = (eq < 0 ? line : line.substring(0, eq)).strip().toLowerCase(Locale.ROOT).replace('-', '_');
      String value = eq < 0 ? "" : unquote(line.substring(eq + 1).strip());
      current.put(key, value);
    }
    return new MyCnf(source, sections);
  }

  /** Quotes protect spaces, # and ; in passwords; inside them a backslash escapes the next character. */
  static String unquote(String v) {
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
      String inner = v.substring(1, v.length() - 1);
      StringBuilder sb = new StringBuilder(inner.length());
      for (int i = 0; i < inner.length(); i++) {
        char c = inner.charAt(i);
        if (c == '\\' && i + 1 < inner.length()) {
          char n = inner.charAt(++i);
          sb.append(switch (n) {
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> n;
          });
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }
    // Unquoted: a # after whitespace starts a comment, as in the MySQL client.
    int hash = v.indexOf(" #");
    return hash < 0 ? v : v.substring(0, hash).strip();
  }

  /** The options of one section, e.g. {@code client} or {@code client.servers}. */
  public Optional<Section> section(String name) {
    Map<String, String> s = sections.get(name.toLowerCase(Locale.ROOT));
    return s == null ? Optional.empty() : Optional.of(new Section(name, s));
  }

  public List<String> sectionNames() {
    return List.copyOf(sections.keySet());
  }

  public String source() {
    return source;
  }

  /** One section's options. */
  public record Section(String name, Map<String, String> options) {

    public Section {
      options = Map.copyOf(options);
    }

    public Optional<String> get(String key) {
      return Optional.ofNullable(options.get(key));
    }

    @Override
    public String toString() {
      return "[" + name + "] " + options.keySet();
    }
  }
}
