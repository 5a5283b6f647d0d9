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

  @Test
  void aHashInThePasswordIsReadAsPartOfItAndNeverShown() {
    for (String addr : new String[] {"redis://:pa#ss@cache-1:6380", "redis://app:pa#ss@cache-1:6380"}) {
      CommandRun.Result r = CommandRun.run(new RedisExporter(Map.of()), "--check-config", "--redis.addr=" + addr);
      assertThat(r.exitCode()).as(r.stderr()).isZero();
      assertThat(r.stdout()).contains("connection: redis://" + addr.substring(8, addr.indexOf(':', 8))
          + ":***@cache-1:6380 as").doesNotContain("pa#ss").doesNotContain("ss@");
    }
    // From the environment as from the flag.
    CommandRun.Result env = CommandRun.run(new RedisExporter(Map.of("REDIS_ADDR", "redis://:pa#ss@cache-1:6380")),
        "--check-config");
    assertThat(env.exitCode()).isZero();
    assertThat(env.stdout()).contains("redis://:***@cache-1:6380").doesNotContain("pa#ss");
  }

  @Test
  void aHashWithoutTheAtAfterItIsRefusedWithTheFixAndNoSecret() {
    for (String addr : new String[] {"redis://:se#cret", "redis://se#cret", "redis://cache-1:6379#cret"}) {
      CommandRun.Result r = CommandRun.run(new RedisExporter(Map.of()), "--check-config", "--redis.addr=" + addr);
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.stderr()).contains("--redis.addr: a '#' after the credentials").contains("write # as %23")
          .doesNotContain("cret");
      assertThat(r.stdout()).doesNotContain("cret");
    }
  }
}
