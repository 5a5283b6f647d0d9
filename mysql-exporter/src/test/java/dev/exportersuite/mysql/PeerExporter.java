package dev.exportersuite.mysql;

import dev.exportersuite.core.testing.FreePort;
import dev.exportersuite.core.testing.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Debian package's mysqld_exporter (v0.14), run against the same server as ours. */
final class PeerExporter implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/prometheus-mysqld-exporter");

  final int port;
  private final Process process;

  private PeerExporter(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /** @param flags more of the peer's flags, e.g. {@code --collect.binlog_size} */
  static PeerExporter start(String dataSourceName, String... flags) throws Exception {
    int port = FreePort.pick();
    List<String> command = new ArrayList<>(List.of(BINARY.toString(),
        "--web.listen-address=127.0.0.1:" + port));
    command.addAll(List.of(flags));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("DATA_SOURCE_NAME", dataSourceName);
    PeerExporter peer = new PeerExporter(port, pb.start());
    for (int i = 0; i < 100; i++) {
      try {
        if (Http.get(peer.url()).status() == 200) {
          return peer;
        }
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    peer.close();
    throw new AssertionError("prometheus-mysqld-exporter did not start");
  }

  String url() {
    return "http://127.0.0.1:" + port + "/metrics";
  }

  String scrape() throws Exception {
    return Http.get(url()).body();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
