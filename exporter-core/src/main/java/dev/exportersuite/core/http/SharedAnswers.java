package dev.exportersuite.core.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Scrapes that ask for the same thing (path, query, format, compression) while one is being answered get that
 * answer's bytes instead of encoding it again. They would get the same collection anyway (the engine shares one
 * that is in flight); this also shares turning it into text, which is most of a scrape's CPU when several
 * Prometheus servers or a dashboard's reloads scrape at once.
 */
final class SharedAnswers {

  /** What makes two requests' answers equal. */
  record Key(String method, String path, String query, String accept, boolean gzip) {}

  /** A complete answer: status, headers and body. */
  record Answer(int status, java.util.Map<String, String> headers, byte[] body) {}

  /** Makes an answer. */
  @FunctionalInterface
  interface Maker {
    Answer make() throws java.io.IOException;
  }

  private final ConcurrentHashMap<Key, CompletableFuture<Answer>> inFlight = new ConcurrentHashMap<>();

  Answer get(Key key, Maker maker) throws java.io.IOException {
    CompletableFuture<Answer> mine = new CompletableFuture<>();
    CompletableFuture<Answer> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      try {
        return running.get();
      } catch (ExecutionException failed) {
        return maker.make(); // the first one's failure is its own: try once more for this caller
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for a shared answer");
      }
    }
    try {
      Answer a = maker.make();
      mine.complete(a);
      return a;
    } catch (java.io.IOException | RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }
}
