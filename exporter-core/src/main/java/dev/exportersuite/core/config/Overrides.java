package dev.exportersuite.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * How a later metrics file replaces an entry of an earlier one (a team's file over the module's defaults), as
 * Oracle's exporter does it: an entry with the same {@code context} and the same set of {@code metricsdesc}
 * columns (without regard to case) takes the earlier entry's place. Anything else that makes the same metric is
 * still a conflict, refused by {@link MetricsFiles#checkUnique}.
 */
public final class Overrides {

  private Overrides() {}

  /**
   * @param earlier definitions loaded so far, in order
   * @param later the next file's definitions
   * @param replaced told of each replacement, e.g. to log it
   * @return {@code earlier} with each replaced entry swapped in place, then the new entries; {@code later} may
 *     hold several files (a directory), each of which may replace entries of the files before it
   */
  public static <R> List<MetricDefinition<R>> apply(List<MetricDefinition<R>> earlier,
      List<MetricDefinition<R>> later, Consumer<String> replaced) {
    List<MetricDefinition<R>> out = new ArrayList<>(earlier);
    for (MetricDefinition<R> d : later) {
      int at = indexOfSame(out, d);
      if (at < 0) {
        out.add(d);
      } else {
        replaced.accept(d.source() + " replaces the entry of context '" + d.context() + "' from "
            + out.get(at).source());
        out.set(at, d);
      }
    }
    return out;
  }

  /** Only entries of other files can be replaced: within one file the same entry twice is a mistake. */
  private static <R> int indexOfSame(List<MetricDefinition<R>> defs, MetricDefinition<R> d) {
    for (int i = 0; i < defs.size(); i++) {
      MetricDefinition<R> e = defs.get(i);
      if (e.context().equalsIgnoreCase(d.context()) && columns(e).equals(columns(d))
          && !Objects.equals(e.source().file(), d.source().file())) {
        return i;
      }
    }
    return -1;
  }

  private static Set<String> columns(MetricDefinition<?> d) {
    Set<String> out = new TreeSet<>();
    d.metrics().help().keySet().forEach(c -> out.add(c.toLowerCase(Locale.ROOT)));
    return out;
  }
}
