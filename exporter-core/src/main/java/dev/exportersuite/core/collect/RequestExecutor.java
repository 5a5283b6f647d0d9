package dev.exportersuite.core.collect;

import java.time.Duration;
import java.util.List;

/**
 * What a datastore module supplies: run one {@code request} from a metrics file and return its rows.
 * Implementations must be thread-safe (definitions run in parallel) and must honour the timeout themselves
 * where the datastore allows it, so that a slow request is stopped on the server too.
 */
public interface RequestExecutor extends AutoCloseable {

  List<Row> execute(String request, Duration timeout) throws Exception;

  /** A cheap liveness check behind {@code <namespace>_up}; throws with the reason when the datastore is unreachable. */
  void ping(Duration timeout) throws Exception;

  /** Secret values (passwords) that must never appear in messages this executor's errors produce. */
  default List<String> secrets() {
    return List.of();
  }

  @Override
  void close();
}
