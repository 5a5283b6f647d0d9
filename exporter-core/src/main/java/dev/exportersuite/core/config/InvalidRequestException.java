package dev.exportersuite.core.config;

import java.util.Optional;

/**
 * A request text that a module's {@link RequestParser} refuses. The core turns it into a config error at the
 * request's file and line; when {@link #part()} is given, at the line of the request that holds it.
 */
public final class InvalidRequestException extends Exception {

  /** Longest part quoted back, so that a pasted script does not flood the message. */
  private static final int MAX_PART = 80;

  private final String problem;
  private final Optional<String> part;

  /**
   * @param problem what is wrong and how to write it
   * @param part the word or fragment of the request text that is wrong, if there is one
   */
  public InvalidRequestException(String problem, Optional<String> part) {
    super(problem);
    this.problem = problem;
    this.part = part.filter(p -> !p.isBlank());
  }

  public InvalidRequestException(String problem) {
    this(problem, Optional.empty());
  }

  public InvalidRequestException(String problem, String part) {
    this(problem, Optional.ofNullable(part));
  }

  public String problem() {
    return problem;
  }

  public Optional<String> part() {
    return part;
  }

  /** The problem, with the offending part quoted (shortened) when known. */
  public String describe() {
    return part.map(p -> problem + " (at '" + (p.length() > MAX_PART ? p.substring(0, MAX_PART) + "..." : p) + "')")
        .orElse(problem);
  }
}
