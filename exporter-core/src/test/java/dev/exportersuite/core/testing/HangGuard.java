package dev.exportersuite.core.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz input on a worker thread and fails it when it has not finished after a bound that is a hang,
 * not a speed (inputs take microseconds; the bound is seconds). JUnit's {@code @Timeout} cannot do this for a
 * Jazzer fuzz test: it would time the whole fuzzing run, which is one JUnit invocation.
 */
public final class HangGuard {

  /**
   * Inputs take microseconds to milliseconds; the first ones of a run also load and instrument classes, which
   * took up to 6 s on a loaded 2-core machine.
   */
  public static final Duration BOUND = Duration.ofSeconds(20);

  private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "fuzz-input");
    t.setDaemon(true);
    return t;
  });

  private HangGuard() {}

  /** The value of {@code work}, or what it threw, as if it had run on this thread. */
  public static <T> T call(Duration bound, Callable<T> work) throws Exception {
    Future<T> result = WORKER.submit(work);
    try {
      return result.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new AssertionError("the input has run for more than " + bound.toSeconds() + " s: a hang");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw (Error) e.getCause();
    }
  }
}
