package dev.exportersuite.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Lets at most a fixed number of requests run a handler at once and answers the rest 503 at once, so that a
 * multi-target endpoint whose targets hang (a firewall dropping packets: each request waits its connect timeout)
 * cannot take every worker of the server.
 */
final class InFlightLimit implements HttpHandler {

  private final String path;
  private final int limit;
  private final Semaphore slots;
  private final HttpHandler delegate;

  InFlightLimit(String path, int limit, HttpHandler delegate) {
    this.path = path;
    this.limit = limit;
    this.slots = new Semaphore(limit);
    this.delegate = delegate;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!slots.tryAcquire()) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      ExporterServer.send(exchange, 503, "text/plain; charset=utf-8", "too many " + path + " requests at once (at "
          + "most " + limit + "); the others wait on their targets\n");
      return;
    }
    try {
      delegate.handle(exchange);
    } finally {
      slots.release();
    }
  }
}
