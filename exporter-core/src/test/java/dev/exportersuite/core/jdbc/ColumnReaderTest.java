package dev.exportersuite.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.api.Test;

/**
 * How metadata picks a reader, for the type codes no database on this machine returns (ojdbc's), and the interval
 * text forms. The readers themselves run on a stand-in database in oracle-exporter's ColumnTypesStandInTest.
 */
class ColumnReaderTest {

  @Test
  void oracleTypeCodesAndNamesPickTheirReaders() {
    assertThat(ColumnReader.kind(-101, "TIMESTAMP WITH TIME ZONE")).hasToString("ZONED");
    assertThat(ColumnReader.kind(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMPTZ")).hasToString("ZONED");
    assertThat(ColumnReader.kind(-102, "TIMESTAMP WITH LOCAL TIME ZONE")).hasToString("LOCAL_ZONED");
    assertThat(ColumnReader.kind(-104, "INTERVALDS")).hasToString("DAY_SECOND");
    assertThat(ColumnReader.kind(-103, "INTERVALYM")).hasToString("YEAR_MONTH");
    assertThat(ColumnReader.kind(Types.VARBINARY, "RAW")).hasToString("RAW");
    assertThat(ColumnReader.kind(Types.LONGVARBINARY, "LONG RAW")).hasToString("RAW");
    assertThat(ColumnReader.kind(Types.CLOB, "CLOB")).hasToString("TEXT_LOB");
    assertThat(ColumnReader.kind(Types.NCLOB, "NCLOB")).hasToString("TEXT_LOB");
    assertThat(ColumnReader.kind(Types.BLOB, "BLOB")).hasToString("BINARY_LOB");
    // MySQL's binary strings stay text, as before.
    assertThat(ColumnReader.kind(Types.VARBINARY, "VARBINARY")).hasToString("OBJECT");
    assertThat(ColumnReader.kind(Types.NUMERIC, "NUMBER")).hasToString("OBJECT");
  }

  @Test
  void intervalTextInOraclesAndTheStandardForm() {
    assertThat(ColumnReader.parseDaySecond("+01 02:03:04.500000")).isEqualTo(93784.5);
    assertThat(ColumnReader.parseDaySecond("-00 00:00:30.000000")).isEqualTo(-30.0);
    assertThat(ColumnReader.parseDaySecond("INTERVAL '-1 00:00:00' DAY TO SECOND")).isEqualTo(-86400.0);
    assertThat(ColumnReader.parseDaySecond("not an interval")).isEqualTo("not an interval");
    assertThat(ColumnReader.parseYearMonth("+01-02")).isEqualTo(14.0);
    assertThat(ColumnReader.parseYearMonth("INTERVAL '-0-3' YEAR TO MONTH")).isEqualTo(-3.0);
  }

  @Test
  void driverObjectsBecomeRowValues() {
    assertThat(ColumnReader.value(new byte[] {'o', 'k'})).isEqualTo("ok");
    assertThat(ColumnReader.value(java.time.Duration.ofMillis(1500))).isEqualTo(1.5);
    assertThat(ColumnReader.value(java.time.Instant.ofEpochSecond(10, 500_000_000))).isEqualTo(10.5);
  }
}
