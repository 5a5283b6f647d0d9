package dev.exportersuite.core.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/** Coverage-guided (Jazzer): {@link MetricsFileFuzzTest}'s property for TOML metrics files (the Oracle format). */
class TomlMetricsFileFuzzTest {

  private static final Path FILE = MetricsFileFuzzTest.tempFile("metrics.toml");

  @FuzzTest(maxDuration = "5s")
  void loadsOrNamesFileAndLine(byte[] bytes) throws Exception {
    MetricsFileFuzzTest.loadsOrNamesFileAndLine(FILE, bytes);
  }
}
