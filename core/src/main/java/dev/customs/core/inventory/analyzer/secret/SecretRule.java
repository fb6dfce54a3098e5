package dev.customs.core.inventory.analyzer.secret;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One kind of credential to look for.
 *
 * @param id stable rule id, e.g. {@code aws-access-key-id}
 * @param category the kind of credential, e.g. {@code AWS}
 * @param severity CRITICAL, HIGH, MEDIUM or LOW
 * @param title a human description
 * @param keywords lower-case strings of which one must occur in the file before the (costlier)
 *     pattern runs
 * @param pattern what the credential looks like; the named group {@code secret} is the value
 * @param requires a pattern that must also occur somewhere in the file (context that makes the
 *     match a credential), if any
 */
public record SecretRule(String id, String category, String severity, String title, List<String> keywords,
    Pattern pattern, Optional<Pattern> requires) {

  static SecretRule of(String id, String category, String severity, String title, List<String> keywords,
      String regex) {
    return new SecretRule(id, category, severity, title, keywords, Pattern.compile(regex), Optional.empty());
  }

  SecretRule requiring(String regex) {
    return new SecretRule(id, category, severity, title, keywords, pattern, Optional.of(Pattern.compile(regex)));
  }
}
