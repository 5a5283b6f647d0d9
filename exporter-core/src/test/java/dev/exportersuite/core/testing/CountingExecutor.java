package dev.exportersuite.core.testing;

import dev.exportersuite.core.collect.ForwardingExecutor;
import dev.exportersuite.core.collect.RequestExecutor;
import dev.exportersuite.core.collect.Row;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a real executor and counts the round trips that reach it, to show what the engine saves the datastore. */
public final class CountingExecutor extends ForwardingExecutor {

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  public CountingExecutor(RequestExecutor real) {
    super(real);
  }

  public int calls(String request) {
    AtomicInteger n = calls.get(request);
    return n == null ? 0 : n.get();
  }

  @Override
  public List<Row> fetch(String request, Duration timeout) throws Exception {
    calls.computeIfAbsent(request, r -> new AtomicInteger()).incrementAndGet();
    return super.fetch(request, timeout);
  }
}
