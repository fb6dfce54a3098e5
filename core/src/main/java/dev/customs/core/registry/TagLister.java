package dev.customs.core.registry;

import java.util.List;

/** GET {@code /v2/<name>/tags/list?n=…}, every page. */
final class TagLister {
  private final PagedLister pages;
  private final String registry;

  TagLister(RegistryEndpointCaller caller, String registry) {
    this.pages = new PagedLister(caller);
    this.registry = registry;
  }

  List<String> list(String repository, int pageSize) throws RegistryException {
    return pages.list("list tags of", registry + "/" + repository, RegistryRequest.pullScope(repository),
        "/v2/" + repository + "/tags/list?n=" + pageSize, "tags");
  }
}
