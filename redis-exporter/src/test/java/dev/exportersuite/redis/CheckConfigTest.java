package dev.exportersuite.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exportersuite.core.testing.CommandRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --check-config resolves the target and its credentials as a real start does, without connecting. */
class CheckConfigTest {

  @TempDir
  Path dir;

  @Test
  void aMissingPasswordFileOrABadAddressFailsTheCheck() {
    CommandRun.Result r = CommandRun.run(new RedisExporter(Map.of()), "--check-config",
        "--redis.password-file=" + dir.resolve("absent"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("absent");
    assertThat(CommandRun.run(new RedisExporter(Map.of()), "--check-config", "--redis.addr=redis://h:1?timeout=0")
        .exitCode()).isEqualTo(1);
  }

  @Test
  void aGoodConfigPrintsTheTargetWithoutItsPassword() {
    CommandRun.Result r = CommandRun.run(new RedisExporter(Map.of()), "--check-config",
        "--redis.addr=redis://:pa%23ss@cache-1:6380");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("connection: redis://:***@cache-1:6380 as default (with a password) (not opened)").doesNotContain("pa#ss").doesNotContain("pa%23ss");
  }
}
