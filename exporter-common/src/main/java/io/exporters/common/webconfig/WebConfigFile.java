package io.exporters.common.webconfig;

import java.util.List;
import java.util.Map;

/**
 * The web config file exactly as written, bound by Jackson (snake_case keys, unknown keys
 * rejected). Every field may be null; {@link WebConfigParser} checks values and applies defaults.
 */
record WebConfigFile(
    TlsServerConfig tlsServerConfig,
    HttpServerConfig httpServerConfig,
    Map<String, String> basicAuthUsers,
    RateLimit rateLimit) {

  record TlsServerConfig(
      String cert,
      String key,
      String clientCa,
      String certFile,
      String keyFile,
      String clientAuthType,
      String clientCaFile,
      List<String> clientAllowedSans,
      String minVersion,
      String maxVersion,
      List<String> cipherSuites,
      List<String> curvePreferences,
      Boolean preferServerCipherSuites) {}

  record HttpServerConfig(Boolean http2, Map<String, String> headers) {}

  record RateLimit(String interval, Integer burst) {}
}
