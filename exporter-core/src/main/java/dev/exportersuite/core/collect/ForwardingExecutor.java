package dev.exportersuite.core.collect;

import java.time.Duration;
import java.util.List;

/**
 * An executor that hands every call to another one, for decorators that change one thing (error messages,
 * counting): override the one method that changes.
 */
public abstract class ForwardingExecutor<R> implements RequestExecutor<R> {

  private final RequestExecutor<R> delegate;

  protected ForwardingExecutor(RequestExecutor<R> delegate) {
    this.delegate = delegate;
  }

  protected RequestExecutor<R> delegate() {
    return delegate;
  }

  @Override
  public void ping(Duration timeout) throws Exception {
    delegate.ping(timeout);
  }

  @Override
  public List<Row> fetch(R request, Duration timeout) throws Exception {
    return delegate.fetch(request, timeout);
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
