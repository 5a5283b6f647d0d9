package dev.exportersuite.core.http;

import java.time.Duration;

/**
 * How much of the exporter a caller can hold, so that slow or hostile clients and slow targets cannot starve
 * Prometheus's own scrape of {@code /metrics}.
 *
 * <p>The JDK server reads a request's line and headers on a worker thread, blocking: a client that sends one byte
 * every few seconds holds a worker as long as it likes, and with few workers every later request waits. So:
 * a request's line and headers must arrive within {@code requestReadTimeout} (the connection is closed otherwise);
 * there are {@code workers} threads, created when needed; at most {@code maxConnections} connections are open
 * (beyond that a new one is closed at once, without holding anything); and multi-target requests, which wait on
 * other servers, may use at most {@code multiTargetInFlight} workers, leaving the rest to {@code /metrics} and the
 * other pages.
 *
 * <p>{@code maxConnections} and {@code requestReadTimeout} are the JDK server's system properties, read once per
 * JVM when its first server is made: they hold for every server of the process (one in an exporter), while
 * {@code workers} and {@code multiTargetInFlight} are each server's own.
 *
 * @param workers threads that read requests and run handlers
 * @param maxConnections open connections, idle keep-alive ones included
 * @param requestReadTimeout time for a request's line and headers; whole seconds (the JDK server's unit)
 * @param multiTargetInFlight {@code /probe} or {@code /scrape} requests running at once; more get 503 at once
 */
public record HttpLimits(int workers, int maxConnections, Duration requestReadTimeout, int multiTargetInFlight) {

  /** Prometheus sends a request in one packet; 10 s is generous for any scraper, a browser or curl. */
  public static final HttpLimits DEFAULT = new HttpLimits(128, 256, Duration.ofSeconds(10), 48);

  public HttpLimits {
    if (workers < 2) {
      throw new IllegalArgumentException("workers must be at least 2, was " + workers);
    }
    if (multiTargetInFlight < 1 || multiTargetInFlight >= workers) {
      throw new IllegalArgumentException("multiTargetInFlight must be in 1.." + (workers - 1) + " so that /metrics "
          + "keeps workers of its own, was " + multiTargetInFlight);
    }
    if (maxConnections < workers) {
      throw new IllegalArgumentException("maxConnections must be at least workers (" + workers + "), was "
          + maxConnections);
    }
    if (requestReadTimeout.toSeconds() < 1 || requestReadTimeout.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("requestReadTimeout must be whole seconds, at least 1s, was "
          + requestReadTimeout);
    }
  }

  /**
   * Hands the connection limits to the JDK server, which reads them once, when its first server is created; a value
   * the operator set with {@code -D} wins.
   */
  void applyToJdkServer() {
    setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(requestReadTimeout.toSeconds()));
    setIfAbsent("jdk.httpserver.maxConnections", Integer.toString(maxConnections));
    // The JDK server leaves Nagle on: a response written in pieces then waits for the scraper's delayed ACK,
    // ~40ms per scrape (bench/redis: 35ms -> 4.6ms median).
    setIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
