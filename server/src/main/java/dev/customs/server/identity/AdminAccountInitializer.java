package dev.customs.server.identity;

import dev.customs.server.common.CustomsProperties;
import dev.customs.server.common.FirstStartSteps;
import dev.customs.server.identity.dto.UserCreateRequest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start: the administrator {@code admin}, with {@code CUSTOMS_ADMIN_PASSWORD} or a generated
 * password that is printed once, here and never again (only its Argon2 hash is kept).
 */
@Component
@Order(1)
public class AdminAccountInitializer implements ApplicationRunner {
  static final String ADMIN_USERNAME = "admin";
  private static final Logger LOG = LoggerFactory.getLogger(AdminAccountInitializer.class);

  private final FirstStartSteps steps;
  private final UserService users;
  private final CustomsProperties properties;

  public AdminAccountInitializer(FirstStartSteps steps, UserService users, CustomsProperties properties) {
    this.steps = steps;
    this.users = users;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean generated = properties.adminPassword().isBlank();
    String password = generated ? generatePassword() : properties.adminPassword();
    if (!generated && password.length() < 12) {
      throw new IllegalStateException("CUSTOMS_ADMIN_PASSWORD must be at least 12 characters long");
    }
    boolean created = steps.runOnce("admin-account",
        () -> users.create(new UserCreateRequest(ADMIN_USERNAME, password, Role.ADMIN.name())));
    if (created && generated) {
      LOG.warn("""

          ==================================================================
           Created the administrator '{}' with the generated password:

               {}

           It is shown this once only. Sign in and change it, or set
           CUSTOMS_ADMIN_PASSWORD before the first start next time.
          ==================================================================""", ADMIN_USERNAME, password);
    } else if (created) {
      LOG.info("Created the administrator '{}' with the password from CUSTOMS_ADMIN_PASSWORD", ADMIN_USERNAME);
    }
  }

  private static String generatePassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
