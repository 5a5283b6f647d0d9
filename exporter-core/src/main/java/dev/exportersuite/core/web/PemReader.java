package dev.exportersuite.core.web;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM as Go's {@code tls.X509KeyPair} and {@code AppendCertsFromPEM} do: the blocks of the wanted type are
 * used and every other block is skipped; keys in PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY})
 * and SEC1 ({@code EC PRIVATE KEY}) form, made by the JDK's own certificate and key factories. Messages name block
 * types and files, never their contents.
 */
final class PemReader {

  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]{1,40})-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final Set<String> KEY_TYPES = Set.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY",
      "ENCRYPTED PRIVATE KEY");
  /** Key types Go reads from PKCS#8, with the JDK's factory names. */
  private static final List<String> PKCS8_ALGORITHMS = List.of("RSA", "EC", "Ed25519");

  private PemReader() {}

  private record Block(String type, String body) {}

  /** Every {@code CERTIFICATE} block, in order; at least one. */
  static List<X509Certificate> certificates(String pem, String where) throws TlsMaterialException {
    List<X509Certificate> out = new ArrayList<>();
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new TlsMaterialException("the Java runtime reads no X.509 certificates");
    }
    for (Block block : blocks(pem, Set.of("CERTIFICATE"))) {
      try {
        out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(decode(block, where))));
      } catch (CertificateException | RuntimeException e) {
        throw new TlsMaterialException(where + ": a CERTIFICATE block is not an X.509 certificate");
      }
    }
    if (out.isEmpty()) {
      throw new TlsMaterialException(where + ": no PEM CERTIFICATE block found");
    }
    return out;
  }

  /** The first private key block, unencrypted. */
  static PrivateKey privateKey(String pem, String where) throws TlsMaterialException {
    List<Block> keys = blocks(pem, KEY_TYPES);
    if (keys.isEmpty()) {
      throw new TlsMaterialException(where + ": no PEM private key block found (PRIVATE KEY, RSA PRIVATE KEY or "
          + "EC PRIVATE KEY)");
    }
    Block key = keys.get(0);
    if (key.type().equals("ENCRYPTED PRIVATE KEY") || key.body().contains("Proc-Type:")) {
      throw new TlsMaterialException(where + ": the private key is encrypted; like the Go exporters, this exporter "
          + "reads unencrypted keys only (protect the file with its permissions)");
    }
    byte[] der = decode(key, where);
    try {
      return switch (key.type()) {
        case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(
            new PKCS8EncodedKeySpec(Pkcs8.fromPkcs1(der)));
        case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(
            new PKCS8EncodedKeySpec(Pkcs8.fromSec1(der)));
        default -> pkcs8(der, where);
      };
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // The factory's message may describe the bytes: say which kind failed, not what it read.
      throw new TlsMaterialException(where + ": the " + key.type() + " block cannot be read as a key ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  /** PKCS#8 names its algorithm inside; the JDK's factories are tried in turn, as each refuses the others' keys. */
  private static PrivateKey pkcs8(byte[] der, String where) throws TlsMaterialException {
    for (String algorithm : PKCS8_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm
      }
    }
    throw new TlsMaterialException(where + ": the PRIVATE KEY block is not an RSA, EC or Ed25519 key");
  }

  private static byte[] decode(Block block, String where) throws TlsMaterialException {
    try {
      return Base64.getMimeDecoder().decode(block.body());
    } catch (IllegalArgumentException e) {
      throw new TlsMaterialException(where + ": a " + block.type() + " block is not valid base64");
    }
  }

  private static List<Block> blocks(String pem, Set<String> types) {
    List<Block> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(pem);
    while (m.find()) {
      if (types.contains(m.group(1))) {
        out.add(new Block(m.group(1), m.group(2)));
      }
    }
    return out;
  }
}
