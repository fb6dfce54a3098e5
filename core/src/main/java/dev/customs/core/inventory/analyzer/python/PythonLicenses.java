package dev.customs.core.inventory.analyzer.python;

import java.util.List;
import java.util.Map;

/**
 * The license of a Python distribution, in the order the metadata specification ranks them:
 * {@code License-Expression} (SPDX, metadata 2.4), a short {@code License} field, then the
 * {@code License :: OSI Approved :: …} classifiers, mapped to SPDX identifiers where the classifier
 * names exactly one license ({@code BSD License} does not: it stays as written).
 */
final class PythonLicenses {
  /** A longer {@code License} value is the license text itself, not its name. */
  private static final int MAX_LICENSE_NAME = 80;
  private static final String CLASSIFIER_PREFIX = "License :: ";
  private static final Map<String, String> CLASSIFIER_SPDX = Map.ofEntries(
      Map.entry("MIT License", "MIT"),
      Map.entry("Apache Software License", "Apache-2.0"),
      Map.entry("ISC License (ISCL)", "ISC"),
      Map.entry("Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0"),
      Map.entry("Python Software Foundation License", "PSF-2.0"),
      Map.entry("GNU General Public License v2 (GPLv2)", "GPL-2.0-only"),
      Map.entry("GNU General Public License v3 (GPLv3)", "GPL-3.0-only"),
      Map.entry("GNU Lesser General Public License v2 or later (LGPLv2+)", "LGPL-2.0-or-later"),
      Map.entry("GNU Lesser General Public License v3 (LGPLv3)", "LGPL-3.0-only"),
      Map.entry("The Unlicense (Unlicense)", "Unlicense"));

  private PythonLicenses() {}

  static List<String> of(CoreMetadata metadata) {
    String expression = metadata.first("License-Expression");
    if (!expression.isEmpty()) {
      return List.of(expression);
    }
    String license = metadata.first("License");
    if (!license.isEmpty() && !license.equalsIgnoreCase("UNKNOWN") && !license.contains("\n")
        && license.length() <= MAX_LICENSE_NAME) {
      return List.of(license);
    }
    return metadata.all("Classifier").stream()
        .map(String::strip)
        .filter(c -> c.startsWith(CLASSIFIER_PREFIX))
        .map(c -> c.substring(c.lastIndexOf(" :: ") + 4))
        .filter(name -> !name.equals("OSI Approved"))
        .map(name -> CLASSIFIER_SPDX.getOrDefault(name, name))
        .distinct()
        .toList();
  }
}
