package dev.exportersuite.mysql;

/** The one log line of a peer flag that is accepted but changes nothing here; it never repeats the flag's value. */
final class NoEffect {

  private NoEffect() {}

  static String line(String flag, String reason) {
    return flag + " has no effect here: " + reason;
  }
}
