package dev.exportersuite.core.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link MetricDefinition.Builder#build()} refuses: every problem at once, each naming the metrics-file key
 * it concerns, so a file parser can report it at that key's line and code that builds a definition gets a
 * message that says what to change.
 */
public final class InvalidDefinitionException extends IllegalArgumentException {

  /** One problem with the key ({@code metricsdesc}, {@code labels}, ...) it concerns. */
  public record Problem(String key, String problem) {
    @Override
    public String toString() {
      return key + ": " + problem;
    }
  }

  private final List<Problem> problems;

  public InvalidDefinitionException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
