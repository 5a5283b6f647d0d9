package dev.exportersuite.core.cli;

import java.util.Locale;

/** Sets slf4j-simple's level and format; must run before the first logger is created. */
final class LogSetup {

  private LogSetup() {}

  static void configure(String level) {
    String l = level.toLowerCase(Locale.ROOT);
    if (!l.matches("trace|debug|info|warn|error|off")) {
      throw new IllegalArgumentException("--log.level must be one of debug, info, warn, error; got '" + level + "'");
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", l);
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    // Pool housekeeping at info level is noise to an exporter's user.
    boolean detail = l.equals("debug") || l.equals("trace");
    System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", detail ? l : "warn");
    // A database going away makes these two warn with a full stack trace for each broken connection; the exporter
    // already logs the cause once per collector (ErrorLog). bench/soak counted them at every restart.
    for (String noisy : new String[] {"com.zaxxer.hikari.pool.PoolBase", "com.zaxxer.hikari.pool.ProxyConnection"}) {
      System.setProperty("org.slf4j.simpleLogger.log." + noisy, detail ? l : "error");
    }
  }
}
