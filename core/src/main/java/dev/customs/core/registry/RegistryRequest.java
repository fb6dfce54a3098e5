package dev.customs.core.registry;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;

/**
 * One request against a registry, described for the {@link RegistryEndpointCaller}.
 *
 * @param action for error messages, e.g. {@code fetch manifest}
 * @param object for error messages, e.g. {@code 127.0.0.1:5000/demo/app:1}
 * @param scope the token scope it needs, e.g. {@code repository:demo/app:pull}
 * @param target a path below the registry ({@code /v2/...}) or an absolute URL from a Link or Location header
 * @param accept media types for the Accept header; empty for none
 * @param method the HTTP method, e.g. {@code GET}
 * @param body what a PUT sends; a publisher that can be subscribed again, because retries and auth
 *     challenges send the request more than once
 */
record RegistryRequest(String action, String object, String scope, String target, List<String> accept,
    String method, Optional<RequestBody> body) {

  /** A GET. */
  RegistryRequest(String action, String object, String scope, String target, List<String> accept) {
    this(action, object, scope, target, accept, "GET", Optional.empty());
  }

  static String pullScope(String repository) {
    return "repository:" + repository + ":pull";
  }

  /** Pushing needs both: the registry checks for existing blobs and mounts with pull rights. */
  static String pushScope(String repository) {
    return "repository:" + repository + ":pull,push";
  }

  /** @param contentType the Content-Type header of the body */
  record RequestBody(String contentType, HttpRequest.BodyPublisher publisher) {}
}
