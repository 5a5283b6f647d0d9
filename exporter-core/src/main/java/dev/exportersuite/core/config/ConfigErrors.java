package dev.exportersuite.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Collects the problems of parts that can fail on their own (entries of a file, files of a set), so that one run
 * reports all of them: a part that fails is left out and the next one is read.
 */
public final class ConfigErrors {

  /** One part that yields a value or fails. */
  @FunctionalInterface
  public interface Part<T> {
    T read() throws ConfigException;
  }

  /** One part that only checks. */
  @FunctionalInterface
  public interface Check {
    void run() throws ConfigException;
  }

  private final List<ConfigException.Problem> problems = new ArrayList<>();

  /** The part's value, or empty when it failed (its problems are recorded). */
  public <T> Optional<T> read(Part<T> part) {
    try {
      return Optional.of(part.read());
    } catch (ConfigException e) {
      add(e);
      return Optional.empty();
    }
  }

  /** Runs the check; its problems are recorded. */
  public void check(Check check) {
    try {
      check.run();
    } catch (ConfigException e) {
      add(e);
    }
  }

  /**
   * Records every problem of {@code e}, except one at a place (file, line and key path) already reported: two
   * checks that notice the same misspelt key say it once.
   */
  public void add(ConfigException e) {
    for (ConfigException.Problem p : e.problems()) {
      boolean known = problems.stream().anyMatch(q -> Objects.equals(q.file(), p.file()) && q.line() == p.line()
          && Objects.equals(q.path(), p.path()));
      if (!known) {
        problems.add(p);
      }
    }
  }

  /** The problems recorded so far, in the order met. */
  public List<ConfigException.Problem> problems() {
    return List.copyOf(problems);
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Throws all problems recorded so far as one exception; does nothing when there are none. */
  public void throwIfAny() throws ConfigException {
    if (!problems.isEmpty()) {
      throw ConfigException.of(problems);
    }
  }
}
