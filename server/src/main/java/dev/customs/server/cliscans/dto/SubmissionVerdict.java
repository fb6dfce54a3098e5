package dev.customs.server.cliscans.dto;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The server's answer to a submitted scan: its verdict is the one the CLI's exit code follows.
 *
 * @param verdict {@code compliant}, {@code non_compliant}, or {@code unknown} when the server has no
 *     vulnerability data (then {@code message} says so)
 * @param reasons the failing blocking controls, as {@code policy: control: reason}
 * @param vulnerabilities findings by severity; null when unknown
 * @param registered whether the image and its scan were stored
 * @param imageId the stored image; null when not registered
 * @param scanId the stored scan; null when not registered
 */
public record SubmissionVerdict(String verdict, String message, List<String> reasons,
    Map<String, Long> vulnerabilities, boolean registered, UUID imageId, UUID scanId) {}
