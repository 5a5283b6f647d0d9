package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

  @Test
  void textIsTakenByItsRangesAndByWildcards() {
    assertThat(AcceptHeader.acceptsText(null)).isTrue();
    assertThat(AcceptHeader.acceptsText("")).isTrue();
    assertThat(AcceptHeader.acceptsText("text/plain")).isTrue();
    assertThat(AcceptHeader.acceptsText("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5"))
        .isTrue();
    assertThat(AcceptHeader.acceptsText("application/openmetrics-text; version=1.0.0, */*;q=0.1")).isTrue();
    assertThat(AcceptHeader.acceptsText("Text/*")).isTrue();
  }

  @Test
  void onlyOtherTypesOrQZeroRefuseIt() {
    assertThat(AcceptHeader.acceptsText("application/openmetrics-text")).isFalse();
    assertThat(AcceptHeader.acceptsText("application/openmetrics-text, text/plain;q=0")).isFalse();
    assertThat(AcceptHeader.acceptsText("text/plain; q=0.000, */*;Q=0.0")).isFalse();
    assertThat(AcceptHeader.acceptsText("text/html, application/json")).isFalse();
  }
}
