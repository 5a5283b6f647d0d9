package dev.exportersuite.oracle;

import dev.exportersuite.core.testing.ExporterJvm;
import java.util.List;
import java.util.Map;

/** oracle-exporter in its own JVM ({@link ExporterJvm}), with a clean environment. */
final class ExporterProcess {

  private ExporterProcess() {}

  static final ExporterJvm.Launch LAUNCH = new ExporterJvm.Launch(OracleExporter.class, pb -> {
    // The developer's DATA_SOURCE_NAME or settings must not reach a test.
    for (String name : List.of("DATA_SOURCE_NAME", "DATA_SOURCE_NAME_FILE", "DEFAULT_METRICS", "CUSTOM_METRICS",
        "QUERY_TIMEOUT", "DATABASE_MAXOPENCONNS", "DATABASE_MAXIDLECONNS", "TELEMETRY_PATH", "CONFIG_FILE")) {
      pb.environment().remove(name);
    }
  });

  static ExporterJvm serve(Map<String, String> env, String... args) throws Exception {
    return ExporterJvm.serve(LAUNCH, env, args);
  }

  static ExporterJvm.Result once(Map<String, String> env, String... args) throws Exception {
    return ExporterJvm.once(LAUNCH, env, args);
  }
}
