package dev.exportersuite.core.web;

/** A certificate, key or CA that cannot be used; the message names the file but never holds key material. */
public class TlsMaterialException extends Exception {

  public TlsMaterialException(String message) {
    super(message);
  }

  /** The file is missing, unreadable or too large. */
  static final class Unreadable extends TlsMaterialException {
    Unreadable(String message) {
      super(message);
    }
  }
}
