package dev.exportersuite.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.exportersuite.core.jdbc.SqlRequest;
import dev.exportersuite.core.testing.HangGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Coverage-guided (Jazzer): any bytes as a YAML metrics file, read the way the exporters read a user's file, give
 * definitions or a {@link ConfigException} naming this file and a line within it. Any other exception fails the
 * test, and so does an input that hangs ({@link HangGuard}). {@link TomlMetricsFileFuzzTest} does the same
 * for TOML.
 */
class MetricsFileFuzzTest {

  private static final Path FILE = tempFile("metrics.yaml");

  @FuzzTest(maxDuration = "10s")
  void loadsOrNamesFileAndLine(byte[] bytes) throws Exception {
    loadsOrNamesFileAndLine(FILE, bytes);
  }

  static void loadsOrNamesFileAndLine(Path file, byte[] bytes) throws Exception {
    MetricsFiles<SqlRequest> files = new MetricsFiles<>("fuzz", SqlRequest.parser());
    Files.write(file, bytes);
    try {
      List<MetricDefinition<SqlRequest>> definitions = HangGuard.call(() -> {
        List<MetricDefinition<SqlRequest>> read = files.loadPath(file);
        files.checkUnique(read);
        return read;
      });
      assertThat(definitions).allSatisfy(d -> assertThat(d.source().file()).isEqualTo(file.toString()));
    } catch (ConfigException e) {
      int lines = lineBreaks(new String(bytes, StandardCharsets.UTF_8)) + 2;
      assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
        assertThat(p.file()).isEqualTo(file.toString());
        assertThat(p.line()).isBetween(0, lines);
        assertThat(p.problem()).isNotBlank();
      });
    }
  }

  /** Line breaks as YAML counts them (TOML counts fewer). */
  private static int lineBreaks(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        n++;
      }
    }
    return n;
  }

  static Path tempFile(String name) {
    try {
      Path dir = Files.createTempDirectory("metrics-fuzz");
      dir.toFile().deleteOnExit();
      Path file = dir.resolve(name);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
