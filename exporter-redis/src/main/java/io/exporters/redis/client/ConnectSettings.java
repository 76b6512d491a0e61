package io.exporters.redis.client;

import java.time.Duration;

/**
 * How connections are made: the name they take ({@code CLIENT SETNAME}; null for none), the
 * longest a connect or a command may take, TLS, and the name CONFIG goes by ({@code -} when
 * it must not be sent).
 */
public record ConnectSettings(String clientName, Duration connectionTimeout, TlsOptions tls,
    String configCommand) {
  public static final String CLIENT_NAME = "redis_exporter";
  public static final ConnectSettings DEFAULT =
      new ConnectSettings(CLIENT_NAME, Duration.ofSeconds(15), TlsOptions.DEFAULT, "CONFIG");

  public boolean configDisabled() {
    return configCommand == null || configCommand.equals("-") || configCommand.isBlank();
  }
}
