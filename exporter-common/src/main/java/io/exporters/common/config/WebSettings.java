package io.exporters.common.config;

/** {@code web:} listen address, metrics path and the exporter-toolkit web config file. */
public record WebSettings(String listenAddress, String telemetryPath, String configFile) {
  public WebSettings withDefaults(int defaultPort) {
    return new WebSettings(
        listenAddress == null || listenAddress.isBlank() ? ":" + defaultPort : listenAddress,
        telemetryPath == null || telemetryPath.isBlank() ? "/metrics" : telemetryPath,
        configFile == null || configFile.isBlank() ? null : configFile);
  }
}
