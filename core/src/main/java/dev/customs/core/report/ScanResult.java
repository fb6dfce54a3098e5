package dev.customs.core.report;

import dev.customs.core.inventory.Inventory;
import dev.customs.core.vuln.match.MatchResult;

/**
 * What one scan produced: the inventory and what matching found in it. Every scan report format
 * takes this one value; later stages (the policy assessment) extend it rather than adding
 * parameters to the formats.
 */
public record ScanResult(Inventory inventory, MatchResult match) {}
