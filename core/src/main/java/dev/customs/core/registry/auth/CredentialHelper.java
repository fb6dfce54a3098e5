package dev.customs.core.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Docker credential helper ({@code docker-credential-<name> get}, server URL on stdin, JSON
 * {@code {"ServerURL","Username","Secret"}} on stdout), as {@code credHelpers} and
 * {@code credsStore} in {@code config.json} name them.
 */
public final class CredentialHelper {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 30;

  private final String name;
  private final List<Path> searchDirs;

  /** @param searchDirs where to look for the executable; empty means the PATH */
  public CredentialHelper(String name, List<Path> searchDirs) {
    this.name = name;
    this.searchDirs = List.copyOf(searchDirs);
  }

  /** The credentials the helper holds for the server, or empty when it has none. */
  public Optional<Credentials> get(String serverUrl) throws IOException {
    Process process = new ProcessBuilder(executable(), "get").redirectErrorStream(true).start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(serverUrl.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the helper exited without reading its input; its exit code and output say why
    }
    byte[] out = process.getInputStream().readAllBytes();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(executable() + " did not answer within " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + executable(), e);
    }
    String text = new String(out, StandardCharsets.UTF_8).strip();
    if (process.exitValue() != 0) {
      if (text.contains("credentials not found")) {
        return Optional.empty(); // the helpers' documented "no entry" answer
      }
      throw new IOException(executable() + " get " + serverUrl + " failed (exit " + process.exitValue() + "): " + text);
    }
    return parse(text);
  }

  private Optional<Credentials> parse(String text) throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (IOException e) {
      throw new IOException(executable() + " printed something that is not JSON: " + e.getMessage(), e);
    }
    String user = node.path("Username").asText("");
    String secret = node.path("Secret").asText("");
    return user.isEmpty() || secret.isEmpty() ? Optional.empty() : Optional.of(new Credentials(user, secret));
  }

  private String executable() {
    String file = "docker-credential-" + name;
    for (Path dir : searchDirs) {
      if (Files.isExecutable(dir.resolve(file))) {
        return dir.resolve(file).toString();
      }
    }
    return file;
  }
}
