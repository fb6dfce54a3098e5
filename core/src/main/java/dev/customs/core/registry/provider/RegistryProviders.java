package dev.customs.core.registry.provider;

import java.util.List;
import java.util.Optional;

/** The one list of registry providers; the console's registry types are exactly these. */
public final class RegistryProviders {
  private static final List<RegistryProvider> ALL = List.of(
      new DockerHubRegistryProvider(), new EcrRegistryProvider(), new AcrRegistryProvider(), new GcrRegistryProvider(), new HarborRegistryProvider(),
      new QuayRegistryProvider(), new GitLabRegistryProvider(), new JfrogRegistryProvider(), new NexusRegistryProvider(), new GenericRegistryProvider());

  private RegistryProviders() {
  }

  public static List<RegistryProvider> all() {
    return ALL;
  }

  public static Optional<RegistryProvider> find(String type) {
    return ALL.stream().filter(p -> p.type().equals(type)).findFirst();
  }

  /** The provider of a type, or an error listing the known types. */
  public static RegistryProvider forType(String type) {
    return find(type).orElseThrow(() -> new IllegalArgumentException("unknown registry type \"" + type
        + "\"; known: " + ALL.stream().map(RegistryProvider::type).toList()));
  }
}
