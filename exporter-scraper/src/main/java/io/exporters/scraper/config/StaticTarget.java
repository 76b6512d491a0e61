package io.exporters.scraper.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.exporters.scraper.net.TargetUrls;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A target /metrics probes: a URL (or host:port for a tcp module) and its module; a plain string
 * is a target with the default module. {@code hostname} sets Host and SNI as blackbox's
 * {@code hostname} parameter does.
 */
public record StaticTarget(String target, String module, String hostname) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static StaticTarget of(String target) {
    return new StaticTarget(target, null, null);
  }

  @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
  public static StaticTarget of(@JsonProperty("target") String target,
      @JsonProperty("module") String module, @JsonProperty("hostname") String hostname) {
    return new StaticTarget(target, module, hostname);
  }

  /** As the landing page shows it: without the user info a URL may hold. */
  @JsonValue
  public Map<String, String> shown() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("target", TargetUrls.withoutUserInfo(target));
    if (module != null) {
      out.put("module", module);
    }
    if (hostname != null) {
      out.put("hostname", hostname);
    }
    return out;
  }
}
