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

  /**
   * Requests with equal keys need the same round trip to the datastore (e.g. {@code INFO ALL} read by several
   * definitions, each keeping other rows): the engine makes it once per collection with {@link #fetch} and lets
   * each request {@link #shape} its own rows from it. By default every distinct request is its own round trip.
   */
  default Object roundTripKey(String request) {
    return request;
  }

  /** The round trip {@code request} needs, before its own shaping. */
  default List<Row> fetch(String request, Duration timeout) throws Exception {
    return execute(request, timeout);
  }

  /** {@code request}'s rows from what its round trip returned. */
  default List<Row> shape(String request, List<Row> fetched) throws Exception {
    return fetched;
  }

  /** A cheap liveness check behind {@code <namespace>_up}; throws with the reason when the datastore is unreachable. */
  void ping(Duration timeout) throws Exception;

  /** Secret values (passwords) that must never appear in messages this executor's errors produce. */
  default List<String> secrets() {
    return List.of();
  }

  @Override
  void close();
}
