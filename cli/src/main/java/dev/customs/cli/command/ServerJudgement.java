package dev.customs.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.cli.VersionProvider;
import dev.customs.cli.options.ServerOptions;
import dev.customs.core.image.ImageRef;
import dev.customs.core.inventory.Inventory;
import dev.customs.core.report.InventoryJsonFormat;
import dev.customs.core.report.SbomContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a scan's inventory to a Customs server ({@code POST /api/v1/scan-results}), which matches it
 * with its bundle, judges it with its policies and, as {@code --register} asks, keeps the image.
 */
final class ServerJudgement {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** The server's answer. */
  record Verdict(String verdict, String message, List<String> reasons, boolean registered, String imageId) {
    boolean compliant() {
      return "compliant".equals(verdict);
    }

    boolean unknown() {
      return "unknown".equals(verdict);
    }
  }

  private final ServerOptions options;

  ServerJudgement(ServerOptions options) {
    this.options = options;
  }

  Verdict submit(Inventory inventory) throws IOException {
    String reference = options.imageName != null ? options.imageName.strip()
        : inventory.image().reference().map(ImageRef::toString).orElseThrow(() -> new IOException("the image has no "
            + "name for the server (an archive without a tag): give one with --image-name REF"));
    ByteArrayOutputStream document = new ByteArrayOutputStream();
    new InventoryJsonFormat().write(inventory, SbomContext.now(VersionProvider.version()), document);
    ObjectNode body = JSON.createObjectNode();
    body.put("reference", reference);
    body.put("register", options.register);
    body.set("inventory", JSON.readTree(document.toByteArray()));
    URI uri = URI.create(options.server.endsWith("/") ? options.server : options.server + "/")
        .resolve("api/v1/scan-results");
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + options.token.strip()).header("Content-Type", "application/json")
        .header("Accept", "application/json, application/problem+json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    HttpResponse<String> response;
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build()) {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + uri, e);
    } catch (IOException e) {
      throw new IOException("cannot reach " + uri + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage()), e);
    }
    return verdict(uri, response);
  }

  private static Verdict verdict(URI uri, HttpResponse<String> response) throws IOException {
    int status = response.statusCode();
    if (status == 401) {
      throw new IOException(uri + " refused the credentials (HTTP 401): give a valid API token with CUSTOMS_TOKEN");
    }
    if (status == 403) {
      throw new IOException(uri + " refused this token (HTTP 403): it needs the scanner or administrator role");
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IOException(uri + " answered HTTP " + status + " with no JSON: is this a Customs server?");
    }
    if (status != 200) {
      throw new IOException(uri + " answered HTTP " + status + ": " + body.path("detail").asText(response.body()));
    }
    List<String> reasons = new ArrayList<>();
    body.path("reasons").forEach(r -> reasons.add(r.asText()));
    return new Verdict(body.path("verdict").asText(), body.path("message").asText(null), reasons,
        body.path("registered").asBoolean(), body.path("imageId").asText(null));
  }
}
