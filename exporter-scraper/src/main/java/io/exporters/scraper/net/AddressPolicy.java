package io.exporters.scraper.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which resolved addresses a probe may connect to. /probe is open to whoever reaches the port,
 * so link-local addresses (169.254.0.0/16, fe80::/10) and cloud metadata services
 * (169.254.169.254, fd00:ec2::254, Alibaba's 100.100.100.200) are refused unless the module
 * allows them. Checked on the address actually dialled, after every redirect.
 */
public final class AddressPolicy {
  private static final byte[] AWS_V6_METADATA = address("fd00:ec2::254");
  private static final byte[] ALIBABA_METADATA = address("100.100.100.200");

  private AddressPolicy() {}

  /** Why {@code ip} is refused, or null when it may be probed. */
  public static String refusal(InetAddress ip) {
    byte[] b = ip.getAddress();
    if (ip instanceof Inet4Address) {
      if ((b[0] & 0xff) == 169 && (b[1] & 0xff) == 254) {
        return "link-local or cloud metadata address";
      }
      if (java.util.Arrays.equals(b, ALIBABA_METADATA)) {
        return "cloud metadata address";
      }
      return null;
    }
    if (ip instanceof Inet6Address v6) {
      if (v6.isLinkLocalAddress()) {
        return "link-local address";
      }
      if (java.util.Arrays.equals(b, AWS_V6_METADATA)) {
        return "cloud metadata address";
      }
      // An IPv4 address mapped or translated into IPv6 is judged as the IPv4 one.
      if (isMappedV4(b)) {
        byte[] v4 = java.util.Arrays.copyOfRange(b, 12, 16);
        try {
          return refusal(InetAddress.getByAddress(v4));
        } catch (java.net.UnknownHostException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static boolean isMappedV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return isNat64(b);
      }
    }
    return (b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0);
  }

  /** 64:ff9b::/96, the well-known NAT64 prefix. */
  private static boolean isNat64(byte[] b) {
    if (b[0] != 0 || b[1] != 0x64 || b[2] != (byte) 0xff || b[3] != (byte) 0x9b) {
      return false;
    }
    for (int i = 4; i < 12; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] address(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
