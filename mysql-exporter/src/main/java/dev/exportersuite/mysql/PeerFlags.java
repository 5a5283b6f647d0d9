package dev.exportersuite.mysql;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * mysqld_exporter's flags outside the connection and the collectors: accepted so that a command line written for
 * the peer starts here too. {@code --tls.insecure-skip-verify} is implemented; the others change nothing here, and
 * each one given says so once at start, with the reason.
 */
final class PeerFlags {

  @Option(names = "--tls.insecure-skip-verify", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Connect over TLS without verifying the server's certificate; refuse a server without TLS.")
  Boolean tlsInsecureSkipVerify;

  @Option(names = "--timeout-offset", paramLabel = "SECONDS",
      description = "No effect: each query has its own time limit (querytimeout, collect.query_timeout).")
  Double timeoutOffset;

  @Option(names = "--web.systemd-socket", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "No effect: the exporter listens on --web.listen-address.")
  Boolean systemdSocket;

  @Option(names = "--log.format", paramLabel = "FORMAT", description = "No effect: logs are plain text lines.")
  String logFormat;

  boolean requireTls() {
    return Boolean.TRUE.equals(tlsInsecureSkipVerify);
  }

  /** One line for each flag given that changes nothing here (a boolean only when true), saying why. */
  List<String> withoutEffect() {
    List<String> lines = new ArrayList<>();
    if (timeoutOffset != null) {
      lines.add(NoEffect.line("--timeout-offset", "the scrape timeout Prometheus sends is not read; each query "
          + "stops at its own limit (querytimeout in a metrics file, collect.query_timeout in --config.file)"));
    }
    if (Boolean.TRUE.equals(systemdSocket)) {
      lines.add(NoEffect.line("--web.systemd-socket", "systemd socket activation is not supported; the exporter "
          + "opens --web.listen-address itself"));
    }
    if (logFormat != null) {
      lines.add(NoEffect.line("--log.format", "logs are plain text lines, not logfmt or JSON"));
    }
    return lines;
  }
}
