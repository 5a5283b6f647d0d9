package dev.exportersuite.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets from the environment or from a file the environment names ({@code NAME_FILE}). */
class SecretSourceTest {

  @TempDir
  Path dir;

  @Test
  void theVariableOrTheFileItsFileVariableNames() throws Exception {
    Path file = Files.writeString(dir.resolve("pw"), "from-file\r\n");
    assertThat(SecretSource.fromEnv(Map.of("PW", "direct"), "PW")).hasValue("direct");
    assertThat(SecretSource.fromEnv(Map.of("PW_FILE", file.toString()), "PW")).hasValue("from-file");
    assertThat(SecretSource.fromEnv(Map.of("PW", "", "PW_FILE", ""), "PW")).isEqualTo(Optional.empty());
  }

  @Test
  void bothSetOrAnUnreadableOrHugeFileIsAnErrorThatShowsNoSecret() throws Exception {
    Path file = Files.writeString(dir.resolve("pw"), "from-file");
    assertThatThrownBy(() -> SecretSource.fromEnv(Map.of("PW", "hunter2", "PW_FILE", file.toString()), "PW"))
        .hasMessageContaining("both PW and PW_FILE are set: keep one").hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> SecretSource.fromEnv(Map.of("PW_FILE", dir.resolve("missing").toString()), "PW"))
        .hasMessageContaining("PW_FILE").hasMessageContaining("cannot read the password file: NoSuchFileException");
    Path huge = Files.write(dir.resolve("huge"), new byte[SecretSource.MAX_FILE_BYTES + 1]);
    assertThatThrownBy(() -> SecretSource.fromEnv(Map.of("PW_FILE", huge.toString()), "PW"))
        .hasMessageContaining("larger than 65536 bytes");
  }
}
