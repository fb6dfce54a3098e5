package dev.customs.server.images.dto;

import dev.customs.server.assessments.dto.FindingResponse;
import dev.customs.server.scanning.dto.ScanResponse;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/images/{id}}: the image, the vulnerabilities and policy assessment of its latest
 * scan, and every scan of it, newest first.
 *
 * @param vulnerabilities the findings of the latest scan, most severe first; null (never an empty
 *     list) when it was not matched because no vulnerability data was loaded: {@code message} says so
 * @param assessment the policy assessment as Customs' scan JSON writes it (docs/policies.md), or null
 * @param message why vulnerabilities and assessment are missing, or null
 */
public record ImageDetailResponse(ImageResponse image, List<FindingResponse> vulnerabilities,
    Map<String, Object> assessment, String message, List<ScanResponse> scans) {}
