package dev.exportersuite.core.collect;

import java.time.Duration;
import java.util.List;

/**
 * An executor that hands every call to another one, for decorators that change one thing (error messages,
 * counting). Forwarding all of the contract, round-trip sharing included, is what keeps a decorator from
 * silently turning the delegate's shared round trips back into one per request.
 */
public abstract class ForwardingExecutor implements RequestExecutor {

  private final RequestExecutor delegate;

  protected ForwardingExecutor(RequestExecutor delegate) {
    this.delegate = delegate;
  }

  protected RequestExecutor delegate() {
    return delegate;
  }

  @Override
  public List<Row> execute(String request, Duration timeout) throws Exception {
    return delegate.execute(request, timeout);
  }

  @Override
  public Object roundTripKey(String request) {
    return delegate.roundTripKey(request);
  }

  @Override
  public List<Row> fetch(String request, Duration timeout) throws Exception {
    return delegate.fetch(request, timeout);
  }

  @Override
  public List<Row> shape(String request, List<Row> fetched) throws Exception {
    return delegate.shape(request, fetched);
  }

  @Override
  public void ping(Duration timeout) throws Exception {
    delegate.ping(timeout);
  }

  @Override
  public List<String> secrets() {
    return delegate.secrets();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
