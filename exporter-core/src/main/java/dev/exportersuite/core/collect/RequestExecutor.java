package dev.exportersuite.core.collect;

import java.time.Duration;
import java.util.List;

/**
 * What a datastore module supplies to the engine: a liveness check, a way to run one parsed request, and close.
 * Implementations must be thread-safe (requests run in parallel) and must honour the timeout themselves where
 * the datastore allows it, so that a slow request is stopped on the server too.
 *
 * <p>Round trips are shared by request equality: in one collection the engine calls {@link #fetch} once per
 * distinct request, however many definitions use it, and each definition reshapes the rows on its own.
 *
 * @param <R> the module's parsed request (see {@link dev.exportersuite.core.config.RequestParser})
 */
public interface RequestExecutor<R> extends AutoCloseable {

  /** A cheap liveness check behind {@code <namespace>_up}; throws with the reason when the datastore is unreachable. */
  void ping(Duration timeout) throws Exception;

  /** Runs {@code request} and returns its rows, within {@code timeout}. */
  List<Row> fetch(R request, Duration timeout) throws Exception;

  /** Secret values (passwords) that must never appear in messages this executor's errors produce. */
  default List<String> secrets() {
    return List.of();
  }

  @Override
  void close();
}
