package dev.exportersuite.core.web;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value made from PEM sources and made again when a source file changes, checked when a handshake asks for it
 * (a few file stats), so that a renewed certificate is served without a restart, as the toolkit re-reads its
 * files per handshake. A change that does not load keeps the previous value and is logged once.
 */
final class Reloading<T> {

  private static final Logger LOG = LoggerFactory.getLogger(Reloading.class);

  interface Loader<T> {
    T load() throws TlsMaterialException;
  }

  /** A value, the stamps of the files it was made from, and a number that grows with each reload. */
  record Snapshot<T>(T value, List<Optional<PemSource.Stamp>> stamps, long generation) {}

  private final String what;
  private final List<PemSource> sources;
  private final Loader<T> loader;
  private volatile Snapshot<T> current;
  private volatile Snapshot<T> previous;
  private volatile List<Optional<PemSource.Stamp>> refused = List.of();

  Reloading(String what, List<PemSource> sources, Loader<T> loader) throws TlsMaterialException {
    this.what = what;
    this.sources = List.copyOf(sources);
    this.loader = loader;
    List<Optional<PemSource.Stamp>> stamps = stamps();
    this.current = new Snapshot<>(loader.load(), stamps, 0);
    this.previous = current;
  }

  /** The value, made again first if a file changed since. */
  Snapshot<T> snapshot() {
    Snapshot<T> s = current;
    List<Optional<PemSource.Stamp>> now = stamps();
    if (now.equals(s.stamps()) || now.equals(refused)) {
      return s;
    }
    return reload(now);
  }

  /** The snapshot of this generation, if it is the current one or the one before. */
  Optional<Snapshot<T>> generation(long generation) {
    Snapshot<T> c = current;
    if (c.generation() == generation) {
      return Optional.of(c);
    }
    Snapshot<T> p = previous;
    return p.generation() == generation ? Optional.of(p) : Optional.empty();
  }

  private synchronized Snapshot<T> reload(List<Optional<PemSource.Stamp>> now) {
    if (now.equals(current.stamps()) || now.equals(refused)) {
      return current;
    }
    try {
      Snapshot<T> next = new Snapshot<>(loader.load(), now, current.generation() + 1);
      previous = current;
      current = next;
      refused = List.of();
      LOG.info("{} changed on disk and was loaded again", what);
    } catch (TlsMaterialException e) {
      // Half-written files (a certificate renewed before its key) load at a later handshake.
      refused = now;
      LOG.warn("{} changed on disk but cannot be used, the previous one stays: {}", what, e.getMessage());
    }
    return current;
  }

  private List<Optional<PemSource.Stamp>> stamps() {
    return sources.stream().map(PemSource::stamp).toList();
  }
}
