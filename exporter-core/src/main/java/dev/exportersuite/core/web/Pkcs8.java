package dev.exportersuite.core.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Wraps the key forms Go reads besides PKCS#8, PKCS#1 ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE
 * KEY}), in a PKCS#8 envelope, the one form the JDK's key factories take. Only DER framing (tags and lengths) is
 * done here; the key factory parses and checks the key itself. (Bouncy Castle reads these forms too, but would add
 * 10 MB to every exporter's jar for these few bytes of framing.)
 */
final class Pkcs8 {

  private static final int INTEGER = 0x02;
  private static final int OCTET_STRING = 0x04;
  private static final int NULL = 0x05;
  private static final int OID = 0x06;
  private static final int SEQUENCE = 0x30;
  private static final int CONTEXT_0 = 0xa0;
  /** 1.2.840.113549.1.1.1 rsaEncryption */
  private static final byte[] RSA = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
      0x01};
  /** 1.2.840.10045.2.1 id-ecPublicKey */
  private static final byte[] EC = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
  private static final byte[] VERSION_0 = {INTEGER, 0x01, 0x00};

  private Pkcs8() {}

  /** PKCS#1 RSAPrivateKey into PrivateKeyInfo with the rsaEncryption algorithm. */
  static byte[] fromPkcs1(byte[] rsaPrivateKey) {
    children(rsaPrivateKey); // a SEQUENCE, or IllegalArgumentException
    return tlv(SEQUENCE, VERSION_0, tlv(SEQUENCE, RSA, tlv(NULL)), tlv(OCTET_STRING, rsaPrivateKey));
  }

  /** SEC1 ECPrivateKey into PrivateKeyInfo, with the curve it names in its parameters ([0]) as the algorithm's. */
  static byte[] fromSec1(byte[] ecPrivateKey) {
    for (byte[] child : children(ecPrivateKey)) {
      if ((child[0] & 0xff) == CONTEXT_0) {
        byte[] curve = content(child);
        if (curve.length == 0 || curve[0] != OID) {
          throw new IllegalArgumentException("the EC key's parameters are not a named curve");
        }
        return tlv(SEQUENCE, VERSION_0, tlv(SEQUENCE, EC, curve), tlv(OCTET_STRING, ecPrivateKey));
      }
    }
    throw new IllegalArgumentException("the EC key does not name its curve");
  }

  /** The encoded elements inside a DER SEQUENCE. */
  private static List<byte[]> children(byte[] der) {
    if (der.length < 2 || (der[0] & 0xff) != SEQUENCE) {
      throw new IllegalArgumentException("not a DER sequence");
    }
    byte[] body = content(der);
    List<byte[]> out = new ArrayList<>();
    int at = 0;
    while (at < body.length) {
      int end = at + headerLength(body, at) + length(body, at);
      if (end > body.length) {
        throw new IllegalArgumentException("a DER element runs past its sequence");
      }
      out.add(Arrays.copyOfRange(body, at, end));
      at = end;
    }
    return out;
  }

  /** The content of one encoded element, which must fill {@code der} exactly. */
  private static byte[] content(byte[] der) {
    int header = headerLength(der, 0);
    int length = length(der, 0);
    if (header + length != der.length) {
      throw new IllegalArgumentException("the DER length does not match the data");
    }
    return Arrays.copyOfRange(der, header, der.length);
  }

  private static int headerLength(byte[] der, int at) {
    if (at + 1 >= der.length) {
      throw new IllegalArgumentException("truncated DER");
    }
    int first = der[at + 1] & 0xff;
    return first < 0x80 ? 2 : 2 + (first & 0x7f);
  }

  private static int length(byte[] der, int at) {
    int first = der[at + 1] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int bytes = first & 0x7f;
    if (bytes == 0 || bytes > 3 || at + 2 + bytes > der.length) {
      throw new IllegalArgumentException("a DER length that no key has");
    }
    int length = 0;
    for (int i = 0; i < bytes; i++) {
      length = (length << 8) | (der[at + 2 + i] & 0xff);
    }
    return length;
  }

  private static byte[] tlv(int tag, byte[]... contents) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] c : contents) {
      body.writeBytes(c);
    }
    int n = body.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream(n + 6);
    out.write(tag);
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else if (n < 0x10000) {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n);
    } else {
      out.write(0x83);
      out.write(n >> 16);
      out.write(n >> 8);
      out.write(n);
    }
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static byte[] tlv(int tag) {
    return new byte[] {(byte) tag, 0};
  }
}
