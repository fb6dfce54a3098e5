package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryClient;
import java.io.IOException;
import java.util.List;

/**
 * The OCI Distribution way: {@code /v2/_catalog} and {@code /v2/<name>/tags/list}, both paginated
 * along their {@code Link} headers. Plain v2 shows no dates or digests.
 */
public final class V2CatalogEnumerator implements RegistryEnumerator {
  private final RegistryClient client;

  public V2CatalogEnumerator(RegistryClient client) {
    this.client = client;
  }

  @Override
  public List<String> repositories() throws IOException {
    return client.listRepositories();
  }

  @Override
  public List<TagInfo> tags(String repository) throws IOException {
    return client.listTags(repository).stream().map(TagInfo::named).toList();
  }

  @Override
  public void close() {
    client.close();
  }
}
