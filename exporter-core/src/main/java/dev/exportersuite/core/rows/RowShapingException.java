package dev.exportersuite.core.rows;

/**
 * Rows that a step cannot reshape (e.g. {@code pairs} on an odd number of elements). The message names the step
 * and counts, never a value of the data, so it can go to the log and the landing page as it is.
 */
public final class RowShapingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RowShapingException(String message) {
    super(message);
  }

  RowShapingException(String message, RowShapingException cause) {
    super(message, cause);
  }
}
