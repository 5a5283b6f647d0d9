package dev.exportersuite.core.snapshots;

/** A row that cannot become a sample; costs its own metric only. */
final class SampleException extends Exception {
  SampleException(String message) {
    super(message);
  }
}
