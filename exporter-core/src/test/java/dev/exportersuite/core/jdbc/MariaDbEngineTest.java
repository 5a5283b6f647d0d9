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
}
