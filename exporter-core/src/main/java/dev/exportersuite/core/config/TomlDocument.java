package dev.exportersuite.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a metrics file in the Oracle exporters' TOML form ({@code [[metric]]} tables) into the same node tree a
 * YAML file gives, with each value's line, so that one parser checks both and every error names its line.
 *
 * <p>As the Go exporters decode TOML into structs, the key names of the file and of each {@code [[metric]]} are
 * matched case-insensitively ({@code Context}, {@code MetricsDesc}); the keys inside them (column names of
 * {@code metricsdesc}) keep their spelling. {@code metric} is read as {@code metrics}.
 */
public final class TomlDocument {

  private static final int MAX_ERRORS = 20;

  private TomlDocument() {}

  public static Node read(Path file) throws ConfigException {
    return parse(file.toString(), YamlDocument.readText(file));
  }

  public static Node parse(String name, String text) throws ConfigException {
    TomlParseResult toml;
    try {
      toml = Toml.parse(text);
    } catch (TomlParseError e) {
      // tomlj throws some errors instead of collecting them, e.g. a bad escape in a quoted key ([["\E"]]).
      throw invalid(name, e);
    }
    if (toml.hasErrors()) {
      ConfigErrors errors = new ConfigErrors();
      for (TomlParseError e : toml.errors().subList(0, Math.min(MAX_ERRORS, toml.errors().size()))) {
        errors.add(invalid(name, e));
      }
      errors.throwIfAny();
    }
    if (toml.isEmpty()) {
      throw new ConfigException(name, 0, "", "the file is empty");
    }
    return new Converter(name).table(toml, null, 0);
  }

  private static ConfigException invalid(String name, TomlParseError e) {
    return new ConfigException(name, e.position() == null ? 0 : e.position().line(), "",
        "invalid TOML: " + e.getMessage().replaceFirst(" \\(line \\d+, column \\d+\\)$", ""));
  }

  /** Builds snakeyaml nodes from TOML values, keeping each value's line. */
  private record Converter(String name) {

    /** @param depth 0 for the file, 1 for a {@code [[metric]]}: the levels whose key names are case-insensitive */
    MappingNode table(TomlTable table, TomlPosition at, int depth) throws ConfigException {
      List<NodeTuple> tuples = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      for (String key : table.keySet()) {
        TomlPosition position = table.inputPositionOf(List.of(key));
        String k = depth <= 1 ? key.toLowerCase(Locale.ROOT) : key;
        if (depth == 0 && k.equals("metric")) {
          k = "metrics";
        }
        if (seen.contains(k)) {
          throw new ConfigException(name, line(position), k, "the key is given twice (keys are matched without "
              + "regard to case, as the Go exporters do)");
        }
        seen.add(k);
        Node keyNode = new ScalarNode(Tag.STR, k, mark(position), mark(position), DumperOptions.ScalarStyle.PLAIN);
        tuples.add(new NodeTuple(keyNode, value(table.get(List.of(key)), position, depth + 1)));
      }
      return new MappingNode(Tag.MAP, true, tuples, mark(at), mark(at), DumperOptions.FlowStyle.BLOCK);
    }

    private Node value(Object v, TomlPosition at, int depth) throws ConfigException {
      if (v instanceof TomlTable t) {
        return table(t, at, depth);
      }
      if (v instanceof TomlArray a) {
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
          TomlPosition p = a.inputPositionOf(i);
          items.add(value(a.get(i), p == null ? at : p, depth));
        }
        return new SequenceNode(Tag.SEQ, true, items, mark(at), mark(at), DumperOptions.FlowStyle.BLOCK);
      }
      Tag tag = v instanceof Boolean ? Tag.BOOL : v instanceof Long ? Tag.INT : v instanceof Double ? Tag.FLOAT
          : Tag.STR;
      String text = v instanceof Double d && d.isInfinite() ? (d > 0 ? "+Inf" : "-Inf") : String.valueOf(v);
      // A multi-line string keeps its lines, as a YAML literal block does.
      DumperOptions.ScalarStyle style = text.contains("\n") ? DumperOptions.ScalarStyle.LITERAL
          : DumperOptions.ScalarStyle.PLAIN;
      return new ScalarNode(tag, text, mark(at), mark(at), style);
    }

    private Mark mark(TomlPosition p) {
      return new Mark(name, 0, p == null ? 0 : p.line() - 1, p == null ? 0 : p.column() - 1, new int[0], 0);
    }

    private static int line(TomlPosition p) {
      return p == null ? 0 : p.line();
    }
  }
}
