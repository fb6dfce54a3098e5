package dev.customs.core.registry.provider;

import dev.customs.core.registry.RegistryOptions;
import dev.customs.core.registry.auth.Credentials;
import dev.customs.core.registry.provider.webhook.EcrWebhookParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.EcrClientBuilder;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;

/**
 * Amazon ECR through the AWS SDK: access key id (username) and secret access key, or the default
 * credential chain when none are given. {@code GetAuthorizationToken} yields the registry password
 * for the user {@code AWS}, valid 12 hours. The region comes from the host
 * ({@code <account>.dkr.ecr.<region>.amazonaws.com}) or the option {@code region}; the option
 * {@code endpoint} points the API elsewhere (a VPC endpoint, a test server).
 */
public final class EcrRegistryProvider extends AbstractRegistryProvider {
  private static final Pattern ECR_HOST = Pattern.compile("^\\d+\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?$");

  public EcrRegistryProvider() {
    super("ecr", new EcrWebhookParser());
  }

  @Override
  public RegistryLogin login(RegistryIntegration integration, RegistryOptions options) throws IOException {
    try (EcrClient ecr = client(integration)) {
      AuthorizationData data = ecr.getAuthorizationToken(b -> { }).authorizationData().stream().findFirst()
          .orElseThrow(() -> new IOException("ECR GetAuthorizationToken returned no authorization data"));
      return new RegistryLogin(decodeToken(data.authorizationToken()), data.expiresAt());
    } catch (SdkException e) {
      throw new IOException("ECR GetAuthorizationToken failed for " + integration.host() + ": " + e.getMessage(), e);
    }
  }

  /** The token is base64 of {@code AWS:<password>}. */
  static Credentials decodeToken(String token) throws IOException {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IOException("the ECR authorization token is not base64: " + e.getMessage(), e);
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0 || colon == decoded.length() - 1) {
      throw new IOException("the ECR authorization token is not \"user:password\"");
    }
    return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  @Override
  public RegistryEnumerator enumerator(RegistryIntegration integration, RegistryOptions options) {
    return new EcrEnumerator(client(integration), integration.option("registryId").orElse(null));
  }

  static EcrClient client(RegistryIntegration integration) {
    EcrClientBuilder builder = EcrClient.builder().region(Region.of(region(integration)))
        .credentialsProvider(credentials(integration));
    integration.option("endpoint").ifPresent(e -> builder.endpointOverride(URI.create(e)));
    return builder.build();
  }

  static String region(RegistryIntegration integration) {
    return integration.option("region").orElseGet(() -> {
      Matcher m = ECR_HOST.matcher(integration.host());
      if (!m.matches()) {
        throw new IllegalArgumentException("ecr registry " + integration.host()
            + " is not <account>.dkr.ecr.<region>.amazonaws.com: set the option \"region\"");
      }
      return m.group(1);
    });
  }

  private static AwsCredentialsProvider credentials(RegistryIntegration integration) {
    return integration.hasCredentials()
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(integration.username(), integration.secret()))
        : DefaultCredentialsProvider.builder().build();
  }
}
