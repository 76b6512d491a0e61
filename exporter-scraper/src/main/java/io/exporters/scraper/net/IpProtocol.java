package io.exporters.scraper.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;

/** blackbox's {@code preferred_ip_protocol}: ip6 unless a module says ip4. */
public enum IpProtocol {
  IP4(4),
  IP6(6);

  private final int number;

  IpProtocol(int number) {
    this.number = number;
  }

  /** 4 or 6, the value of {@code probe_ip_protocol}. */
  public int number() {
    return number;
  }

  public boolean matches(InetAddress address) {
    return (address instanceof Inet4Address) == (this == IP4);
  }

  public static IpProtocol of(InetAddress address) {
    return address instanceof Inet4Address ? IP4 : IP6;
  }

  /** ip4, ip6 (tcp4/tcp6 accepted as blackbox does); null or empty is ip6. */
  public static IpProtocol parse(String text) {
    if (text == null || text.isEmpty()) {
      return IP6;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "ip4":
      case "tcp4":
        return IP4;
      case "ip6":
      case "tcp6":
        return IP6;
      default:
        throw new IllegalArgumentException("expected ip4 or ip6, got '" + text + "'");
    }
  }
}
