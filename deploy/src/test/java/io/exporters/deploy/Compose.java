package io.exporters.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as compose reads it: services with their environment, command, volumes and
 * secrets, ${VAR:-default} filled from .env.example (what a user copies to .env).
 */
final class Compose {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");

  final JsonNode root;
  final Map<String, String> dotEnv;

  private Compose(JsonNode root, Map<String, String> dotEnv) {
    this.root = root;
    this.dotEnv = dotEnv;
  }

  static Compose load() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Repo.file(".env.example"))) {
      int eq = line.indexOf('=');
      if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
        env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return new Compose(new YAMLMapper().readTree(Repo.file("docker-compose.yml").toFile()), env);
  }

  List<String> serviceNames() {
    List<String> names = new ArrayList<>();
    root.get("services").fieldNames().forEachRemaining(names::add);
    return names;
  }

  JsonNode service(String name) {
    JsonNode s = root.get("services").get(name);
    if (s == null) {
      throw new AssertionError("docker-compose.yml has no service " + name);
    }
    return s;
  }

  Map<String, String> environment(String service) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode node = service(service).get("environment");
    if (node != null) {
      node.fields().forEachRemaining(e -> env.put(e.getKey(), interpolate(e.getValue().asText())));
    }
    return env;
  }

  List<String> command(String service) {
    List<String> args = new ArrayList<>();
    JsonNode node = service(service).get("command");
    if (node != null) {
      node.forEach(a -> args.add(interpolate(a.asText())));
    }
    return args;
  }

  /** Host path to container path, for the bind mounts of a service. */
  Map<String, String> volumes(String service) {
    Map<String, String> mounts = new LinkedHashMap<>();
    JsonNode node = service(service).get("volumes");
    if (node != null) {
      for (JsonNode v : node) {
        String[] parts = v.asText().split(":");
        mounts.put(parts[0], parts[1]);
      }
    }
    return mounts;
  }

  /** The value of a compose secret defined from the environment (secrets.X.environment). */
  String secret(String name) {
    JsonNode secret = root.path("secrets").path(name);
    if (!secret.has("environment")) {
      throw new AssertionError("docker-compose.yml: secret " + name + " is not defined from "
          + "the environment");
    }
    String variable = secret.get("environment").asText();
    String value = dotEnv.get(variable);
    if (value == null || value.isEmpty()) {
      throw new AssertionError(".env.example gives no value for " + variable + " (secret "
          + name + ")");
    }
    return value;
  }

  String interpolate(String value) {
    Matcher m = VARIABLE.matcher(value.replace("$$", "\u0000"));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String set = dotEnv.get(m.group(1));
      String fill = set != null && !set.isEmpty() ? set : m.group(2) != null ? m.group(2) : "";
      m.appendReplacement(out, Matcher.quoteReplacement(fill));
    }
    m.appendTail(out);
    return out.toString().replace("\u0000", "$");
  }
}
