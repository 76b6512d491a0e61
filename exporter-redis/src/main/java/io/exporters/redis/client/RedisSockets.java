package io.exporters.redis.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Opens the socket of one connection: TCP within the connect timeout, then TLS for
 * {@code rediss://}, verifying the server by the configured name (or the host) unless told
 * not to. A socket that fails half-way is closed here.
 */
final class RedisSockets implements JedisSocketFactory {
  private final RedisAddress address;
  private final TlsOptions tls;
  private final int timeoutMillis;

  RedisSockets(RedisAddress address, TlsOptions tls, int timeoutMillis) {
    this.address = address;
    this.tls = tls;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Socket createSocket() {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.setSoTimeout(timeoutMillis);
      socket.connect(new InetSocketAddress(InetAddress.getByName(address.host()),
          address.port()), timeoutMillis);
      return address.tls() ? secure(socket) : socket;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      closeQuietly(socket);
      throw new JedisConnectionException("cannot connect to " + address.hostPort() + ": "
          + e.getMessage(), e);
    }
  }

  private Socket secure(Socket plain) throws IOException, GeneralSecurityException {
    String name = tls.serverName() != null ? tls.serverName() : bare(address.host());
    SSLSocket ssl = (SSLSocket) TlsContexts.of(tls).getSocketFactory()
        .createSocket(plain, name, address.port(), true);
    SSLParameters params = ssl.getSSLParameters();
    if (!tls.skipVerification()) {
      params.setEndpointIdentificationAlgorithm("HTTPS");
    }
    if (!looksLikeAddress(name)) {
      params.setServerNames(List.of(new SNIHostName(name)));
    }
    ssl.setSSLParameters(params);
    ssl.setSoTimeout(timeoutMillis);
    ssl.startHandshake();
    return ssl;
  }

  private static String bare(String host) {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  private static boolean looksLikeAddress(String name) {
    return name.contains(":") || name.matches("[0-9.]+");
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Failed already.
    }
  }
}
