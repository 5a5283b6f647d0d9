package dev.exportersuite.core.config;

/**
 * Where a definition, rule or problem comes from: a file and a 1-based line, or a flag or resource with line 0.
 * Kept as a value so that nothing has to parse a {@code "file:line"} string back.
 */
public record SourceLocation(String file, int line) {

  public SourceLocation {
    if (file == null || file.isBlank()) {
      throw new IllegalArgumentException("a source location needs a file, resource or flag name");
    }
    if (line < 0) {
      throw new IllegalArgumentException("line must be 0 (unknown) or more, was " + line);
    }
  }

  /** A definition made from a command-line flag or an environment variable, which has no line. */
  public static SourceLocation of(String flagOrFile) {
    return new SourceLocation(flagOrFile, 0);
  }

  /** A problem at this place, for messages that name file, line and key. */
  public ConfigException error(String path, String problem) {
    return new ConfigException(file, line, path, problem);
  }

  /** {@code file:line}, or the file alone when the line is unknown. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
