package dev.exportersuite.oracle;

import dev.exportersuite.core.endpoint.InputText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The aliases of a {@code tnsnames.ora} ({@code alias[, alias...] = (DESCRIPTION=...)}, {@code #} comments), read
 * so that a connection given as an alias (Oracle's exporter's {@code tnsAdmin} with {@code url: ALIAS}, or
 * oracledb_exporter's {@code user/password@ALIAS} with {@code TNS_ADMIN}) becomes the descriptor it names, which
 * then passes the same strict {@link ConnectDescriptor} grammar as one written in a DSN. {@code IFILE} includes
 * are refused rather than followed; {@code sqlnet.ora} is not read.
 */
final class TnsNames {

  static final String FILE = "tnsnames.ora";
  /** Far beyond a real file of a few hundred aliases; a bound so that a stray path cannot be read whole. */
  static final int MAX_BYTES = 1 << 20;
  static final Pattern ALIAS = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,127}");

  private final Path file;
  private final Map<String, String> descriptors;

  private TnsNames(Path file, Map<String, String> descriptors) {
    this.file = file;
    this.descriptors = descriptors;
  }

  /** @throws IllegalArgumentException naming the file, and the line of a syntax error */
  static TnsNames read(Path tnsAdmin) {
    Path file = tnsAdmin.resolve(FILE);
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException(file + " is larger than " + MAX_BYTES + " bytes");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("there is no " + FILE + " in " + tnsAdmin);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    return new TnsNames(file, parse(file, text));
  }

  static boolean isAlias(String text) {
    return ALIAS.matcher(text).matches();
  }

  /**
   * The descriptor {@code alias} names, checked.
   *
   * @throws IllegalArgumentException when the file has no such alias, or its descriptor breaks the grammar
   */
  ConnectDescriptor descriptor(String alias) {
    String d = descriptors.get(alias.toUpperCase(Locale.ROOT));
    if (d == null) {
      throw new IllegalArgumentException("the alias " + InputText.quote(alias) + " is not in " + file + " (it has "
          + descriptors.size() + " alias" + (descriptors.size() == 1 ? "" : "es") + ")");
    }
    try {
      return ConnectDescriptor.parse(d);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": alias " + alias + ": " + e.getMessage());
    }
  }

  /** Top-level {@code names = (value)} entries; the value runs to its matching parenthesis. */
  private static Map<String, String> parse(Path file, String text) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    int line = 1;
    while (true) {
      // blanks and comment lines between entries
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '#') {
          while (i < text.length() && text.charAt(i) != '\n') {
            i++;
          }
        } else if (Character.isWhitespace(c)) {
          if (c == '\n') {
            line++;
          }
          i++;
        } else {
          break;
        }
      }
      if (i >= text.length()) {
        return out;
      }
      int eq = text.indexOf('=', i);
      int entryLine = line;
      if (eq < 0) {
        throw new IllegalArgumentException(file + ":" + entryLine + ": expected 'alias = (DESCRIPTION=...)'");
      }
      String names = text.substring(i, eq).strip();
      if (names.equalsIgnoreCase("IFILE")) {
        throw new IllegalArgumentException(file + ":" + entryLine + ": IFILE includes are not followed; put the "
            + "aliases in this file");
      }
      i = eq + 1;
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        line += text.charAt(i) == '\n' ? 1 : 0;
        i++;
      }
      if (i >= text.length() || text.charAt(i) != '(') {
        throw new IllegalArgumentException(file + ":" + entryLine + ": the value of an alias is a (DESCRIPTION=...)");
      }
      int depth = 0;
      StringBuilder value = new StringBuilder();
      do {
        char c = text.charAt(i);
        if (c == '#') { // a comment inside a multi-line descriptor
          while (i < text.length() && text.charAt(i) != '\n') {
            i++;
          }
          continue;
        }
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (c == '\n') {
          line++;
        }
        if (!Character.isWhitespace(c)) {
          value.append(c);
        }
        i++;
      } while (depth > 0 && i < text.length());
      if (depth != 0) {
        throw new IllegalArgumentException(file + ":" + entryLine + ": a '(' opened here is never closed");
      }
      for (String name : names.split(",", -1)) {
        String n = name.strip();
        if (!isAlias(n)) {
          throw new IllegalArgumentException(file + ":" + entryLine + ": " + InputText.quote(n) + " is not an alias (letters, digits, '.', '_', '-')");
        }
        out.put(n.toUpperCase(Locale.ROOT), value.toString());
      }
    }
  }
}
