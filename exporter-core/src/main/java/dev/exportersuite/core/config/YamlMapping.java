package dev.exportersuite.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A strict view of one YAML mapping. Every read names the key it wants; {@link #finish()} then refuses any key
 * that nobody read, with a "did you mean" hint. This is what makes a misspelt key an error instead of a silently
 * ignored setting.
 */
public final class YamlMapping {

  private final String file;
  private final String path;
  private final Node node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> read = new LinkedHashSet<>();
  private final List<String> expectedKeys = new ArrayList<>();
  private final UnaryOperator<String> scalarFilter;

  private YamlMapping(String file, String path, MappingNode node, UnaryOperator<String> scalarFilter)
      throws ConfigException {
    this.file = file;
    this.path = path;
    this.node = node;
    this.scalarFilter = scalarFilter;
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw error(tuple.getKeyNode(), path, "keys must be plain words");
      }
      if (entries.put(key.getValue(), tuple) != null) {
        throw error(key, child(key.getValue()), "the key is given twice");
      }
    }
  }

  /** @param scalarFilter applied to every scalar read (e.g. environment expansion), or identity */
  public static YamlMapping of(String file, String path, Node node, UnaryOperator<String> scalarFilter)
      throws ConfigException {
    if (!(node instanceof MappingNode mapping)) {
      throw error(file, node, path, "expected a mapping (key: value lines), found " + describe(node));
    }
    return new YamlMapping(file, path, mapping, scalarFilter);
  }

  public static YamlMapping of(String file, String path, Node node) throws ConfigException {
    return of(file, path, node, UnaryOperator.identity());
  }

  public String file() {
    return file;
  }

  public String path() {
    return path;
  }

  /** 1-based line of this mapping. */
  public int line() {
    return node.getStartMark().getLine() + 1;
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public Optional<Node> node(String key) {
    NodeTuple t = entries.get(key);
    if (t == null) {
      return Optional.empty();
    }
    read.add(key);
    return Optional.of(t.getValueNode());
  }

  public String requiredString(String key) throws ConfigException {
    Node n = node(key).orElseThrow(() -> missing(key));
    return scalar(n, child(key), false);
  }

  public Optional<String> string(String key) throws ConfigException {
    Optional<Node> n = node(key);
    if (n.isEmpty() || isNull(n.get())) {
      return Optional.empty();
    }
    return Optional.of(scalar(n.get(), child(key), false));
  }

  public boolean bool(String key, boolean fallback) throws ConfigException {
    Optional<Node> n = node(key);
    if (n.isEmpty() || isNull(n.get())) {
      return fallback;
    }
    String v = scalar(n.get(), child(key), false).trim().toLowerCase(java.util.Locale.ROOT);
    return switch (v) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw error(n.get(), child(key), "expected true or false, found '" + v + "'");
    };
  }

  public Optional<Integer> integer(String key, int min, int max) throws ConfigException {
    Optional<Node> n = node(key);
    if (n.isEmpty() || isNull(n.get())) {
      return Optional.empty();
    }
    String v = scalar(n.get(), child(key), false).trim();
    try {
      int i = Integer.parseInt(v);
      if (i < min || i > max) {
        throw error(n.get(), child(key), "must be between " + min + " and " + max + ", found " + i);
      }
      return Optional.of(i);
    } catch (NumberFormatException e) {
      throw error(n.get(), child(key), "expected a whole number, found '" + v + "'");
    }
  }

  /** A whole number means seconds (as oracledb_exporter's querytimeout); otherwise 500ms, 2s, 1m... */
  public Optional<Duration> duration(String key) throws ConfigException {
    Optional<Node> n = node(key);
    if (n.isEmpty() || isNull(n.get())) {
      return Optional.empty();
    }
    String v = scalar(n.get(), child(key), false);
    try {
      Duration d = Durations.parse(v);
      if (d.isNegative() || d.isZero()) {
        throw error(n.get(), child(key), "must be greater than zero");
      }
      return Optional.of(d);
    } catch (IllegalArgumentException e) {
      throw error(n.get(), child(key), e.getMessage());
    }
  }

  /** A list of words; a single word or a comma-separated string is accepted too, as users write both. */
  public List<String> stringList(String key) throws ConfigException {
    Optional<Node> n = node(key);
    if (n.isEmpty() || isNull(n.get())) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (n.get() instanceof SequenceNode seq) {
      int i = 0;
      for (Node item : seq.getValue()) {
        out.add(scalar(item, child(key) + "[" + i++ + "]", false));
      }
    } else {
      for (String part : scalar(n.get(), child(key), false).split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  /** A mapping of word to scalar, in file order. */
  public Map<String, String> stringMap(String key) throws ConfigException {
    Optional<YamlMapping> m = mapping(key);
    if (m.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : m.get().keys()) {
      out.put(k, m.get().requiredString(k));
    }
    return out;
  }

  public Optional<YamlMapping> mapping(String key) throws ConfigException {
    Optional<Node> n = node(key);
    if (n.isEmpty() || isNull(n.get())) {
      return Optional.empty();
    }
    return Optional.of(of(file, child(key), n.get(), scalarFilter));
  }

  public List<YamlMapping> mappingList(String key) throws ConfigException {
    List<Node> items = list(key);
    List<YamlMapping> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      out.add(item(key, i, items.get(i)));
    }
    return out;
  }

  /** The items of a list, unread, so that a caller can read each on its own and go on after a broken one. */
  public List<Node> list(String key) throws ConfigException {
    Optional<Node> n = node(key);
    if (n.isEmpty() || isNull(n.get())) {
      return List.of();
    }
    if (!(n.get() instanceof SequenceNode seq)) {
      throw error(n.get(), child(key), "expected a list (lines starting with '- '), found " + describe(n.get()));
    }
    return seq.getValue();
  }

  /** Item {@code index} of the list under {@code key}, as a mapping. */
  public YamlMapping item(String key, int index, Node item) throws ConfigException {
    return of(file, child(key) + "[" + index + "]", item, scalarFilter);
  }

  /** Refuses every key that was not read: a misspelt or unknown key is never silently ignored. All at once. */
  public void finish() throws ConfigException {
    refuse(key -> !read.contains(key));
  }

  /**
   * Refuses the keys outside {@link #expect}; for a mapping whose reading stopped at an error, where an unread key
   * may just not have been reached yet.
   */
  public void refuseUnknownKeys() throws ConfigException {
    refuse(key -> !expectedKeys.isEmpty() && !expectedKeys.contains(key));
  }

  private void refuse(Predicate<String> unwanted) throws ConfigException {
    ConfigErrors errors = new ConfigErrors();
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (unwanted.test(e.getKey())) {
        String hint = KeySuggestions.closest(e.getKey(), expectedKeys)
            .map(s -> " (did you mean '" + s + "'?)")
            .orElse("");
        String known = expectedKeys.isEmpty() ? "" : "; known keys: " + String.join(", ", expectedKeys);
        errors.add(error(e.getValue().getKeyNode(), child(e.getKey()), "unknown key '" + e.getKey() + "'" + hint
            + known));
      }
    }
    errors.throwIfAny();
  }

  /** Declares the keys this mapping may hold, so that {@link #finish()} can suggest the right spelling. */
  public YamlMapping expect(Collection<String> keys) {
    expectedKeys.clear();
    expectedKeys.addAll(keys);
    return this;
  }

  public ConfigException error(String key, String problem) {
    NodeTuple t = entries.get(key);
    return error(t == null ? node : t.getValueNode(), key.isEmpty() ? path : child(key), problem);
  }

  /**
   * A problem with part of a text value: for a literal block ({@code request: |}) whose lines are kept, the line
   * that holds {@code part}; otherwise the value's line.
   */
  public ConfigException errorInText(String key, Optional<String> part, String problem) {
    NodeTuple t = entries.get(key);
    if (t == null || part.isEmpty() || !(t.getValueNode() instanceof ScalarNode s)
        || s.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL) {
      return error(key, problem);
    }
    int at = s.getValue().indexOf(part.get());
    if (at < 0) {
      return error(key, problem);
    }
    // The text starts on the line after the '|' indicator.
    int line = s.getStartMark().getLine() + 2 + (int) s.getValue().substring(0, at).chars().filter(c -> c == '\n').count();
    return new ConfigException(file, line, child(key), problem);
  }

  /** A required key is absent; if a misspelling of it is present, that is the more useful thing to say. */
  public ConfigException missing(String key) {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      boolean unknown = !expectedKeys.isEmpty() && !expectedKeys.contains(e.getKey());
      if (unknown && KeySuggestions.closest(e.getKey(), List.of(key)).isPresent()) {
        return error(e.getValue().getKeyNode(), child(e.getKey()), "unknown key '" + e.getKey()
            + "' (did you mean '" + key + "'?)");
      }
    }
    return new ConfigException(file, line(), child(key), "required key '" + key + "' is missing");
  }

  public String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private String scalar(Node n, String at, boolean allowNull) throws ConfigException {
    if (!(n instanceof ScalarNode s)) {
      throw error(n, at, "expected a single value, found " + describe(n));
    }
    if (!allowNull && s.getTag().equals(Tag.NULL)) {
      throw error(n, at, "a value is required here");
    }
    try {
      return scalarFilter.apply(s.getValue());
    } catch (IllegalArgumentException e) {
      throw error(n, at, e.getMessage());
    }
  }

  private static boolean isNull(Node n) {
    return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  private ConfigException error(Node at, String where, String problem) {
    return error(file, at, where, problem);
  }

  private static ConfigException error(String file, Node at, String where, String problem) {
    int line = at == null ? 0 : at.getStartMark().getLine() + 1;
    return new ConfigException(file, line, where, problem);
  }

  private static String describe(Node n) {
    if (n instanceof MappingNode) {
      return "a mapping";
    }
    if (n instanceof SequenceNode) {
      return "a list";
    }
    if (n instanceof ScalarNode s) {
      return s.getTag().equals(Tag.NULL) ? "nothing" : "the value '" + s.getValue() + "'";
    }
    return "something else";
  }
}
