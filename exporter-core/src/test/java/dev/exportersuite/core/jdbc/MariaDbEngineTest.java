package dev.exportersuite.core.jdbc;

/** The engine on the machine's real MariaDB (127.0.0.1:3306, root). */
class MariaDbEngineTest extends JdbcEngineContract {

  @Override
  String host() {
    return "127.0.0.1";
  }

  @Override
  int port() {
    return 3306;
  }

  @Override
  String url(String hostAndPort) {
    return "jdbc:mariadb://" + hostAndPort + "/test";
  }

  @Override
  String user() {
    return "root";
  }

  @Override
  String sleepRequest(int seconds) {
    return "SELECT SLEEP(" + seconds + ") AS value";
  }

  @Override
  String randomExpression() {
    return "RAND()";
  }

  /** A wrong password is known at once too (PostgreSQL here trusts local logins, so this is MariaDB's alone). */
  @org.junit.jupiter.api.Test
  void aRefusedLoginIsDownAtOnce() {
    assertDownAtOnce(new JdbcSettings(url("127.0.0.1:3306"), java.util.Optional.of("root"),
        java.util.Optional.of("not-the-password"), 2, java.time.Duration.ofSeconds(10), java.util.Optional.empty(),
        java.util.Map.of(), JdbcSettings.DEFAULT_MAX_ROWS));
  }
}
