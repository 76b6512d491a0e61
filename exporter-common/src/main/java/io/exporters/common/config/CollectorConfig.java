package io.exporters.common.config;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code collectors.<name>:} either a boolean (on/off) or a map with {@code enabled}, {@code ttl},
 * {@code timeout} and the collector's own options (checked against what the collector declares).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CollectorConfig {
  private Boolean enabled;
  private Duration ttl;
  private Duration timeout;
  private final Map<String, String> options = new LinkedHashMap<>();

  public CollectorConfig() {}

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static CollectorConfig ofEnabled(boolean enabled) {
    CollectorConfig c = new CollectorConfig();
    c.enabled = enabled;
    return c;
  }

  @JsonProperty("enabled")
  public Boolean enabled() {
    return enabled;
  }

  @JsonProperty("enabled")
  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  @JsonProperty("ttl")
  public Duration ttl() {
    return ttl;
  }

  @JsonProperty("ttl")
  public void setTtl(Duration ttl) {
    this.ttl = ttl;
  }

  @JsonProperty("timeout")
  public Duration timeout() {
    return timeout;
  }

  @JsonProperty("timeout")
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }

  @JsonAnyGetter
  public Map<String, String> options() {
    return options;
  }

  @JsonAnySetter
  public void setOption(String key, Object value) {
    options.put(key, value == null ? "" : String.valueOf(value));
  }
}
