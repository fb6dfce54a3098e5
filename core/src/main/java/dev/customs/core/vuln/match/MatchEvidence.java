package dev.customs.core.vuln.match;

/**
 * Why a finding was reported: which record of which feed matched, through which range, compared
 * with which version scheme.
 *
 * @param feed the feed kind ({@code osv}, {@code debian-tracker}, {@code alpine-secdb}, {@code rubysec})
 * @param recordId the id of the matching record
 * @param ecosystemKey the key it was looked up by ({@code debian:12}, {@code maven}…)
 * @param packageName the (normalized) name it was looked up by: the source package for Debian
 * @param comparedVersion the version compared (for deb packages the source version)
 * @param matchedBy the range or list that contains the version, e.g. {@code ECOSYSTEM[introduced 0, fixed 1.2-3]}
 * @param scheme the version scheme id ({@code deb}, {@code semver}…)
 */
public record MatchEvidence(String feed, String recordId, String ecosystemKey, String packageName,
    String comparedVersion, String matchedBy, String scheme) {}
