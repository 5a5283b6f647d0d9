package dev.exportersuite.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration problems that a person must fix. Each one names the file, the line (when known) and the path of
 * the key, so the user can go straight to it: {@code metrics.yaml:12: metrics[1].request: ...}. One exception
 * carries every problem found in one go, so that a user fixes them all in one round instead of one per restart.
 */
public final class ConfigException extends Exception {

  /** At most this many problems are shown; a last line says how many more there are. */
  public static final int SHOWN = 20;

  /** One problem, at one place. */
  public record Problem(String file, int line, String path, String problem) {

    /** {@code file:line: path: problem}, leaving out what is unknown. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(file == null ? "<config>" : file);
      if (line > 0) {
        sb.append(':').append(line);
      }
      sb.append(": ");
      if (path != null && !path.isEmpty()) {
        sb.append(path).append(": ");
      }
      return sb.append(problem).toString();
    }
  }

  private final List<Problem> problems;
  private final List<String> lines;

  public ConfigException(String file, int line, String path, String problem) {
    this(List.of(new Problem(file, line, path, problem)));
  }

  private ConfigException(List<Problem> sorted) {
    this(sorted, shown(sorted));
  }

  private ConfigException(List<Problem> sorted, List<String> lines) {
    super(String.join("\n", lines));
    this.problems = sorted;
    this.lines = lines;
  }

  /** All of {@code problems} in one exception, in file order (as first met) and line order within a file. */
  public static ConfigException of(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems to report");
    }
    Map<String, List<Problem>> byFile = new LinkedHashMap<>();
    for (Problem p : problems) {
      byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p);
    }
    List<Problem> sorted = new ArrayList<>();
    for (List<Problem> inFile : byFile.values()) {
      inFile.sort(Comparator.comparingInt(Problem::line));
      sorted.addAll(inFile);
    }
    return new ConfigException(List.copyOf(sorted));
  }

  private static List<String> shown(List<Problem> problems) {
    List<String> out = new ArrayList<>();
    problems.stream().limit(SHOWN).forEach(p -> out.add(p.toString()));
    int more = problems.size() - SHOWN;
    if (more > 0) {
      out.add(more + (more == 1 ? " more error" : " more errors") + " not shown; fix the ones above and run again");
    }
    return List.copyOf(out);
  }

  /** Every problem, also those beyond {@link #SHOWN}, in the order of {@link #getMessage()}. */
  public List<Problem> problems() {
    return problems;
  }

  /** The lines of {@link #getMessage()}: at most {@link #SHOWN} problems, then how many more there are. */
  public List<String> lines() {
    return lines;
  }

  /** The file of the first problem. */
  public String file() {
    return problems.get(0).file();
  }

  /** 1-based line of the first problem, or 0 when it is not tied to one line. */
  public int line() {
    return problems.get(0).line();
  }

  /** The key path of the first problem. */
  public String path() {
    return problems.get(0).path();
  }

  /** What is wrong at the first problem. */
  public String problem() {
    return problems.get(0).problem();
  }
}
