package dev.exportersuite.mysql;

import dev.exportersuite.core.testing.FreePort;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away MariaDB in a temporary directory, configured as a replica (of a port where nothing listens, so
 * its IO thread keeps "Connecting"): enough for SHOW SLAVE STATUS to return a row, without touching the
 * shared server. Stopped and deleted on close.
 */
final class ScratchReplica implements AutoCloseable {

  static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
  static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

  final int port;
  private final Path dir;
  private final Process server;

  private ScratchReplica(int port, Path dir, Process server) {
    this.port = port;
    this.dir = dir;
    this.server = server;
  }

  static boolean available() {
    return Files.isExecutable(INSTALL_DB) && Files.isExecutable(MARIADBD);
  }

  static ScratchReplica start() throws Exception {
    Path dir = Files.createTempDirectory("scratch-replica");
    Path data = dir.resolve("data");
    run(new ProcessBuilder(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + data, "--user=root",
        "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install.log"));
    int port = FreePort.pick();
    Process server = new ProcessBuilder(MARIADBD.toString(), "--no-defaults", "--datadir=" + data, "--user=root",
        "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("sock"),
        "--pid-file=" + dir.resolve("pid"), "--server-id=2", "--skip-log-bin", "--innodb-buffer-pool-size=16M",
        "--log-error=" + dir.resolve("error.log"))
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
    ScratchReplica r = new ScratchReplica(port, dir, server);
    try {
      r.awaitPort();
      int nowhere = FreePort.pick();
      try (Connection c = r.root(); Statement s = c.createStatement()) {
        s.execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + nowhere
            + ", MASTER_USER='replicator', MASTER_CONNECT_RETRY=60");
        s.execute("START SLAVE");
      }
      return r;
    } catch (Exception | AssertionError e) {
      r.close();
      throw e;
    }
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  private Connection root() throws Exception {
    Properties p = new Properties();
    p.setProperty("user", "root");
    p.setProperty("password", "");
    return DriverManager.getConnection("jdbc:mysql://" + address() + "/", p);
  }

  private void awaitPort() throws Exception {
    for (int i = 0; i < 300; i++) {
      if (!server.isAlive()) {
        throw new AssertionError("scratch mariadbd exited: " + Files.readString(dir.resolve("out.log")));
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("scratch mariadbd did not open port " + port);
  }

  private static void run(ProcessBuilder pb, Path log) throws Exception {
    Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError("mariadb-install-db failed: " + Files.readString(log));
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
