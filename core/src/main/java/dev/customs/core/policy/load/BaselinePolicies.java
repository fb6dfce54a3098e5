package dev.customs.core.policy.load;

import dev.customs.core.policy.Policy;
import dev.customs.core.policy.PolicyFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The policies Customs ships, usable by name ({@code --policy baseline}); see docs/policies.md. */
public final class BaselinePolicies {
  private static final List<String> NAMES = List.of("baseline", "strict");

  private BaselinePolicies() {}

  public static List<String> names() {
    return NAMES;
  }

  public static Policy load(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("no built-in policy " + name + ": expected one of " + NAMES);
    }
    String resource = name + ".yaml";
    try (InputStream in = BaselinePolicies.class.getResourceAsStream("/dev/customs/core/policy/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in policy resource missing: " + resource);
      }
      return new PolicyLoader().parse("baseline:" + name, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (PolicyFormatException e) {
      // The shipped resources are validated by the tests: this is a packaging bug.
      throw new IllegalStateException("built-in policy " + name + " is invalid: " + e.getMessage(), e);
    }
  }
}
