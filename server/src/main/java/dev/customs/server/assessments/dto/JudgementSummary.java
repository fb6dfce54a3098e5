package dev.customs.server.assessments.dto;

import java.time.Instant;
import java.util.Map;

/**
 * An image's current judgement in brief: what lists show.
 *
 * @param verdict {@code compliant}, {@code non_compliant}, or {@code unknown} when no vulnerability
 *     data was loaded (then {@code message} says so and the counts are null, never zero)
 * @param vulnerabilities findings by severity ({@code CRITICAL} … {@code UNKNOWN}), null when unknown
 * @param fixable how many findings have a fix, null when unknown
 * @param vulnerabilityDataBuiltAt when the bundle the scan was matched with was built
 */
public record JudgementSummary(String verdict, String message, Instant scannedAt, Instant judgedAt,
    Map<String, Long> vulnerabilities, Long fixable, Instant vulnerabilityDataBuiltAt) {}
