package dev.exportersuite.core.testing;

import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory executor for fast engine tests: each request answers {@code value} = the number in its text
 * ({@code "7"}) after a scripted delay, or fails, or blocks without heeding interrupts (a driver stuck in a
 * socket read). It counts round trips and records whether it was closed.
 */
public final class ScriptedExecutor implements RequestExecutor<String> {

  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Duration pingDelay = Duration.ZERO;
  private volatile String stuckRequest;

  public ScriptedExecutor delay(String request, Duration delay) {
    delays.put(request, delay);
    return this;
  }

  public ScriptedExecutor fail(String request, String message) {
    failures.put(request, message);
    return this;
  }

  /** {@code request} blocks until {@link #releaseStuck()}, ignoring interrupts and its timeout. */
  public ScriptedExecutor stuck(String request) {
    stuckRequest = request;
    return this;
  }

  public ScriptedExecutor pingDelay(Duration delay) {
    pingDelay = delay;
    return this;
  }

  public void releaseStuck() {
    release.countDown();
  }

  public int fetches(String request) {
    AtomicInteger n = fetches.get(request);
    return n == null ? 0 : n.get();
  }

  public boolean closed() {
    return closed.get();
  }

  @Override
  public List<Row> fetch(String request, Duration timeout) throws Exception {
    fetches.computeIfAbsent(request, r -> new AtomicInteger()).incrementAndGet();
    if (request.equals(stuckRequest)) {
      boolean interrupted = false;
      while (true) {
        try {
          release.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    Duration d = delays.getOrDefault(request, Duration.ZERO);
    if (!d.isZero()) {
      Thread.sleep(d.toMillis());
    }
    String failure = failures.get(request);
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
    return List.of(Row.of("value", Double.parseDouble(request.replaceAll("[^0-9.]", ""))));
  }

  @Override
  public void ping(Duration timeout) throws Exception {
    if (!pingDelay.isZero()) {
      Thread.sleep(pingDelay.toMillis());
    }
  }

  @Override
  public void close() {
    closed.set(true);
  }
}
