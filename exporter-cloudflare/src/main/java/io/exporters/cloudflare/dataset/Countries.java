package io.exporters.cloudflare.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The {@code region} label of a country code, as lablabs writes it ("Europe", "Americas"). */
final class Countries {
  static final String UNKNOWN = "Unknown";
  private static final Map<String, String> REGIONS = load();

  private Countries() {}

  static String region(String countryCode) {
    return REGIONS.getOrDefault(countryCode, UNKNOWN);
  }

  private static Map<String, String> load() {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = Countries.class.getResourceAsStream("/country-regions.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.trim().split(" ", 2);
          out.put(parts[0], parts[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
