package dev.customs.core.policy;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.List;
import java.util.Objects;

/**
 * A VEX statement that a vulnerability does not affect some products.
 *
 * @param ids the vulnerability id and its aliases as the document gives them
 * @param products package URLs the statement is about; empty means every product
 * @param status {@code not_affected} (OpenVEX, CycloneDX) or {@code false_positive} (CycloneDX)
 * @param justification the justification and impact statement or detail, as written
 */
public record VexStatement(List<String> ids, List<String> products, String status, String justification) {
  public VexStatement {
    ids = List.copyOf(ids);
    products = List.copyOf(products);
  }

  public boolean covers(VulnerabilityView v) {
    return ids.stream().anyMatch(v::isNamed)
        && (products.isEmpty() || products.stream().anyMatch(p -> samePackage(p, v.purl())));
  }

  /**
   * A product purl names the package when type, namespace and name agree, and the version too if
   * the product gives one; qualifiers (arch, distro) are ignored, as VEX authors rarely know them.
   */
  static boolean samePackage(String product, String purl) {
    if (purl.isEmpty()) {
      return false;
    }
    try {
      PackageURL p = new PackageURL(product);
      PackageURL q = new PackageURL(purl);
      return p.getType().equals(q.getType()) && Objects.equals(p.getNamespace(), q.getNamespace())
          && p.getName().equals(q.getName()) && (p.getVersion() == null || p.getVersion().equals(q.getVersion()));
    } catch (MalformedPackageURLException e) {
      return product.equals(purl);
    }
  }
}
