package dev.exportersuite.core.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads YAML as a node tree, not as maps: nodes keep their line numbers, which every config error reports.
 */
public final class YamlDocument {

  /** Far beyond any real config or metrics file; a bound so that a stray or hostile file costs no minutes. */
  public static final long MAX_FILE_BYTES = 4L << 20;

  private YamlDocument() {}

  public static Node read(Path file) throws ConfigException {
    return parse(file.toString(), readText(file));
  }

  /** A config or metrics file's text, or a config error that says why it cannot be read. */
  static String readText(Path file) throws ConfigException {
    try {
      if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
        throw new ConfigException(file.toString(), 0, "", "the file has " + Files.size(file) + " bytes; a config or "
            + "metrics file may have at most " + MAX_FILE_BYTES + " (4 MiB)");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), 0, "", "file not found");
    } catch (IOException e) {
      throw new ConfigException(file.toString(), 0, "", "cannot read file: " + e.getMessage());
    }
  }

  public static Node parse(String name, String text) throws ConfigException {
    return parseOrEmpty(name, text).orElseThrow(() -> new ConfigException(name, 0, "", "the file is empty"));
  }

  /** The file's text, or empty for a file with no document (empty, or comments only). */
  public static Optional<Node> readOrEmpty(Path file) throws ConfigException {
    return parseOrEmpty(file.toString(), readText(file));
  }

  private static Optional<Node> parseOrEmpty(String name, String text) throws ConfigException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(50);
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    try (Reader reader = new StringReader(text)) {
      return Optional.ofNullable(new Yaml(options).compose(reader));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 0 : mark.getLine() + 1;
      String what = e.getProblem() == null ? e.getMessage() : e.getProblem();
      if (e.getContext() != null && e.getContextMark() != null && e.getContextMark() != mark) {
        what += " (" + e.getContext() + " started at line " + (e.getContextMark().getLine() + 1) + ")";
      }
      throw new ConfigException(name, line, "", "invalid YAML: " + what);
    } catch (YAMLException e) {
      throw new ConfigException(name, 0, "", "invalid YAML: " + e.getMessage());
    } catch (IOException e) {
      throw new ConfigException(name, 0, "", "cannot read: " + e.getMessage());
    }
  }
}
