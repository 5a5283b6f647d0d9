package dev.exportersuite.core.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/** The web config's {@code http_server_config.headers}, on every answer (401 and 429 too, as in the toolkit). */
final class ResponseHeadersFilter extends Filter {

  private final Map<String, String> headers;

  ResponseHeadersFilter(Map<String, String> headers) {
    this.headers = Map.copyOf(headers);
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    chain.doFilter(exchange);
  }

  @Override
  public String description() {
    return "response headers";
  }
}
