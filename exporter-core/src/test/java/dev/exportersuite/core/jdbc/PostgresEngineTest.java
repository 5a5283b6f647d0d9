package dev.exportersuite.core.jdbc;

/** The engine on the machine's real PostgreSQL (127.0.0.1:5432, database test, trust auth). */
class PostgresEngineTest extends JdbcEngineContract {

  @Override
  String host() {
    return "127.0.0.1";
  }

  @Override
  int port() {
    return 5432;
  }

  @Override
  String url(String hostAndPort) {
    return "jdbc:postgresql://" + hostAndPort + "/test";
  }

  @Override
  String user() {
    return "postgres";
  }

  @Override
  String sleepRequest(int seconds) {
    return "SELECT 1 AS value FROM pg_sleep(" + seconds + ")";
  }

  @Override
  String randomExpression() {
    return "random()";
  }
}
