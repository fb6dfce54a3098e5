package dev.customs.core.registry.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.registry.RegistryException;
import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.provider.webhook.DockerHubWebhookParser;
import java.io.IOException;
import java.util.Optional;

/**
 * Docker Hub: a username and a personal access token. Pulls go through {@code docker.io}'s token
 * service with them; the Hub API (option {@code hubUrl}, default {@code https://hub.docker.com})
 * takes a short-lived JWT from {@code POST /v2/auth/token}. Enumeration lists one namespace
 * (option {@code namespace}, default the username) with push dates.
 */
public final class DockerHubRegistryProvider extends AbstractRegistryProvider {
  static final String DEFAULT_HUB = "https://hub.docker.com";
  private static final ObjectMapper JSON = new ObjectMapper();

  public DockerHubRegistryProvider() {
    super("dockerhub", new DockerHubWebhookParser());
  }

  @Override
  public RegistryEnumerator enumerator(RegistryIntegration integration, RegistryOptions options) throws IOException {
    String namespace = integration.option("namespace").orElse(integration.username());
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("dockerhub enumeration needs the option \"namespace\" or a username");
    }
    ApiClient hub = new ApiClient(integration.option("hubUrl").orElse(DEFAULT_HUB), options, Optional.empty());
    try {
      if (integration.hasCredentials()) {
        hub.authorize("Bearer " + hubToken(hub, integration));
      }
      return new DockerHubEnumerator(hub, namespace);
    } catch (IOException | RuntimeException e) {
      hub.close();
      throw e;
    }
  }

  /** {@code POST /v2/auth/token} with the username and the access token as {@code identifier}/{@code secret}. */
  static String hubToken(ApiClient hub, RegistryIntegration integration) throws RegistryException {
    ObjectNode request = JSON.createObjectNode().put("identifier", integration.username())
        .put("secret", integration.secret());
    String token = hub.post("log in to Docker Hub as " + integration.username() + " at", "/v2/auth/token",
        "application/json", request.toString()).body().path("access_token").asText("");
    if (token.isEmpty()) {
      throw new RegistryException("log in to Docker Hub as", integration.username(), "the answer holds no access_token");
    }
    return token;
  }
}
