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
public final class CountingExecutor<R> extends ForwardingExecutor<R> {

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  public CountingExecutor(RequestExecutor<R> real) {
    super(real);
  }

  public int calls(String request) {
    AtomicInteger n = calls.get(request);
    return n == null ? 0 : n.get();
  }

  @Override
  public List<Row> fetch(R request, Duration timeout) throws Exception {
    calls.computeIfAbsent(request.toString(), r -> new AtomicInteger()).incrementAndGet();
    return super.fetch(request, timeout);
  }
}
