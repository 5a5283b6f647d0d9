package dev.exportersuite.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the addresses of the compose network (service names) into the loopback addresses of the processes the
 * tests start. Anything left that still names a compose service is an address the tests do not know: a new job or
 * service must be added here, not silently left unscraped.
 */
final class Addresses {

  private final Map<String, String> replacements = new LinkedHashMap<>();

  Addresses put(String composeAddress, String localAddress) {
    replacements.put(composeAddress, localAddress);
    return this;
  }

  String rewrite(String s) {
    String out = s;
    for (Map.Entry<String, String> r : replacements.entrySet()) {
      out = Pattern.compile("(?<![\\w.-])" + Pattern.quote(r.getKey()) + "(?![\\w.-])").matcher(out)
          .replaceAll(Matcher.quoteReplacement(r.getValue()));
    }
    return out;
  }

  /** Whether s still holds host:port of one of these compose host names. */
  static boolean namesAny(String s, Iterable<String> hosts) {
    for (String h : hosts) {
      if (Pattern.compile("(?<![\\w.-])" + Pattern.quote(h) + ":\\d+").matcher(s).find()) {
        return true;
      }
    }
    return false;
  }
}
