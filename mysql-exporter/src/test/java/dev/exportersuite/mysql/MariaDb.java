package dev.exportersuite.mysql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The shared local MariaDB, reached as root for test setup (users, grants) and cleanup. */
final class MariaDb {

  static final String HOST = "127.0.0.1";
  static final int PORT = 3306;
  static final String ADDRESS = HOST + ":" + PORT;

  private MariaDb() {}

  static Connection root() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "root");
    p.setProperty("password", "");
    return DriverManager.getConnection("jdbc:mysql://" + ADDRESS + "/", p);
  }

  static void exec(String... sql) throws SQLException {
    try (Connection c = root(); Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  static long questions() throws SQLException {
    try (Connection c = root(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
      rs.next();
      return rs.getLong(2);
    }
  }

  /** A user with the given password and grants (none if grants is empty); dropped by {@link #dropUser}. */
  static void createUser(String user, String password, String grants) throws SQLException {
    try (Connection c = root(); var ps = c.prepareStatement("CREATE OR REPLACE USER ?@'%' IDENTIFIED BY ?")) {
      ps.setString(1, user);
      ps.setString(2, password);
      ps.execute();
    }
    if (!grants.isEmpty()) {
      exec("GRANT " + grants + " ON *.* TO '" + user + "'@'%'");
    }
  }

  static void dropUser(String user) throws SQLException {
    exec("DROP USER IF EXISTS '" + user + "'@'%'");
  }
}
