package io.exporters.scraper.net;

import java.net.Inet4Address;
import java.net.InetAddress;

/** The address a probe dials and how long finding it took. */
public record Resolution(InetAddress address, double lookupSeconds) {
  public IpProtocol protocol() {
    return IpProtocol.of(address);
  }

  /**
   * blackbox's {@code probe_ip_addr_hash}: FNV-1a (32 bit) over the address bytes (the 4-byte
   * form for IPv4), so a changed address shows as a changed value.
   */
  public double hash() {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address && bytes.length != 4) {
      bytes = java.util.Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length);
    }
    int h = 0x811c9dc5;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return h & 0xffffffffL;
  }
}
