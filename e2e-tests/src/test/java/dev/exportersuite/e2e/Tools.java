package dev.exportersuite.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Command-line tools the tests call (promtool, docker-compose, the exporters' jars) and the Dockerfile's flags. */
final class Tools {

  record Result(int exitCode, String output) {}

  private Tools() {}

  static Result run(Duration timeout, String... command) throws IOException, InterruptedException {
    return run(timeout, null, command);
  }

  static Result run(Duration timeout, Path workDir, String... command) throws IOException, InterruptedException {
    return run(timeout, workDir, java.util.Map.of(), command);
  }

  /** The command with these variables added to the environment (a compose service's, for instance). */
  static Result run(Duration timeout, Path workDir, java.util.Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    Path out = Files.createTempFile("e2e-tool-", ".log");
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    try {
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        throw new IOException(String.join(" ", command) + " did not finish within " + timeout);
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
      Files.deleteIfExists(out);
    }
  }

  /** Whether an executable of this name is on the PATH. */
  static boolean onPath(String name) {
    String path = System.getenv("PATH");
    return path != null && Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, name)));
  }

  /** The JAVA_OPTS the image runs the exporters with, so the tests run them the same way. */
  static List<String> dockerfileJavaOpts() {
    Matcher m = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(Repo.read(Repo.path("Dockerfile")));
    if (!m.find()) {
      throw new AssertionError("the Dockerfile sets no JAVA_OPTS=\"...\"");
    }
    return List.of(m.group(1).trim().split("\\s+"));
  }
}
