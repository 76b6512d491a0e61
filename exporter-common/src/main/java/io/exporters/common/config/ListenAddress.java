package io.exporters.common.config;

/** A Go-style listen address: {@code :9187}, {@code 0.0.0.0:9187}, {@code [::1]:9187}. */
public record ListenAddress(String host, int port) {
  public static ListenAddress parse(String address) {
    if (address == null || !address.contains(":")) {
      throw new IllegalArgumentException("'" + address + "' is not host:port or :port");
    }
    int colon = address.lastIndexOf(':');
    String host = address.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + address + "' has no numeric port");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range");
    }
    return new ListenAddress(host.isEmpty() ? "0.0.0.0" : host, port);
  }
}
