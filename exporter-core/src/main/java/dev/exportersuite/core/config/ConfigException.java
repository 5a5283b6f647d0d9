package dev.exportersuite.core.config;

/**
 * A configuration problem that a person must fix. The message always names the file, the line (when known)
 * and the path of the key, so the user can go straight to it: {@code metrics.yaml:12: metrics[1].request: ...}.
 */
public final class ConfigException extends Exception {

  private final String file;
  private final int line;
  private final String path;
  private final String problem;

  public ConfigException(String file, int line, String path, String problem) {
    super(format(file, line, path, problem));
    this.file = file;
    this.line = line;
    this.path = path;
    this.problem = problem;
  }

  private static String format(String file, int line, String path, String problem) {
    StringBuilder sb = new StringBuilder(file == null ? "<config>" : file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (path != null && !path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(problem).toString();
  }

  public String file() {
    return file;
  }

  /** 1-based line, or 0 when the problem is not tied to one line. */
  public int line() {
    return line;
  }

  public String path() {
    return path;
  }

  public String problem() {
    return problem;
  }
}
