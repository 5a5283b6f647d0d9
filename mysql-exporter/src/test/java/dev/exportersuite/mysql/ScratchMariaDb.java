package dev.exportersuite.mysql;

import dev.exportersuite.core.testing.FreePort;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away MariaDB in a temporary directory, with the server options a test needs (a replica, binary logging, a
 * plugin, TLS), so that the shared server is never reconfigured. Root has no password. Stopped and deleted on close.
 */
final class ScratchMariaDb implements AutoCloseable {

  static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
  static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

  final int port;
  final Path dir;
  private final Process server;

  private ScratchMariaDb(int port, Path dir, Process server) {
    this.port = port;
    this.dir = dir;
    this.server = server;
  }

  static boolean available() {
    return Files.isExecutable(INSTALL_DB) && Files.isExecutable(MARIADBD);
  }

  /** A temporary directory for the server's files; {@link #start} uses it (and deletes it on close). */
  static Path newDirectory() throws IOException {
    return Files.createTempDirectory("scratch-mariadb");
  }

  /** @param options server options beyond the data directory, port and socket, e.g. {@code --log-bin=...} */
  static ScratchMariaDb start(Path dir, String... options) throws Exception {
    Path data = dir.resolve("data");
    run(new ProcessBuilder(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + data, "--user=root",
        "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install.log"));
    int port = FreePort.pick();
    List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--no-defaults", "--datadir=" + data,
        "--user=root", "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("sock"),
        "--pid-file=" + dir.resolve("pid"), "--innodb-buffer-pool-size=16M", "--log-error=" + dir.resolve("error.log")));
    command.addAll(List.of(options));
    Process server = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.log").toFile()).start();
    ScratchMariaDb db = new ScratchMariaDb(port, dir, server);
    try {
      db.awaitPort();
      return db;
    } catch (Exception | AssertionError e) {
      db.close();
      throw e;
    }
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  Connection root() throws Exception {
    Properties p = new Properties();
    p.setProperty("user", "root");
    p.setProperty("password", "");
    p.setProperty("sslMode", "DISABLED");
    return DriverManager.getConnection("jdbc:mysql://" + address() + "/", p);
  }

  void exec(String... sql) throws Exception {
    try (Connection c = root(); Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  private void awaitPort() throws Exception {
    for (int i = 0; i < 300; i++) {
      if (!server.isAlive()) {
        throw new AssertionError("scratch mariadbd exited: " + Files.readString(dir.resolve("out.log"))
            + Files.readString(dir.resolve("error.log")));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("scratch mariadbd did not open port " + port);
  }

  static void run(ProcessBuilder pb, Path log) throws Exception {
    Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError(pb.command().get(0) + " failed: " + Files.readString(log));
    }
  }

  @Override
  public void close() throws Exception {
    server.destroy(); // SIGTERM: a clean shutdown
    if (!server.waitFor(30, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
