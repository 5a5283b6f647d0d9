package dev.exportersuite.core.endpoint;

/**
 * An address the strict grammar refuses. The message repeats a bounded piece of the input; {@link #reason()}
 * does not, for callers whose input may hold a password (a Redis URL, a DSN with a missing {@code @}).
 */
public final class InvalidAddressException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;
  private final String reason;

  InvalidAddressException(String input, String reason) {
    super(input == null ? reason : InputText.quote(input) + ": " + reason);
    this.reason = reason;
  }

  /** What is wrong, without any of the input. */
  public String reason() {
    return reason;
  }
}
