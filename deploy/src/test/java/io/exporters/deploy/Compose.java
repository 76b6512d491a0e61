package io.exporters.deploy;

import com.fasterxml.jackson.databind.JsonNode;
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
    // SnakeYAML, not Jackson: it resolves anchors, aliases and merge keys (<<: *x) as compose does.
    Object yaml = new org.yaml.snakeyaml.Yaml().load(
        Files.readString(Repo.file("docker-compose.yml")));
    return new Compose(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(yaml), env);
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

  /** Host path to container path, for the bind mounts of a service (not named volumes). */
  Map<String, String> volumes(String service) {
    Map<String, String> mounts = new LinkedHashMap<>();
    JsonNode node = service(service).get("volumes");
    if (node != null) {
      for (JsonNode v : node) {
        String[] parts = v.asText().split(":");
        if (parts[0].startsWith("./")) {
          mounts.put(parts[0], parts[1]);
        }
      }
    }
    return mounts;
  }

  /** Container path to secret name, for the secrets of a service (short form: /run/secrets). */
  Map<String, String> secretMounts(String service) {
    Map<String, String> mounts = new LinkedHashMap<>();
    JsonNode node = service(service).get("secrets");
    if (node != null) {
      for (JsonNode s : node) {
        if (s.isTextual()) {
          mounts.put("/run/secrets/" + s.asText(), s.asText());
        } else {
          String source = s.get("source").asText();
          mounts.put(s.path("target").asText("/run/secrets/" + source), source);
        }
      }
    }
    return mounts;
  }

  /** The value of a compose secret: its file (secrets.X.file), as the default .env leaves it. */
  String secret(String name) throws java.io.IOException {
    JsonNode secret = root.path("secrets").path(name);
    if (!secret.has("file")) {
      throw new AssertionError("docker-compose.yml: secret " + name + " is not a file");
    }
    return Files.readString(Repo.file(interpolate(secret.get("file").asText())
        .replaceFirst("^\\./", ""))).strip();
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
