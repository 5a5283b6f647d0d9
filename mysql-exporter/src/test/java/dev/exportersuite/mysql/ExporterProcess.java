package dev.exportersuite.mysql;

import dev.exportersuite.core.testing.ExporterJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** mysql-exporter in its own JVM ({@link ExporterJvm}), with a clean environment and an empty home. */
final class ExporterProcess {

  private ExporterProcess() {}

  static final ExporterJvm.Launch LAUNCH = new ExporterJvm.Launch(MysqlExporter.class, pb -> {
    // The developer's DATA_SOURCE_NAME, password or ~/.my.cnf must not reach a test.
    pb.environment().remove("DATA_SOURCE_NAME");
    pb.environment().remove("MYSQLD_EXPORTER_PASSWORD");
    try {
      Path home = Files.createTempDirectory("home");
      home.toFile().deleteOnExit(); // stays empty: the exporter only looks for ~/.my.cnf there
      pb.environment().put("HOME", home.toString());
      pb.command().add(1, "-Duser.home=" + home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  });

  static ExporterJvm serve(Map<String, String> env, String... args) throws Exception {
    return ExporterJvm.serve(LAUNCH, env, args);
  }

  static ExporterJvm.Result once(Map<String, String> env, String... args) throws Exception {
    return ExporterJvm.once(LAUNCH, env, args);
  }

  /** A config file with short connect and ping limits, for tests where the server is unreachable. */
  static String fastFailConfig() throws IOException {
    Path f = Files.createTempFile("mysql-exporter", ".yaml");
    f.toFile().deleteOnExit();
    Files.writeString(f, "collect:\n  ping_timeout: 1s\nconnection:\n  connect_timeout: 1s\n");
    return "--config.file=" + f;
  }
}
