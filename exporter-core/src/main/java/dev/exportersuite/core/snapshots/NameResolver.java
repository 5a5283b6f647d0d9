package dev.exportersuite.core.snapshots;

import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.MetricNames;
import dev.exportersuite.core.config.MetricType;
import dev.exportersuite.core.config.NameRule;
import dev.exportersuite.core.config.Regexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * Resolves a {@code fieldtoappend} value to its metric: the first matching namerule wins; no match keeps the
 * cleaned value as the suffix. Results are cached: the same few hundred names come back every scrape.
 */
final class NameResolver {

  private static final Naming DROPPED = new Naming("", MetricType.UNTYPED, "", List.of(), List.of(), 0);
  private static final int CACHE_LIMIT = 10_000;

  private final MetricDefinition<?> definition;
  private final String namespace;
  private final String column;
  private final Map<String, Naming> cache = new ConcurrentHashMap<>();

  NameResolver(MetricDefinition<?> definition, String namespace) {
    this.definition = definition;
    this.namespace = namespace;
    this.column = definition.metrics().help().keySet().iterator().next();
  }

  /** @return the target, or null when a rule drops this value */
  Naming resolve(String value) {
    Naming t = cache.get(value);
    if (t == null) {
      t = compute(value);
      if (cache.size() < CACHE_LIMIT) {
        cache.put(value, t);
      }
    }
    return t == DROPPED ? null : t;
  }

  private Naming compute(String value) {
    String cleaned = MetricNames.clean(value);
    for (NameRule rule : definition.naming().rules()) {
      Matcher m = Regexes.matcher(rule.match(), cleaned);
      if (!m.matches()) {
        continue;
      }
      if (rule.drop()) {
        return DROPPED;
      }
      String suffix = rule.name().isEmpty() ? cleaned : MetricNames.clean(expand(m, rule.name()));
      List<String> labelNames = new ArrayList<>(definition.metrics().labels());
      List<String> extraValues = new ArrayList<>();
      rule.labels().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
        labelNames.add(e.getKey());
        extraValues.add(expand(m, e.getValue()));
      });
      return new Naming(MetricNames.join(namespace, definition.context(), suffix),
          rule.type().orElse(definition.metrics().typeOf(column)),
          rule.help().orElse(definition.metrics().help().get(column)),
          labelNames, extraValues, rule.scale());
    }
    return new Naming(MetricNames.join(namespace, definition.context(), cleaned), definition.metrics().typeOf(column),
        definition.metrics().help().get(column), definition.metrics().labels(), List.of(), 1.0);
  }

  private static String expand(Matcher m, String template) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
        int g = template.charAt(++i) - '0';
        String v = g <= m.groupCount() ? m.group(g) : null;
        sb.append(v == null ? "" : v);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Where one row value goes. */
  record Naming(String name, MetricType type, String help, List<String> labelNames, List<String> labelValues,
      double scale) {}
}
