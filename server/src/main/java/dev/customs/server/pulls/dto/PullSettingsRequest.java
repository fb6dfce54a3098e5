package dev.customs.server.pulls.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code PUT /api/v1/registries/{id}/pull-settings}. Absent lists mean "no filter"; changing the
 * settings restarts the walk from the first repository.
 *
 * @param cron a cron expression: five fields ({@code 0 3 * * *}) or Spring's six, seconds first
 *     ({@code 0 0 3 * * *})
 */
public record PullSettingsRequest(
    @NotBlank @Size(max = 100) String cron,
    List<@NotBlank @Size(max = 200) String> includeRepositories,
    List<@NotBlank @Size(max = 200) String> excludeRepositories,
    List<@NotBlank @Size(max = 200) String> includeTags,
    List<@NotBlank @Size(max = 200) String> excludeTags,
    @Min(1) @Max(10_000) int maxTagsPerRepository,
    @Min(1) @Max(1_000_000) int maxRepositories,
    @Min(1) Integer maxAgeDays) {

  public static List<String> orEmpty(List<String> globs) {
    return globs == null ? List.of() : globs;
  }
}
