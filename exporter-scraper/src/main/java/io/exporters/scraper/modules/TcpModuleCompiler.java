package io.exporters.scraper.modules;

import io.exporters.scraper.config.QueryStep;
import io.exporters.scraper.config.TcpConfig;
import io.exporters.scraper.net.IpProtocol;
import io.exporters.scraper.net.TargetResolver;
import io.exporters.scraper.tcp.QueryStepRule;
import io.exporters.scraper.tcp.TcpModule;
import io.exporters.scraper.tls.TlsClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Compiles a {@code tcp:} block: TLS, the query_response steps, address family and source. */
final class TcpModuleCompiler {
  private TcpModuleCompiler() {}

  static TcpModule compile(TcpConfig given, boolean allowLinkLocal) {
    TcpConfig c = given == null ? TcpConfig.DEFAULT : given;
    TlsClient tls = KeyError.at("tls_config", () -> TlsClient.of(c.tlsConfig()));
    List<QueryStepRule> steps = new ArrayList<>();
    List<QueryStep> given2 = c.queryResponse() == null ? List.of() : c.queryResponse();
    for (int i = 0; i < given2.size(); i++) {
      QueryStep s = given2.get(i);
      String key = "query_response[" + i + "]";
      if (s.expect() == null && s.send() == null && !Boolean.TRUE.equals(s.starttls())) {
        throw new KeyError(key, "a step needs expect, send or starttls");
      }
      steps.add(new QueryStepRule(s.expect() == null ? null
          : KeyError.regex(key + ".expect", s.expect()), s.send(),
          Boolean.TRUE.equals(s.starttls())));
    }
    return new TcpModule(tls, Boolean.TRUE.equals(c.tls()), steps,
        KeyError.at("preferred_ip_protocol", () -> IpProtocol.parse(c.preferredIpProtocol())),
        c.ipProtocolFallback() == null || c.ipProtocolFallback(), source(c.sourceIpAddress()),
        allowLinkLocal);
  }

  private static InetAddress source(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (!TargetResolver.isLiteral(text)) {
      throw new KeyError("source_ip_address", "expected an IP address, got '" + text + "'");
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new KeyError("source_ip_address", "expected an IP address, got '" + text + "'");
    }
  }
}
