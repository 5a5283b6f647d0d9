package dev.exportersuite.core.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one fuzz input on a worker thread and fails it when it hangs. JUnit's {@code @Timeout} cannot do this for
 * a Jazzer fuzz test: it would time the whole fuzzing run, which is one JUnit invocation.
 *
 * <p>A hang is {@link #BOUND} of the worker's CPU time (a loop that does not end), or {@link #STUCK} of wall time
 * (a wait that does not end). CPU time, not wall time, is bounded so that a loaded machine does not make a slow
 * input of one: on a 2-core machine at load 15, the first input's class loading and instrumentation took over 20 s
 * of wall time. Inputs take microseconds to milliseconds.
 */
public final class HangGuard {

  public static final Duration BOUND = Duration.ofSeconds(20);
  public static final Duration STUCK = Duration.ofMinutes(2);

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static volatile long workerId;
  private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "fuzz-input");
    t.setDaemon(true);
    workerId = t.getId();
    return t;
  });

  private HangGuard() {}

  /** The value of {@code work}, or what it threw, as if it had run on this thread. */
  public static <T> T call(Callable<T> work) throws Exception {
    AtomicLong cpuAtStart = new AtomicLong(-1);
    Future<T> result = WORKER.submit(() -> {
      cpuAtStart.set(THREADS.getCurrentThreadCpuTime());
      return work.call();
    });
    long wallStart = System.nanoTime();
    while (true) {
      try {
        return result.get(100, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long cpu = cpuAtStart.get() < 0 ? 0 : THREADS.getThreadCpuTime(workerId) - cpuAtStart.get();
        boolean looping = cpu > BOUND.toNanos();
        if (looping || System.nanoTime() - wallStart > STUCK.toNanos()) {
          result.cancel(true);
          throw new AssertionError(looping ? "the input has used more than " + BOUND.toSeconds() + " s of CPU: a hang"
              : "the input has not finished in " + STUCK.toMinutes() + " min: a hang");
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Exception x) {
          throw x;
        }
        throw (Error) e.getCause();
      }
    }
  }
}
