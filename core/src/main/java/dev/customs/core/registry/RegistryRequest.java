package dev.customs.core.registry;

import java.util.List;

/**
 * One GET against a registry, described for the {@link RegistryEndpointCaller}.
 *
 * @param action for error messages, e.g. {@code fetch manifest}
 * @param object for error messages, e.g. {@code 127.0.0.1:5000/demo/app:1}
 * @param scope the token scope it needs, e.g. {@code repository:demo/app:pull}
 * @param target a path below the registry ({@code /v2/...}) or an absolute URL from a Link header
 * @param accept media types for the Accept header; empty for none
 */
record RegistryRequest(String action, String object, String scope, String target, List<String> accept) {
  static String pullScope(String repository) {
    return "repository:" + repository + ":pull";
  }
}
