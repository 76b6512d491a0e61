package io.exporters.common.webconfig;

import java.util.Optional;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * Builds the one Jetty connector an exporter listens on: plain HTTP without
 * {@code tls_server_config}, HTTPS (HTTP/1.1) with it. Pass it to Javalin through
 * {@code cfg.jetty.addConnector}; Javalin then adds no default connector of its own.
 */
public final class Connectors {
  private Connectors() {}

  /**
   * A connector for {@code host:port}; a null or blank host listens on every interface, port 0
   * picks a free port (read it back with {@link ServerConnector#getLocalPort()} once started).
   */
  public static ServerConnector create(Server server, HttpConfiguration httpConfig,
      WebConfig config, String host, int port) {
    Optional<TlsSettings> tls = config.tls();
    ServerConnector connector;
    if (tls.isEmpty()) {
      connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
    } else {
      NamedGroups.prepare(tls.get().curves());
      HttpConfiguration https = new HttpConfiguration(httpConfig);
      SecureRequestCustomizer secure = https.getCustomizer(SecureRequestCustomizer.class);
      if (secure == null) {
        secure = new SecureRequestCustomizer();
        https.addCustomizer(secure);
      }
      // Scrapers often use an IP or a name the certificate lacks; Go does not compare the SNI
      // name with the Host header either.
      secure.setSniHostCheck(false);
      connector = new ServerConnector(server,
          new SslConnectionFactory(new ServerSslContextFactory(tls.get()),
              HttpVersion.HTTP_1_1.asString()),
          new HttpConnectionFactory(https));
    }
    connector.setHost(host == null || host.isBlank() ? null : host);
    connector.setPort(port);
    return connector;
  }
}
