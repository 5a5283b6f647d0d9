package dev.exportersuite.core.rows;

import dev.exportersuite.core.config.ConfigErrors;
import dev.exportersuite.core.config.ConfigException;
import dev.exportersuite.core.config.KeySuggestions;
import dev.exportersuite.core.config.Regexes;
import dev.exportersuite.core.config.YamlMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the {@code rows:} key of a metrics-file entry: a list of steps, each a step name ({@code - pairs}, for the
 * steps whose arguments are all optional) or a mapping of one step name to its arguments
 * ({@code - rename: {value: length}}). Every bad step is reported, each with its own line.
 */
public final class RowShapingParser {

  /** The entry key this parser reads. */
  public static final String KEY = "rows";

  /** The step names, in the order the documentation lists them. */
  public static final List<String> STEPS = List.of("match", "rename", "set", "pairs", "unpivot", "pivot", "calc",
      "fill", "sum");

  private static final Set<String> ALL_OPTIONAL = Set.of("pairs", "unpivot", "pivot");
  private static final Map<String, String> USAGE = Map.of(
      "match", "match: {COLUMN: REGEX, ...}",
      "rename", "rename: {OLD: NEW, ...}",
      "set", "set: {COLUMN: VALUE, ...}",
      "pairs", "- pairs",
      "unpivot", "unpivot: {keep: [COLUMN, ...], name: field, value: value}",
      "pivot", "pivot: {name: name, value: value, by: COLUMN}",
      "calc", "calc: {COLUMN: 'A OP B', ...}",
      "fill", "fill: {keys: {COLUMN: VALUES, ...}, with: {COLUMN: VALUE, ...}}",
      "sum", "sum: {by: [COLUMN, ...], columns: [COLUMN, ...]}");

  private RowShapingParser() {}

  /**
   * The entry's {@code rows} steps; {@link RowShaping#NONE} when it has none. Marks the key as read, so the
   * entry's {@link YamlMapping#finish()} accepts it.
   *
   * @throws ConfigException every bad step at once, each at its file, line and path ({@code metrics[0].rows[2]})
   */
  public static RowShaping parse(YamlMapping entry) throws ConfigException {
    List<Node> items = entry.list(KEY);
    ConfigErrors errors = new ConfigErrors();
    List<RowStep> steps = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      int index = i;
      errors.read(() -> step(entry, index, items.get(index))).ifPresent(steps::add);
    }
    errors.throwIfAny();
    return steps.isEmpty() ? RowShaping.NONE : new RowShaping(steps);
  }

  private static RowStep step(YamlMapping entry, int index, Node node) throws ConfigException {
    String path = entry.child(KEY) + "[" + index + "]";
    if (node instanceof ScalarNode scalar) {
      if (scalar.getTag().equals(Tag.NULL)) {
        throw error(entry, node, path, "an empty step: write a step name, e.g. '- pairs', or a step with its "
            + "arguments, e.g. '- rename: {value: length}'");
      }
      String name = known(entry, node, path, scalar.getValue());
      if (!ALL_OPTIONAL.contains(name)) {
        throw error(entry, node, path, name + " needs arguments: write '- " + USAGE.get(name) + "'");
      }
      return withDefaults(name);
    }
    if (!(node instanceof MappingNode)) {
      throw error(entry, node, path, "a step is a step name ('- pairs') or a mapping of one step name to its "
          + "arguments ('- rename: {value: length}'), found a list");
    }
    YamlMapping step = entry.item(KEY, index, node);
    if (step.keys().size() != 1) {
      throw error(entry, node, path, "a step is a mapping with exactly one key, the step name; found "
          + step.keys().size() + " keys (" + shortList(step.keys()) + "): start each step with its own '- '");
    }
    String name = known(entry, node, path, step.keys().iterator().next());
    Node args = step.node(name).orElseThrow();
    if (args instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
      if (!ALL_OPTIONAL.contains(name)) {
        throw step.error(name, name + " needs arguments: write '- " + USAGE.get(name) + "'");
      }
      return withDefaults(name);
    }
    if (!(args instanceof MappingNode)) {
      throw step.error(name, "expected a mapping of arguments: write '- " + USAGE.get(name) + "'");
    }
    YamlMapping a = step.mapping(name).orElseThrow();
    try {
      return switch (name) {
        case "match" -> match(a);
        case "rename" -> new Rename(scalars(a));
        case "set" -> new SetColumns(scalars(a));
        case "pairs" -> pairs(a);
        case "unpivot" -> unpivot(a);
        case "pivot" -> pivot(a);
        case "calc" -> calc(a);
        case "sum" -> sum(a);
        default -> fill(a);
      };
    } catch (IllegalArgumentException e) {
      // A record's own check (an empty mapping, a name given twice): about the step's arguments as a whole.
      throw a.error("", problem(name, e));
    }
  }

  private static String known(YamlMapping entry, Node node, String path, String name) throws ConfigException {
    if (STEPS.contains(name)) {
      return name;
    }
    String hint = KeySuggestions.closest(name, STEPS).map(s -> " (did you mean '" + s + "'?)").orElse("");
    throw error(entry, node, path, "unknown step '" + name + "'" + hint + "; known steps: "
        + String.join(", ", STEPS));
  }

  private static RowStep withDefaults(String name) {
    return switch (name) {
      case "pairs" -> new Pairs();
      case "unpivot" -> new Unpivot();
      default -> new Pivot();
    };
  }

  private static RowStep match(YamlMapping a) throws ConfigException {
    Map<String, Pattern> columns = new LinkedHashMap<>();
    for (String column : a.keys()) {
      String regex = Regexes.bounded(a, column);
      try {
        columns.put(column, Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        throw a.error(column, "not a valid regular expression: " + e.getDescription());
      }
    }
    return new Match(columns);
  }

  /** Every key of {@code a} with its (required) single value, in file order. */
  private static Map<String, String> scalars(YamlMapping a) throws ConfigException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : a.keys()) {
      out.put(key, a.requiredString(key));
    }
    return out;
  }

  private static RowStep pairs(YamlMapping a) throws ConfigException {
    if (!a.keys().isEmpty()) {
      throw a.error("", "pairs takes no arguments: write '- pairs'");
    }
    return new Pairs();
  }

  private static RowStep unpivot(YamlMapping a) throws ConfigException {
    a.expect(List.of("keep", "name", "value"));
    List<String> keep = a.stringList("keep");
    String name = a.string("name").orElse(Unpivot.DEFAULT_NAME);
    String value = a.string("value").orElse(Unpivot.DEFAULT_VALUE);
    a.finish();
    return new Unpivot(keep, name, value);
  }

  private static RowStep pivot(YamlMapping a) throws ConfigException {
    a.expect(List.of("name", "value", "by"));
    String name = a.string("name").orElse(Pivot.DEFAULT_NAME);
    String value = a.string("value").orElse(Pivot.DEFAULT_VALUE);
    String by = a.string("by").orElse(null);
    a.finish();
    return new Pivot(name, value, by);
  }

  private static RowStep calc(YamlMapping a) throws ConfigException {
    Map<String, Calc.Formula> columns = new LinkedHashMap<>();
    for (String column : a.keys()) {
      String text = a.requiredString(column);
      try {
        columns.put(column, Calc.Formula.parse(text));
      } catch (IllegalArgumentException e) {
        throw a.error(column, problem("calc", e));
      }
    }
    return new Calc(columns);
  }

  private static RowStep sum(YamlMapping a) throws ConfigException {
    a.expect(List.of("by", "columns"));
    List<String> by = a.stringList("by");
    if (!a.has("columns")) {
      a.refuseUnknownKeys();
      throw a.error("columns", "sum needs columns: the columns to add up, e.g. columns: [lag]");
    }
    List<String> columns = a.stringList("columns");
    a.finish();
    return new Sum(by, columns);
  }

  private static RowStep fill(YamlMapping a) throws ConfigException {
    a.expect(List.of("keys", "with"));
    Map<String, List<String>> keys = new LinkedHashMap<>();
    Optional<YamlMapping> k = a.mapping("keys");
    if (k.isPresent()) {
      for (String column : k.get().keys()) {
        List<String> values = new ArrayList<>();
        for (String item : k.get().stringList(column)) {
          try {
            values.addAll(ValueRange.expand(item));
          } catch (IllegalArgumentException e) {
            throw k.get().error(column, problem("fill", e));
          }
        }
        keys.put(column, values);
      }
    }
    if (!a.has("with")) {
      a.refuseUnknownKeys();
      throw a.error("with", "fill needs with: the columns of the rows it adds, e.g. with: {value: 0}");
    }
    Map<String, String> with = a.stringMap("with");
    a.finish();
    return new Fill(keys, with);
  }

  /** The records' messages start with "step: " for callers in code; in a file the path names the step already. */
  private static String problem(String step, IllegalArgumentException e) {
    String prefix = step + ": ";
    return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
  }

  private static String shortList(Set<String> keys) {
    List<String> shown = keys.stream().limit(4).toList();
    return String.join(", ", shown) + (keys.size() > shown.size() ? ", ..." : "");
  }

  private static ConfigException error(YamlMapping entry, Node at, String path, String problem) {
    return new ConfigException(entry.file(), at.getStartMark().getLine() + 1, path, problem);
  }
}
