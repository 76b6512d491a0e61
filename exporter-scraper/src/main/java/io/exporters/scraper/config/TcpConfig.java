package io.exporters.scraper.config;

import java.util.List;

/** blackbox_exporter's {@code tcp:} prober options. */
public record TcpConfig(
    String preferredIpProtocol,
    Boolean ipProtocolFallback,
    String sourceIpAddress,
    List<QueryStep> queryResponse,
    Boolean tls,
    TlsConfig tlsConfig) {

  public static final TcpConfig DEFAULT = new TcpConfig(null, null, null, null, null, null);
}
