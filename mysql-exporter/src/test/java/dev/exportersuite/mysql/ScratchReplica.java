package dev.exportersuite.mysql;

import dev.exportersuite.core.testing.FreePort;

/**
 * A {@link ScratchMariaDb} configured as a replica (of a port where nothing listens, so its IO thread keeps
 * "Connecting"): enough for SHOW SLAVE STATUS to return a row, without touching the shared server.
 */
final class ScratchReplica implements AutoCloseable {

  private final ScratchMariaDb server;

  private ScratchReplica(ScratchMariaDb server) {
    this.server = server;
  }

  static boolean available() {
    return ScratchMariaDb.available();
  }

  static ScratchReplica start() throws Exception {
    ScratchMariaDb server = ScratchMariaDb.start(ScratchMariaDb.newDirectory(), "--server-id=2", "--skip-log-bin");
    try {
      int nowhere = FreePort.pick();
      server.exec("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + nowhere
          + ", MASTER_USER='replicator', MASTER_CONNECT_RETRY=60", "START SLAVE");
      return new ScratchReplica(server);
    } catch (Exception | AssertionError e) {
      server.close();
      throw e;
    }
  }

  String address() {
    return server.address();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
