package dev.customs.core.registry;

import java.util.Locale;

/** Host names as references write them versus where the API really lives. */
public final class RegistryHosts {
  private RegistryHosts() {}

  /** {@code index.docker.io} and friends are all Docker Hub, written {@code docker.io}. */
  public static String canonical(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("index.docker.io") || h.equals("registry-1.docker.io") ? "docker.io" : h;
  }

  /** The host:port the Distribution API is served from; Docker Hub's is not docker.io itself. */
  public static String apiHost(String registry) {
    return canonical(registry).equals("docker.io") ? "registry-1.docker.io" : registry;
  }

  /** Loopback registries may be spoken to over plain HTTP, as Docker allows. */
  public static boolean isLoopback(String registry) {
    String host = hostWithoutPort(registry);
    return host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
  }

  static String hostWithoutPort(String registry) {
    if (registry.startsWith("[")) {
      int close = registry.indexOf(']');
      return close < 0 ? registry : registry.substring(1, close);
    }
    int colon = registry.lastIndexOf(':');
    return (colon < 0 ? registry : registry.substring(0, colon)).toLowerCase(Locale.ROOT);
  }
}
