package dev.exportersuite.core.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.exportersuite.core.web.WebConfig;
import java.io.IOException;

/**
 * The web config's {@code rate_limit}: a token bucket of {@code burst} requests, refilled one per
 * {@code interval}, full at start, as Go's {@code rate.Limiter}; a request without a token gets 429.
 */
final class RateLimitFilter extends Filter {

  private final long intervalNanos;
  private final int burst;
  private double tokens;
  private long last;

  RateLimitFilter(WebConfig.RateLimit limit) {
    this.intervalNanos = limit.interval().toNanos();
    this.burst = limit.burst();
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  private synchronized boolean allow() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (double) (now - last) / intervalNanos);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    if (allow()) {
      chain.doFilter(exchange);
      return;
    }
    try {
      ExporterServer.send(exchange, 429, "text/plain; charset=utf-8", "Too Many Requests\n");
    } finally {
      exchange.close();
    }
  }

  @Override
  public String description() {
    return "rate limit";
  }
}
