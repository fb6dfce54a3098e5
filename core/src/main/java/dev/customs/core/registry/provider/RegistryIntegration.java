package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryHosts;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One registry as the console stores it: its provider type, where it is, the secret that opens it
 * and provider-specific options (region, namespace, project…; each provider documents its keys).
 *
 * @param type a {@link RegistryProvider#type()}, e.g. {@code harbor}
 * @param url the registry, as a host ({@code registry.example.com:5000}) or an https/http URL
 * @param username a user name, access key id, client id; null when the provider needs none
 * @param secret a password, token, secret access key or service-account JSON key; null when none
 * @param options provider options; never null
 */
public record RegistryIntegration(String type, String url, String username, String secret,
    Map<String, String> options) {

  public RegistryIntegration {
    if (type == null || type.isBlank() || url == null || url.isBlank()) {
      throw new IllegalArgumentException("a registry integration needs a type and a URL");
    }
    options = Map.copyOf(options);
  }

  public static RegistryIntegration of(String type, String url, String username, String secret) {
    return new RegistryIntegration(type, url, username, secret, Map.of());
  }

  /** The registry host as image references write it, e.g. {@code 127.0.0.1:5000}. */
  public String host() {
    String authority = url.contains("://") ? URI.create(url).getRawAuthority() : url.replaceAll("/.*$", "");
    return RegistryHosts.canonical(authority);
  }

  /** The URL's scheme, or https when the URL is a bare host. */
  public String scheme() {
    return url.contains("://") ? URI.create(url).getScheme() : "https";
  }

  /** Whether the integration was given as {@code http://…}: the registry is spoken to without TLS. */
  public boolean plainHttp() {
    return "http".equalsIgnoreCase(scheme());
  }

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
  }

  /** A required option, or an error that says which provider wants it. */
  public String requireOption(String name) {
    return option(name).orElseThrow(() -> new IllegalArgumentException(
        type + " registry " + url + " needs the option \"" + name + "\""));
  }

  public boolean hasCredentials() {
    return username != null && !username.isEmpty() && secret != null && !secret.isEmpty();
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "RegistryIntegration[" + type + ", " + url + ", " + username + ", secret hidden, " + options + "]";
  }
}
