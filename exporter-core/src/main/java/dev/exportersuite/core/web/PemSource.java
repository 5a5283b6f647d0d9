package dev.exportersuite.core.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Where PEM text comes from: a file ({@code cert_file}, re-read when it changes) or the config itself
 * ({@code cert}, {@code key}, {@code client_ca}). Never prints inline text: a key is a secret.
 */
public final class PemSource {

  /** Certificates and keys are a few KiB; anything much larger is not one. */
  static final long MAX_BYTES = 1024 * 1024;

  private final Optional<Path> file;
  private final Optional<String> inline;

  private PemSource(Optional<Path> file, Optional<String> inline) {
    this.file = file;
    this.inline = inline;
  }

  public static PemSource file(Path path) {
    return new PemSource(Optional.of(path), Optional.empty());
  }

  public static PemSource inline(String pem) {
    return new PemSource(Optional.empty(), Optional.of(pem));
  }

  public Optional<Path> path() {
    return file;
  }

  /** The PEM text; an error says why a file cannot be read, without its contents. */
  String read() throws TlsMaterialException.Unreadable {
    if (inline.isPresent()) {
      return inline.get();
    }
    Path p = file.orElseThrow();
    try {
      if (Files.size(p) > MAX_BYTES) {
        throw new TlsMaterialException.Unreadable(p + " is larger than " + MAX_BYTES + " bytes: not a PEM file");
      }
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new TlsMaterialException.Unreadable(p + ": file not found");
    } catch (IOException e) {
      throw new TlsMaterialException.Unreadable("cannot read " + p + ": " + e.getClass().getSimpleName());
    }
  }

  /**
   * What tells that the file changed: modification time, size and file key (inode), following symbolic links
   * as Kubernetes secret volumes swap them. Inline text never changes.
   */
  Optional<Stamp> stamp() {
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      BasicFileAttributes a = Files.readAttributes(file.get(), BasicFileAttributes.class);
      return Optional.of(new Stamp(a.lastModifiedTime(), a.size(), a.fileKey()));
    } catch (IOException e) {
      return Optional.of(new Stamp(FileTime.fromMillis(0), -1, null));
    }
  }

  record Stamp(FileTime modified, long size, Object fileKey) {}

  @Override
  public String toString() {
    return file.map(Path::toString).orElse("(inline PEM)");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PemSource p && p.file.equals(file) && p.inline.equals(inline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, inline);
  }
}
