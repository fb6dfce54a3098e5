package dev.customs.core.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from Docker's {@code config.json}, looked up as the Docker CLI does: a per-registry
 * {@code credHelpers} entry first, then the {@code credsStore}, then the inline {@code auths}.
 */
public final class DockerConfigCredentials {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";

  private final Path configFile;
  private final JsonNode config;
  private final List<Path> helperDirs;

  private DockerConfigCredentials(Path configFile, JsonNode config, List<Path> helperDirs) {
    this.configFile = configFile;
    this.config = config;
    this.helperDirs = helperDirs;
  }

  /** Reads {@code <configDir>/config.json}; a missing file means no credentials. */
  public static DockerConfigCredentials load(Path configDir, List<Path> helperDirs) throws IOException {
    Path file = configDir.resolve("config.json");
    if (!Files.isRegularFile(file)) {
      return new DockerConfigCredentials(file, JSON.createObjectNode(), helperDirs);
    }
    try {
      return new DockerConfigCredentials(file, JSON.readTree(file.toFile()), helperDirs);
    } catch (IOException e) {
      throw new IOException("cannot read Docker config " + file + ": " + e.getMessage(), e);
    }
  }

  /** The credentials for a registry host ({@code docker.io}, {@code 127.0.0.1:5000}), if any. */
  public Optional<Credentials> find(String registry) throws IOException {
    boolean hub = registry.equals("docker.io");
    String serverUrl = hub ? DOCKER_HUB_SERVER : registry;
    String helper = config.path("credHelpers").path(hub ? "docker.io" : registry).asText("");
    if (helper.isEmpty() && hub) {
      helper = config.path("credHelpers").path("index.docker.io").asText("");
    }
    if (helper.isEmpty()) {
      helper = config.path("credsStore").asText("");
    }
    if (!helper.isEmpty()) {
      Optional<Credentials> found = new CredentialHelper(helper, helperDirs).get(serverUrl);
      if (found.isPresent()) {
        return found;
      }
    }
    return fromAuths(hub ? "index.docker.io" : registry);
  }

  private Optional<Credentials> fromAuths(String host) throws IOException {
    for (Map.Entry<String, JsonNode> e : config.path("auths").properties()) {
      String key = hostOf(e.getKey());
      if (key.equalsIgnoreCase(host) || (host.equals("index.docker.io") && key.equalsIgnoreCase("docker.io"))) {
        return entry(e.getKey(), e.getValue());
      }
    }
    return Optional.empty();
  }

  private Optional<Credentials> entry(String key, JsonNode node) throws IOException {
    String identityToken = node.path("identitytoken").asText("");
    if (!identityToken.isEmpty()) {
      return Optional.of(Credentials.identityToken(identityToken));
    }
    String auth = node.path("auth").asText("");
    if (!auth.isEmpty()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IOException("Docker config " + configFile + ": auths." + key + ".auth is not base64", e);
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        throw new IOException("Docker config " + configFile + ": auths." + key + ".auth is not user:password");
      }
      return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
    String user = node.path("username").asText("");
    String password = node.path("password").asText("");
    return user.isEmpty() ? Optional.empty() : Optional.of(new Credentials(user, password));
  }

  /** Docker's ConvertToHostname: keys may be URLs such as {@code https://index.docker.io/v1/}. */
  private static String hostOf(String key) {
    String h = key.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
    int slash = h.indexOf('/');
    return slash < 0 ? h : h.substring(0, slash);
  }
}
