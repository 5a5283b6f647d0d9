package dev.exportersuite.core.snapshots;

import dev.exportersuite.core.collect.DefinitionResult;
import dev.exportersuite.core.config.MetricDefinition;
import dev.exportersuite.core.config.MetricNames;
import dev.exportersuite.core.config.Regexes;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns one collection's rows into metric families. Each exposed name has one owner: the first collector that
 * produced it in a collection; a later one producing it again loses that family with an error. A family that
 * cannot be built costs only itself.
 */
public final class FamilyAssembler {

  private final String namespace;
  private final Labels constLabels;
  private final Set<String> reserved;
  /**
   * Kept across collections: each converter caches the names its {@code namerules} resolved. By identity: a
   * definition's record hashCode walks its whole tree (request, steps, metrics), 14 % of this class's time.
   */
  private final Map<Definition, RowConverter> converters = new ConcurrentHashMap<>();

  /** A definition as a key by identity; a reload makes new definitions, whose converters start afresh. */
  private record Definition(MetricDefinition<?> d) {

    @Override
    public boolean equals(Object o) {
      return o instanceof Definition other && other.d == d;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(d);
    }
  }

  /**
   * @param constLabels added to every sample
   * @param reserved exposed names that belong to the exporter's own metrics: a user's family cannot replace one
   */
  public FamilyAssembler(String namespace, Labels constLabels, Set<String> reserved) {
    this.namespace = namespace;
    this.constLabels = constLabels;
    this.reserved = Set.copyOf(reserved);
  }

  /**
   * The families of one collection.
   *
   * @param families by exposed name ({@code _total} included for counters), in the order produced
   * @param problems per collector that had results, in their order: why some or all of its families are missing
   *     (its request failed, a value or label was wrong, a name clashed); empty when none are
   */
  public record Assembled(Map<String, MetricSnapshot> families, Map<String, List<String>> problems) {

    public Assembled {
      families = Collections.unmodifiableMap(new LinkedHashMap<>(families));
      Map<String, List<String>> copy = new LinkedHashMap<>();
      problems.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      problems = Collections.unmodifiableMap(copy);
    }
  }

  public Assembled assemble(List<DefinitionResult> results) {
    Map<String, MetricSnapshot> families = new LinkedHashMap<>();
    Map<String, String> owner = new LinkedHashMap<>();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (DefinitionResult r : results) {
      String collector = r.definition().collector();
      List<String> collectorProblems = problems.computeIfAbsent(collector, c -> new ArrayList<>());
      if (r.error().isPresent()) {
        collectorProblems.add(r.error().get());
        continue;
      }
      RowConverter converter = converters.computeIfAbsent(new Definition(r.definition()),
          d -> new RowConverter(d.d(), namespace));
      RowConverter.Converted converted;
      try {
        converted = converter.convert(r.rows());
      } catch (RuntimeException e) {
        // A namerule that backtracks, or a fault here: this definition's metrics only, not the scrape.
        collectorProblems.add(e instanceof Regexes.RegexTimeoutException ? e.getMessage() : "internal error: " + e);
        continue;
      }
      collectorProblems.addAll(converted.errors());
      for (FamilyBuilder f : converted.families()) {
        String key = MetricNames.exposed(f.name(), f.type());
        if (reserved.contains(key)) {
          // The exporter's own metric wins; names from row values can only be checked here, not at load.
          collectorProblems.add(f.name() + ": the exporter's own metric has this name; rename it in the metrics file");
          continue;
        }
        String other = owner.putIfAbsent(key, collector);
        if (other != null) {
          collectorProblems.add(f.name() + ": the same metric is also produced by collector '" + other
              + "' (" + r.definition().source() + "); rename one");
          continue;
        }
        try {
          families.put(key, f.build(constLabels, converter.labelCache(), converter.metadataCache()));
        } catch (IllegalArgumentException e) {
          owner.remove(key);
          collectorProblems.add(f.name() + ": " + e.getMessage());
        }
      }
    }
    return new Assembled(families, problems);
  }

  /** Drops the converters (and their name caches) of definitions not in {@code kept}, e.g. after a reload. */
  public void retain(Collection<? extends MetricDefinition<?>> kept) {
    Set<Definition> keep = new HashSet<>();
    kept.forEach(d -> keep.add(new Definition(d)));
    converters.keySet().retainAll(keep);
  }
}
