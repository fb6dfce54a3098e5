package dev.customs.core.vuln.match;

import java.util.List;

/**
 * The affecting records of one vulnerability (all its ids) for one package, before enrichment.
 *
 * @param id the primary id
 * @param aliases the other ids, sorted
 * @param records the records that decided (affecting the installed version), preferred feed first
 */
record MergedMatch(String id, List<String> aliases, List<RecordMatch> records, FindingStatus status,
    List<String> fixedVersions) {}
