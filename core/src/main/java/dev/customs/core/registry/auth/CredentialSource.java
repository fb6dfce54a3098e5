package dev.customs.core.registry.auth;

import java.io.IOException;
import java.util.Optional;

/**
 * Where the credentials for one registry come from. Asked only when the registry demands
 * authentication, so that an anonymous pull never runs a credential helper.
 */
@FunctionalInterface
public interface CredentialSource {
  /** The credentials, or empty to stay anonymous. */
  Optional<Credentials> get() throws IOException;

  static CredentialSource none() {
    return Optional::empty;
  }

  static CredentialSource of(Credentials credentials) {
    return () -> Optional.of(credentials);
  }

  /** Asks {@code source} once and remembers the answer. */
  static CredentialSource memoized(CredentialSource source) {
    return new CredentialSource() {
      private Optional<Credentials> answer;

      @Override
      public synchronized Optional<Credentials> get() throws IOException {
        if (answer == null) {
          answer = source.get();
        }
        return answer;
      }
    };
  }
}
