package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.provider.webhook.JfrogWebhookParser;
import java.io.IOException;

/**
 * JFrog Artifactory: a user with a password or an identity/access token (no username: Bearer).
 * Enumeration goes through the Docker API of each Docker repository
 * ({@code /artifactory/api/docker/{repo}/v2/_catalog} and {@code tags/list}); option
 * {@code repository} limits it to one repository key, otherwise {@code /api/repositories} lists
 * them. Image paths are {@code repo-key/image}, as the repository-path access method names them.
 */
public final class JfrogRegistryProvider extends AbstractRegistryProvider {
  public JfrogRegistryProvider() {
    super("jfrog", new JfrogWebhookParser());
  }

  @Override
  public RegistryEnumerator enumerator(RegistryIntegration integration, RegistryOptions options) throws IOException {
    ApiClient api = new ApiClient(ApiAuthorization.baseUrl(integration), options,
        ApiAuthorization.basicOrBearer(integration));
    return new JfrogEnumerator(api, integration.option("repository").orElse(null));
  }
}
