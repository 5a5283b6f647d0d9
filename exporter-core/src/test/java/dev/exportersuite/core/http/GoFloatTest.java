package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts are what Go's strconv.FormatFloat(f, 'g', -1, 64) prints (the Go exporters' le and quantile). */
class GoFloatTest {

  @ParameterizedTest
  @CsvSource({
      "20, 20", "0.5, 0.5", "0.1, 0.1", "1, 1", "0, 0", "-1, -1", "100000, 100000", "123456.7, 123456.7",
      "1000000, 1e+06", "1234567, 1.234567e+06", "6212049, 6.212049e+06", "10737418240, 1.073741824e+10",
      "0.0001, 0.0001", "0.00001, 1e-05", "0.000015, 1.5e-05", "86538, 86538", "0.99, 0.99", "0.999, 0.999",
      "2.5, 2.5", "1e21, 1e+21", "-0.25, -0.25"})
  void printsAsGoDoes(double value, String go) {
    assertThat(GoFloat.format(value)).isEqualTo(go);
  }

  @ParameterizedTest
  @CsvSource({"Infinity, +Inf", "-Infinity, -Inf"})
  void infinities(String value, String go) {
    assertThat(GoFloat.format(Double.parseDouble(value))).isEqualTo(go);
  }
}
