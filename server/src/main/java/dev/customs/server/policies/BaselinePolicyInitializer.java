package dev.customs.server.policies;

import dev.customs.core.policy.load.BaselinePolicies;
import dev.customs.server.common.FirstStartSteps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start: the policies Customs ships (the CLI's {@code --policy baseline} and {@code strict}),
 * stored as their documents so administrators can read and adapt them. Only baseline is enabled.
 */
@Component
@Order(3)
public class BaselinePolicyInitializer implements ApplicationRunner {
  static final String ENABLED = "baseline";

  private final FirstStartSteps steps;
  private final PolicyService policies;

  public BaselinePolicyInitializer(FirstStartSteps steps, PolicyService policies) {
    this.steps = steps;
    this.policies = policies;
  }

  @Override
  public void run(ApplicationArguments args) {
    steps.runOnce("baseline-policies", () -> BaselinePolicies.names()
        .forEach(name -> policies.create(document(name), ENABLED.equals(name), name)));
  }

  /** The shipped document, read from the same resource {@link BaselinePolicies} loads. */
  static String document(String name) {
    try (InputStream in = BaselinePolicies.class.getResourceAsStream("/dev/customs/core/policy/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("built-in policy resource missing: " + name + ".yaml");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
