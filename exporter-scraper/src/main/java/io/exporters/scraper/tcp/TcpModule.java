package io.exporters.scraper.tcp;

import io.exporters.scraper.net.IpProtocol;
import io.exporters.scraper.tls.TlsClient;
import java.net.InetAddress;
import java.util.List;

/** One tcp module compiled from its configuration. {@code sourceAddress} may be null. */
public record TcpModule(
    TlsClient tls,
    boolean useTls,
    List<QueryStepRule> steps,
    IpProtocol ipProtocol,
    boolean ipFallback,
    InetAddress sourceAddress,
    boolean allowLinkLocal) {

  public TcpModule {
    steps = List.copyOf(steps);
  }
}
