package dev.customs.server.registries.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Create ({@code POST}) or replace ({@code PUT}) a registry. Secrets ({@code password}, {@code token},
 * {@code webhookSecret}) are write-only: on {@code PUT}, an absent secret keeps the stored one and an
 * empty string removes it.
 *
 * @param type dockerhub, ecr, acr, gcr, harbor, quay, gitlab, jfrog, nexus or generic
 * @param url {@code https://host[:port]}; optional for types with one public endpoint (dockerhub, gcr, quay, gitlab)
 * @param caPem extra CA certificates (PEM) to trust for this registry
 * @param insecure allow plain HTTP
 * @param rescanCron when to rescan this registry's images: cron with 5 (minute first) or 6 (second first) fields
 * @param connector the on-premises connector that carries this registry's traffic, if any
 * @param options the provider's options, e.g. {@code {"region": "eu-west-1"}} for ECR (docs/registry-providers.md)
 */
public record RegistryRequest(
    @NotBlank @Size(max = 100)
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._-]*", message = "may contain letters, digits, spaces, '.', '_' and '-' only")
    String name,
    @NotBlank String type,
    @Size(max = 500) String url,
    @Size(max = 200) String username,
    @Size(max = 10000) String password,
    @Size(max = 10000) String token,
    @Size(max = 100000) String caPem,
    Boolean insecure,
    @Size(max = 100) String rescanCron,
    @Size(max = 500) String webhookSecret,
    @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "may contain letters, digits, '.', '_' and '-' only")
    String connector,
    @Size(max = 20) Map<@Pattern(regexp = "[A-Za-z][A-Za-z0-9]{0,39}", message = "option names are letters and digits")
        String, @Size(max = 500) @Pattern(regexp = "[^\\r\\n]*", message = "may not contain line breaks") String> options) {

  /** {@code insecure} with absent meaning false. */
  public boolean allowsInsecure() {
    return Boolean.TRUE.equals(insecure);
  }
}
