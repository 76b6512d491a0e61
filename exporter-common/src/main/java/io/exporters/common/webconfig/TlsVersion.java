package io.exporters.common.webconfig;

import java.util.Optional;

/** A TLS protocol version, named as exporter-toolkit's {@code min_version}/{@code max_version}. */
public enum TlsVersion {
  TLS10("TLSv1"),
  TLS11("TLSv1.1"),
  TLS12("TLSv1.2"),
  TLS13("TLSv1.3");

  private final String javaName;

  TlsVersion(String javaName) {
    this.javaName = javaName;
  }

  /** The JSSE protocol name, e.g. {@code TLSv1.2}. */
  public String javaName() {
    return javaName;
  }

  static Optional<TlsVersion> parse(String name) {
    for (TlsVersion v : values()) {
      if (v.name().equals(name)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
