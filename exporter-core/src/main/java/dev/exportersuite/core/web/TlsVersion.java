package dev.exportersuite.core.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A TLS protocol version, by the name the exporter-toolkit's web config gives it ({@code TLS12}) and the one
 * redis_exporter's {@code --tls-server-min-version} takes ({@code TLS1.2}), with the JSSE protocol name.
 */
public enum TlsVersion {
  TLS10("TLS10", "TLS1.0", "TLSv1"),
  TLS11("TLS11", "TLS1.1", "TLSv1.1"),
  TLS12("TLS12", "TLS1.2", "TLSv1.2"),
  TLS13("TLS13", "TLS1.3", "TLSv1.3");

  private final String toolkitName;
  private final String dottedName;
  private final String jsseName;

  TlsVersion(String toolkitName, String dottedName, String jsseName) {
    this.toolkitName = toolkitName;
    this.dottedName = dottedName;
    this.jsseName = jsseName;
  }

  /** {@code TLS12}, as in {@code min_version}. */
  public static Optional<TlsVersion> ofToolkitName(String name) {
    return Arrays.stream(values()).filter(v -> v.toolkitName.equals(name)).findFirst();
  }

  /** {@code TLS1.2}, as redis_exporter's {@code --tls-server-min-version} takes it. */
  public static Optional<TlsVersion> ofDottedName(String name) {
    return Arrays.stream(values()).filter(v -> v.dottedName.equals(name)).findFirst();
  }

  public static List<String> toolkitNames() {
    return Arrays.stream(values()).map(v -> v.toolkitName).toList();
  }

  public static List<String> dottedNames() {
    return Arrays.stream(values()).map(v -> v.dottedName).toList();
  }

  public String toolkitName() {
    return toolkitName;
  }

  /** {@code TLSv1.2}: what {@link javax.net.ssl.SSLParameters#setProtocols} takes. */
  public String jsseName() {
    return jsseName;
  }
}
