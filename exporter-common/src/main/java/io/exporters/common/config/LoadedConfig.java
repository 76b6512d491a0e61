package io.exporters.common.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exporters.common.web.WebConfig;
import java.nio.file.Path;

/** A validated configuration: the core's part, the exporter's own settings, and the web config. */
public record LoadedConfig<X>(
    CommonConfig common, X settings, Path file, WebConfig webConfig, ConfigTree tree) {

  /** The effective configuration as YAML, secrets replaced by {@code <secret>}. */
  public String effectiveYaml() {
    ObjectMapper mapper = ConfigMapper.create();
    ObjectNode out = mapper.valueToTree(common);
    ObjectNode own = mapper.valueToTree(settings);
    if (own != null) {
      out.setAll(own);
    }
    out.set("web_config", mapper.valueToTree(webConfig.redactedView()));
    try {
      return mapper.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      return "# cannot render the effective configuration: " + e.getOriginalMessage();
    }
  }
}
