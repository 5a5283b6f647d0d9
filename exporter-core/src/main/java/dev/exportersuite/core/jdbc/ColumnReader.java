package dev.exportersuite.core.jdbc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one column of a result set into a row value (a {@link Number}, a {@link String}, a {@link Boolean} or
 * null), chosen from the result set's metadata so that no driver class is needed here. The rules:
 *
 * <ul>
 *   <li>numbers of any precision stay numbers (Oracle NUMBER arrives as {@link BigDecimal}, BINARY_FLOAT/DOUBLE
 *       as Float/Double);
 *   <li>CLOB/NCLOB/LONG text: the first {@value #MAX_LOB_CHARS} characters;
 *   <li>DATE, TIMESTAMP: epoch seconds, zone-less values read in the JVM's zone (as {@link java.sql.Timestamp}
 *       does); TIMESTAMP WITH TIME ZONE: epoch seconds of that instant; WITH LOCAL TIME ZONE: the driver's
 *       session-zone timestamp, as epoch seconds;
 *   <li>INTERVAL DAY TO SECOND: seconds; INTERVAL YEAR TO MONTH: months (a month has no fixed number of
 *       seconds);
 *   <li>RAW and BLOB: upper-case hex (as Oracle's RAWTOHEX), BLOB cut to its first {@value #MAX_LOB_BYTES} bytes;
 *       other binary columns: UTF-8 text (MySQL returns some text columns as bytes);
 *   <li>anything else: what {@link ResultSet#getObject(int)} gives, through {@link #value(Object)}.
 * </ul>
 */
final class ColumnReader {

  /** Text read from a CLOB at most; a label is cut further (RowConverter's limit). */
  static final int MAX_LOB_CHARS = 4096;
  static final int MAX_LOB_BYTES = 2048;

  // Oracle's type codes (oracle.jdbc.OracleTypes), named here so that the core needs no driver class.
  private static final int ORACLE_TIMESTAMPTZ = -101;
  private static final int ORACLE_TIMESTAMPLTZ = -102;
  private static final int ORACLE_INTERVALYM = -103;
  private static final int ORACLE_INTERVALDS = -104;

  /** Oracle's text form {@code +01 02:03:04.500000}, and the day-time part of H2's and the SQL standard's. */
  private static final Pattern DAY_SECOND = Pattern.compile(
      "([+-])?(\\d{1,9})\\s+(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,9}))?");
  private static final Pattern YEAR_MONTH = Pattern.compile("([+-])?(\\d{1,9})-(\\d{1,2})");

  private enum Kind { TEXT_LOB, BINARY_LOB, RAW, ZONED, LOCAL_ZONED, DAY_SECOND, YEAR_MONTH, OBJECT }

  private final Kind[] kinds;

  ColumnReader(ResultSetMetaData meta) throws SQLException {
    kinds = new Kind[meta.getColumnCount()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = kind(meta.getColumnType(i + 1), String.valueOf(meta.getColumnTypeName(i + 1)));
    }
  }

  static Kind kind(int type, String typeName) {
    String name = typeName.toUpperCase(Locale.ROOT);
    return switch (type) {
      case Types.CLOB, Types.NCLOB -> Kind.TEXT_LOB;
      case Types.BLOB -> Kind.BINARY_LOB;
      case ORACLE_TIMESTAMPTZ, Types.TIMESTAMP_WITH_TIMEZONE -> Kind.ZONED;
      case ORACLE_TIMESTAMPLTZ -> Kind.LOCAL_ZONED;
      case ORACLE_INTERVALDS -> Kind.DAY_SECOND;
      case ORACLE_INTERVALYM -> Kind.YEAR_MONTH;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY ->
          name.equals("RAW") || name.equals("LONG RAW") ? Kind.RAW : Kind.OBJECT;
      default -> name.startsWith("INTERVAL DAY") ? Kind.DAY_SECOND
          : name.startsWith("INTERVAL YEAR") ? Kind.YEAR_MONTH
          : Kind.OBJECT;
    };
  }

  Object read(ResultSet rs, int index) throws SQLException {
    int column = index + 1;
    return switch (kinds[index]) {
      case TEXT_LOB -> text(rs.getClob(column));
      case BINARY_LOB -> hex(rs.getBlob(column));
      case RAW -> hex(rs.getBytes(column));
      case ZONED -> instant(rs.getObject(column, OffsetDateTime.class));
      case LOCAL_ZONED -> value(rs.getTimestamp(column));
      case DAY_SECOND -> daySecond(rs, column);
      case YEAR_MONTH -> yearMonth(rs, column);
      case OBJECT -> value(rs.getObject(column));
    };
  }

  private static String text(Clob clob) throws SQLException {
    if (clob == null) {
      return null;
    }
    try {
      long length = clob.length();
      return length == 0 ? "" : clob.getSubString(1, (int) Math.min(length, MAX_LOB_CHARS));
    } finally {
      clob.free();
    }
  }

  private static String hex(byte[] bytes) {
    return bytes == null ? null : HexFormat.of().withUpperCase().formatHex(bytes);
  }

  private static Object instant(OffsetDateTime t) {
    return t == null ? null : seconds(t.toInstant());
  }

  private static String hex(Blob blob) throws SQLException {
    if (blob == null) {
      return null;
    }
    try {
      long length = blob.length();
      return hex(length == 0 ? new byte[0] : blob.getBytes(1, (int) Math.min(length, MAX_LOB_BYTES)));
    } finally {
      blob.free();
    }
  }

  /** Seconds; a driver that maps the interval to {@link Duration} is asked for one, else its text is parsed. */
  private static Object daySecond(ResultSet rs, int column) throws SQLException {
    try {
      Duration d = rs.getObject(column, Duration.class);
      return d == null ? null : d.toNanos() / 1e9;
    } catch (SQLException | RuntimeException e) {
      String text = rs.getString(column);
      return text == null ? null : parseDaySecond(text);
    }
  }

  private static Object yearMonth(ResultSet rs, int column) throws SQLException {
    try {
      Period p = rs.getObject(column, Period.class);
      return p == null ? null : (double) p.toTotalMonths();
    } catch (SQLException | RuntimeException e) {
      String text = rs.getString(column);
      return text == null ? null : parseYearMonth(text);
    }
  }

  /** {@code +01 02:03:04.5} (Oracle) or {@code INTERVAL '-1 02:03:04' DAY TO SECOND} to seconds; else the text. */
  static Object parseDaySecond(String text) {
    Matcher m = DAY_SECOND.matcher(text);
    if (!m.find()) {
      return text;
    }
    boolean negative = "-".equals(m.group(1)) || text.contains("'-");
    double s = Long.parseLong(m.group(2)) * 86400.0 + Integer.parseInt(m.group(3)) * 3600.0
        + Integer.parseInt(m.group(4)) * 60.0 + Integer.parseInt(m.group(5));
    if (m.group(6) != null) {
      s += Double.parseDouble("0." + m.group(6));
    }
    return negative ? -s : s;
  }

  /** {@code +01-02} (Oracle) or {@code INTERVAL '1-2' YEAR TO MONTH} to months; else the text. */
  static Object parseYearMonth(String text) {
    Matcher m = YEAR_MONTH.matcher(text);
    if (!m.find()) {
      return text;
    }
    boolean negative = "-".equals(m.group(1)) || text.contains("'-");
    double months = Long.parseLong(m.group(2)) * 12.0 + Integer.parseInt(m.group(3));
    return negative ? -months : months;
  }

  private static double seconds(Instant i) {
    return i.getEpochSecond() + i.getNano() / 1e9;
  }

  /** Keeps numbers, text and booleans; dates become epoch seconds so they can be values. */
  static Object value(Object v) {
    if (v == null || v instanceof Number || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (v instanceof java.sql.Timestamp ts) {
      return seconds(ts.toInstant());
    }
    if (v instanceof java.util.Date d) {
      return d.getTime() / 1000.0;
    }
    // Drivers that return java.time types: zone-less values are read in the JVM's zone, as java.sql.Timestamp is.
    if (v instanceof LocalDateTime t) {
      return seconds(java.sql.Timestamp.valueOf(t).toInstant());
    }
    if (v instanceof LocalDate d) {
      return java.sql.Date.valueOf(d).getTime() / 1000.0;
    }
    if (v instanceof OffsetDateTime t) {
      return seconds(t.toInstant());
    }
    if (v instanceof Instant i) {
      return seconds(i);
    }
    if (v instanceof Duration d) {
      return d.toNanos() / 1e9;
    }
    if (v instanceof Clob || v instanceof Blob) {
      // Reached only for drivers that report a LOB under another type code; read like one.
      try {
        return v instanceof Clob c ? text(c) : hex((Blob) v);
      } catch (SQLException e) {
        return null;
      }
    }
    return v.toString();
  }
}
