package io.exporters.common.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.exporters.common.config.ConfigErrors;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.GoDuration;
import io.exporters.common.config.Secret;
import io.exporters.common.log.SecretMasker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a web config file into a {@link WebConfig}; every problem is a {@link ConfigException}. */
final class WebConfigParser {
  /**
   * The only response headers exporter-toolkit lets the file set, with the values it accepts
   * (empty: any value).
   */
  private static final Map<String, List<String>> HEADERS = Map.of(
      "Strict-Transport-Security", List.of(),
      "X-Content-Type-Options", List.of("nosniff"),
      "X-Frame-Options", List.of("deny", "sameorigin"),
      "X-XSS-Protection", List.of(),
      "Content-Security-Policy", List.of());

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

  private static final ObjectMapper MAPPER = YAMLMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final WebConfigErrors errors;

  private WebConfigParser(Path file) {
    this.errors = new WebConfigErrors(file);
  }

  static WebConfig parse(Path file) throws ConfigException {
    return new WebConfigParser(file).parse();
  }

  private WebConfig parse() throws ConfigException {
    JsonNode tree = readTree();
    WebConfigFile raw = bind(tree);
    Map<String, Object> view = new LinkedHashMap<>();

    Optional<TlsSettings> tls = new TlsSettingsReader(errors).read(raw.tlsServerConfig());
    tls.ifPresent(t -> view.put("tls_server_config", t.redactedView()));

    WebConfigFile.HttpServerConfig http = raw.httpServerConfig();
    boolean http2 = http == null || http.http2() == null || http.http2();
    Map<String, String> headers = headers(http == null ? null : http.headers());
    Map<String, Object> httpView = new LinkedHashMap<>();
    httpView.put("http2", http2);
    if (!headers.isEmpty()) {
      httpView.put("headers", headers);
    }
    view.put("http_server_config", httpView);

    Map<String, String> users = users(raw.basicAuthUsers());
    if (!users.isEmpty()) {
      Map<String, Object> usersView = new LinkedHashMap<>();
      users.keySet().forEach(u -> usersView.put(u, Secret.REDACTED));
      view.put("basic_auth_users", usersView);
    }

    Optional<RateLimiter> limiter = rateLimiter(raw.rateLimit(), view);
    return new WebConfig(tls, headers, new BasicAuth(users), limiter, http2, view);
  }

  private JsonNode readTree() throws ConfigException {
    String text;
    try {
      text = Files.readString(errors.file(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw errors.problem("cannot read: " + ConfigErrors.ioReason(e));
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isNull() || node.isMissingNode()) {
        return MAPPER.createObjectNode();
      }
      if (!node.isObject()) {
        throw errors.problem("the top level must be a map of keys, got " + describe(node));
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw errors.problem("invalid YAML"
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
          + ": " + firstLine(e.getOriginalMessage()));
    }
  }

  private WebConfigFile bind(JsonNode tree) throws ConfigException {
    try {
      return MAPPER.treeToValue(tree, WebConfigFile.class);
    } catch (UnrecognizedPropertyException e) {
      String key = ConfigErrors.keyPath(e);
      Collection<Object> known = e.getKnownPropertyIds();
      TreeSet<String> names = new TreeSet<>();
      if (known != null) {
        known.forEach(k -> names.add(String.valueOf(k)));
      }
      throw errors.problem("unknown key '" + key + "'"
          + (names.isEmpty() ? "" : " (known keys here: " + String.join(", ", names) + ")"));
    } catch (MismatchedInputException e) {
      String key = ConfigErrors.keyPath(e);
      // The value itself is not quoted: it may be a password hash or a private key.
      throw errors.atKey(key, "expected " + typeName(e.getTargetType()) + ", got "
          + describe(tree.at(pointer(e))));
    } catch (JsonMappingException e) {
      throw errors.atKey(ConfigErrors.keyPath(e), firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw errors.problem(firstLine(e.getOriginalMessage()));
    }
  }

  private Map<String, String> headers(Map<String, String> configured) throws ConfigException {
    Map<String, String> out = new LinkedHashMap<>();
    if (configured == null) {
      return out;
    }
    for (Map.Entry<String, String> e : configured.entrySet()) {
      String key = "http_server_config.headers." + e.getKey();
      List<String> allowed = HEADERS.get(e.getKey());
      if (allowed == null) {
        throw errors.atKey(key, "header '" + e.getKey() + "' can not be configured (allowed: "
            + String.join(", ", new TreeSet<>(HEADERS.keySet())) + ")");
      }
      String value = e.getValue();
      if (value == null || value.isEmpty()) {
        continue; // exporter-toolkit: "Unset if blank".
      }
      if (!allowed.isEmpty() && !allowed.contains(value)) {
        throw errors.atKey(key, "invalid value '" + value + "' (use "
            + String.join(" or ", allowed) + ")");
      }
      out.put(e.getKey(), value);
    }
    return out;
  }

  private Map<String, String> users(Map<String, String> configured) throws ConfigException {
    Map<String, String> out = new LinkedHashMap<>();
    if (configured == null) {
      return out;
    }
    for (Map.Entry<String, String> e : configured.entrySet()) {
      String hash = e.getValue();
      if (hash != null) {
        SecretMasker.register(hash);
      }
      Matcher m = hash == null ? null : BCRYPT.matcher(hash);
      if (m == null || !m.matches()) {
        throw errors.atKey("basic_auth_users." + e.getKey(), "not a bcrypt hash (expected $2a$, "
            + "$2b$ or $2y$, a two-digit cost and 53 more characters, e.g. from "
            + "htpasswd -nBC 10 \"\")");
      }
      int cost = Integer.parseInt(m.group(1));
      if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
        throw errors.atKey("basic_auth_users." + e.getKey(), "bcrypt cost " + cost
            + " is outside " + BCrypt.MIN_COST + ".." + BCrypt.MAX_COST);
      }
      out.put(e.getKey(), hash);
    }
    return out;
  }

  private Optional<RateLimiter> rateLimiter(WebConfigFile.RateLimit limit, Map<String, Object> view)
      throws ConfigException {
    if (limit == null || limit.interval() == null || limit.interval().isBlank()) {
      return Optional.empty();
    }
    Duration interval;
    try {
      interval = GoDuration.parse(limit.interval());
    } catch (IllegalArgumentException e) {
      throw errors.atKey("rate_limit.interval", e.getMessage());
    }
    if (interval.isZero()) {
      return Optional.empty(); // exporter-toolkit: 0 turns the limiter off.
    }
    if (limit.burst() == null || limit.burst() < 1) {
      throw errors.atKey("rate_limit.burst", "must be at least 1 when rate_limit.interval is set"
          + " (it is the number of requests allowed at once)");
    }
    Map<String, Object> limitView = new LinkedHashMap<>();
    limitView.put("interval", GoDuration.format(interval));
    limitView.put("burst", limit.burst());
    view.put("rate_limit", limitView);
    return Optional.of(new RateLimiter(interval, limit.burst()));
  }

  private static String pointer(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      out.append('/');
      if (ref.getFieldName() != null) {
        out.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else {
        out.append(ref.getIndex());
      }
    }
    return out.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "a different kind of value";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a map of keys";
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isNumber()) {
      return "a number";
    }
    return "a string";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
