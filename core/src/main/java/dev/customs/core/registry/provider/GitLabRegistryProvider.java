package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.provider.webhook.DistributionWebhookParser;
import java.io.IOException;

/**
 * GitLab's container registry: a username and a personal, project or deploy token with
 * {@code read_registry} (and {@code read_api} to enumerate). The registry host (e.g.
 * {@code registry.gitlab.com}) differs from GitLab's own: option {@code apiUrl} (default
 * {@code https://gitlab.com}); option {@code project} or {@code group} (an id or URL-encoded path)
 * says what to enumerate. GitLab has no push webhook: a self-managed instance forwards its bundled
 * registry's distribution notifications, which this parses.
 */
public final class GitLabRegistryProvider extends AbstractRegistryProvider {
  static final String DEFAULT_API = "https://gitlab.com";

  public GitLabRegistryProvider() {
    super("gitlab", new DistributionWebhookParser("gitlab"));
  }

  @Override
  public RegistryEnumerator enumerator(RegistryIntegration integration, RegistryOptions options) throws IOException {
    String scope;
    if (integration.option("project").isPresent()) {
      scope = "projects/" + FormEncoding.component(integration.requireOption("project"));
    } else {
      scope = "groups/" + FormEncoding.component(integration.requireOption("group"));
    }
    ApiClient api = new ApiClient(integration.option("apiUrl").orElse(DEFAULT_API), options,
        ApiAuthorization.bearer(integration));
    return new GitLabEnumerator(api, scope);
  }
}
