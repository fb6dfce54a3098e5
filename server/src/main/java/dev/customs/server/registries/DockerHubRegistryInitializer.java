package dev.customs.server.registries;

import dev.customs.server.common.FirstStartSteps;
import dev.customs.server.registries.dto.RegistryRequest;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** First start: an anonymous Docker Hub integration, so public images can be registered at once. */
@Component
@Order(2)
public class DockerHubRegistryInitializer implements ApplicationRunner {
  static final String NAME = "Docker Hub";

  private final FirstStartSteps steps;
  private final RegistryService registries;

  public DockerHubRegistryInitializer(FirstStartSteps steps, RegistryService registries) {
    this.steps = steps;
    this.registries = registries;
  }

  @Override
  public void run(ApplicationArguments args) {
    steps.runOnce("dockerhub-registry", () -> registries.create(new RegistryRequest(NAME,
        RegistryType.DOCKERHUB.id(), null, null, null, null, null, false, null, null, null, null)));
  }
}
