package dev.customs.core.registry;

import java.util.List;

/** GET {@code /v2/_catalog?n=…}, every page (a distribution extension, not in the OCI spec). */
final class CatalogLister {
  /** The token scope Docker's registry asks for to list repositories. */
  private static final String CATALOG_SCOPE = "registry:catalog:*";

  private final PagedLister pages;
  private final String registry;

  CatalogLister(RegistryEndpointCaller caller, String registry) {
    this.pages = new PagedLister(caller);
    this.registry = registry;
  }

  List<String> list(int pageSize) throws RegistryException {
    return pages.list("list repositories of", registry, CATALOG_SCOPE, "/v2/_catalog?n=" + pageSize, "repositories");
  }
}
