package dev.exportersuite.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;

/**
 * The moment a request must have its answer by. Every Admin call of the request gets the time left as its own
 * {@code timeoutMs}, so a broker that does not answer costs the request one timeout, not one per partition.
 *
 * @param endNanos {@link System#nanoTime()} at the deadline
 */
record Deadline(long endNanos) {

  /** Time kept back from a request's limit to turn what arrived into rows before the engine stops waiting. */
  private static final Duration RESERVE = Duration.ofMillis(300);

  /** The request's working deadline: its limit, less a reserve (a tenth of it, at most 300 ms). */
  static Deadline within(Duration limit) {
    long reserve = Math.min(RESERVE.toNanos(), limit.toNanos() / 10);
    return new Deadline(System.nanoTime() + limit.toNanos() - reserve);
  }

  long remainingNanos() {
    return Math.max(0, endNanos - System.nanoTime());
  }

  /** For an Admin call's {@code timeoutMs}: at least 1 ms (0 would mean "the client's default"). */
  int timeoutMs() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(remainingNanos())));
  }

  /** An earlier deadline, {@code share} of the time left, for a call that others must wait for. */
  Deadline part(double share) {
    return new Deadline(System.nanoTime() + (long) (remainingNanos() * share));
  }

  boolean passed() {
    return remainingNanos() == 0;
  }

  /**
   * The future's value, waiting at most until this deadline.
   *
   * @throws Exception the call's own failure (unwrapped), or a {@link TimeoutException} at the deadline
   */
  <T> T await(KafkaFuture<T> future) throws Exception {
    try {
      return future.get(remainingNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
