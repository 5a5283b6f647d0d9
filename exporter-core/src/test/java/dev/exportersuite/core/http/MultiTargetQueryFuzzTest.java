package dev.exportersuite.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.exportersuite.core.testing.FuzzText;
import dev.exportersuite.core.testing.HangGuard;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Coverage-guided (Jazzer): any raw query string of a {@code /probe} or {@code /scrape} request decodes to
 * parameters that re-encode to the same parameters, or is refused with an {@link IllegalArgumentException} whose
 * message is one bounded line (it becomes the HTTP 400 body).
 */
class MultiTargetQueryFuzzTest {

  @FuzzTest(maxDuration = "5s")
  @DictionaryEntries({"&", "=", "%", "%2", "%zz", "%00", "%0a", "%e9", "%c3%a9", "+", "target=", "auth_module=",
      "module=", "127.0.0.1:3306"})
  void decodesToParametersThatReEncodeOrRefusesInOneLine(byte[] bytes) throws Exception {
    String raw = FuzzText.utf8(bytes);
    Map<String, String> params;
    try {
      params = HangGuard.call(() -> MultiTargetHandler.query(raw));
    } catch (IllegalArgumentException refused) {
      FuzzText.assertRefusalIsOneBoundedLine(refused.getMessage());
      return;
    }
    String again = params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    assertThat(MultiTargetHandler.query(again)).containsExactlyEntriesOf(params);
  }
}
