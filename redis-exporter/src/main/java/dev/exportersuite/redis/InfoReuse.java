package dev.exportersuite.redis;

import dev.exportersuite.core.collect.Row;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets the definitions of one collection share one {@code INFO} reply: the default collectors read several
 * sections of {@code INFO ALL}, and asking the server once instead of five times is what keeps a scrape's
 * command count near redis_exporter's. A reply is reused only for a short window (default 250ms), far below any
 * scrape interval, so the next scrape always sees fresh figures. Zero turns it off.
 */
final class InfoReuse {

  private record Entry(List<Row> rows, long atNanos) {}

  interface Fetch {
    String get() throws Exception;
  }

  private final long windowNanos;
  private final Map<List<String>, Entry> last = new ConcurrentHashMap<>();
  private final Map<List<String>, Object> locks = new ConcurrentHashMap<>();

  InfoReuse(Duration window) {
    this.windowNanos = window.toNanos();
  }

  /** The reply's rows (parsed once and shared: rows are immutable). */
  List<Row> get(List<String> args, Fetch fetch) throws Exception {
    if (windowNanos <= 0) {
      return InfoText.rows(fetch.get());
    }
    List<String> key = args.stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).toList();
    // One request per key at a time: definitions that start together wait for the first one's reply.
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      Entry e = last.get(key);
      long now = System.nanoTime();
      if (e != null && now - e.atNanos() < windowNanos) {
        return e.rows();
      }
      List<Row> rows = InfoText.rows(fetch.get());
      last.put(key, new Entry(rows, System.nanoTime()));
      return rows;
    }
  }
}
