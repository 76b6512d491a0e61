package io.exporters.common.app;

import io.exporters.common.config.ListenAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the exporter answers, written once it listens to the file {@code EXPORTER_ADDRESS_FILE}
 * names (the images set it): {@code http://127.0.0.1:9187}. The images' health check reads it,
 * so it follows whatever listen address and TLS setting the exporter was started with.
 */
final class AddressFile {
  static final String ENV = "EXPORTER_ADDRESS_FILE";
  private static final Logger logger = LoggerFactory.getLogger(AddressFile.class);

  private AddressFile() {}

  /** The URL a client on this host reaches the exporter at. */
  static String url(ListenAddress listen, int boundPort, boolean tls) {
    String host = listen.host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
      host = "127.0.0.1";
    }
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return (tls ? "https" : "http") + "://" + host + ":" + boundPort;
  }

  /** Writes it when {@code file} is set; a file that cannot be written costs a warning only. */
  static void write(String file, String url) {
    if (file == null || file.isBlank()) {
      return;
    }
    Path target = Path.of(file);
    try {
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      Files.writeString(tmp, url + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      logger.atWarn().addKeyValue("file", file).addKeyValue("err", e.toString())
          .log("cannot write the address file; the image's health check will fail");
    }
  }
}
