package io.exporters.common.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.exporters.common.secret.Secret;
import java.io.IOException;
import java.time.Duration;

/**
 * The one Jackson setup for every YAML file the exporters read or show: snake_case keys, strict
 * (unknown and duplicate keys refused), Go durations, secrets written as {@code <secret>}.
 */
public final class ConfigMapper {
  private ConfigMapper() {}

  public static ObjectMapper create() {
    SimpleModule module = new SimpleModule("exporter-config");
    module.addDeserializer(Duration.class, new DurationDeserializer());
    module.addSerializer(Duration.class, new JsonSerializer<>() {
      @Override
      public void serialize(Duration d, JsonGenerator gen, SerializerProvider p)
          throws IOException {
        gen.writeString(GoDuration.format(d));
      }
    });
    module.addDeserializer(Secret.class, new JsonDeserializer<>() {
      @Override
      public Secret deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
          throw InvalidFormatException.from(p, "expected a string", "", Secret.class);
        }
        return Secret.configured(p.getValueAsString());
      }
    });
    module.addSerializer(Secret.class, new JsonSerializer<>() {
      @Override
      public void serialize(Secret s, JsonGenerator gen, SerializerProvider p) throws IOException {
        gen.writeString(Secret.REDACTED);
      }
    });
    return YAMLMapper.builder(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        .addModule(module)
        .build();
  }

  private static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      String text = p.getValueAsString();
      if (text == null) {
        throw InvalidFormatException.from(p,
            "expected a duration such as 10s, 1m30s or 500ms", p.getText(), Duration.class);
      }
      try {
        return GoDuration.parse(text);
      } catch (IllegalArgumentException e) {
        throw InvalidFormatException.from(p,
            "expected a duration such as 10s, 1m30s or 500ms, got '" + text + "'", text,
            Duration.class);
      }
    }
  }
}
