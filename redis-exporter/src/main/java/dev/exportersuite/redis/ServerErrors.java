package dev.exportersuite.redis;

import dev.exportersuite.core.snapshots.ErrorText;

/**
 * Bounds a server's error text before it reaches a label, a log line or the landing page, tighter than the core's
 * bound: a script's {@code redis.error_reply(...)} or a module's message can be megabytes and can quote values.
 */
final class ServerErrors {

  /** Enough for every message Redis itself writes (the longest, BUSY's, is about 90 characters). */
  static final int MAX = 200;

  private ServerErrors() {}

  static String bounded(String message) {
    return ErrorText.bound(message, MAX);
  }
}
