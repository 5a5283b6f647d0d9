package dev.exportersuite.redis;

import dev.exportersuite.core.testing.FreePort;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private redis-server on a free port (and a unix socket) with a password, for the tests that must change
 * server settings (auth, ACL users); the shared server is never reconfigured. Stopped by its own handle.
 */
final class SecondRedis implements AutoCloseable {

  final int port;
  final Path socket;
  final String password;
  private final Process process;
  private final Path dir;

  SecondRedis(String password) throws Exception {
    this(password, List.of());
  }

  /** @param extra more redis-server arguments, e.g. {@code --replicaof 127.0.0.1 6380} */
  SecondRedis(String password, List<String> extra) throws Exception {
    this.port = FreePort.pick();
    this.password = password;
    this.dir = Files.createTempDirectory("rx-redis");
    this.socket = dir.resolve("redis.sock");
    List<String> cmd = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind",
        "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--unixsocket",
        socket.toString(), "--unixsocketperm", "700", "--requirepass", password));
    cmd.addAll(extra);
    process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
    long until = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < until) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(50);
      }
    }
    close();
    throw new IllegalStateException("redis-server did not start: " + Files.readString(dir.resolve("log")));
  }

  String addr() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
