package dev.customs.core.inventory.analyzer.secret;

import java.util.List;

/**
 * The built-in secret rules. Every pattern has bounded repetitions, so a hostile file cannot make
 * matching slow. Deliberately absent because they flag too much package content that is not a
 * credential: generic {@code password=} assignments, JWTs (test fixtures and documentation are full
 * of them), Stripe <em>test</em> keys and cloud API keys that are public by design.
 */
public final class SecretRules {
  private static final String END = "(?![A-Za-z0-9_])";

  private SecretRules() {}

  public static List<SecretRule> builtIn() {
    return List.of(
        // A PEM private key with a body: the bare header alone is what PEM-parsing code contains.
        SecretRule.of("private-key", "AsymmetricPrivateKey", "HIGH", "Asymmetric Private Key",
            List.of("private key"),
            "-----BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----\\s*(?<secret>[^-]{64,65536}?)"
                + "\\s*-----END[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----"),
        SecretRule.of("aws-access-key-id", "AWS", "CRITICAL", "AWS Access Key ID",
            List.of("akia", "asia", "agpa", "aida", "aroa", "aipa", "anpa", "anva", "a3t"),
            "(?<![A-Z0-9])(?<secret>(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16})(?![A-Z0-9])"),
        SecretRule.of("aws-secret-access-key", "AWS", "CRITICAL", "AWS Secret Access Key",
            List.of("aws"),
            "(?i)aws_?(?:secret)_?(?:access)?_?key[\"']?\\s{0,5}(?::|=|=>|:=)\\s{0,5}[\"']?"
                + "(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"),
        SecretRule.of("gcp-service-account", "GoogleCloud", "CRITICAL", "Google Cloud Service Account Key",
            List.of("service_account"),
            "\"private_key_id\"\\s{0,5}:\\s{0,5}\"(?<secret>[a-f0-9]{40})\"")
            .requiring("\"type\"\\s{0,5}:\\s{0,5}\"service_account\""),
        SecretRule.of("azure-storage-account-key", "Azure", "CRITICAL", "Azure Storage Account Key",
            List.of("accountkey="),
            "(?i)AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)"),
        SecretRule.of("github-pat", "GitHub", "CRITICAL", "GitHub Personal Access Token",
            List.of("ghp_"), "(?<secret>ghp_[A-Za-z0-9]{36})" + END),
        SecretRule.of("github-fine-grained-pat", "GitHub", "CRITICAL", "GitHub Fine-grained Personal Access Token",
            List.of("github_pat_"), "(?<secret>github_pat_[A-Za-z0-9_]{82})" + END),
        SecretRule.of("github-oauth", "GitHub", "CRITICAL", "GitHub OAuth Access Token",
            List.of("gho_"), "(?<secret>gho_[A-Za-z0-9]{36})" + END),
        SecretRule.of("github-app-token", "GitHub", "CRITICAL", "GitHub App Token",
            List.of("ghu_", "ghs_"), "(?<secret>gh[us]_[A-Za-z0-9]{36})" + END),
        SecretRule.of("github-refresh-token", "GitHub", "CRITICAL", "GitHub Refresh Token",
            List.of("ghr_"), "(?<secret>ghr_[A-Za-z0-9]{36,76})" + END),
        SecretRule.of("gitlab-pat", "GitLab", "CRITICAL", "GitLab Personal Access Token",
            List.of("glpat-"), "(?<secret>glpat-[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])"),
        SecretRule.of("slack-token", "Slack", "HIGH", "Slack Token",
            List.of("xox"), "(?<secret>xox[baprs]-[0-9A-Za-z]{10,48}(?:-[0-9A-Za-z]{1,64}){0,4})"),
        SecretRule.of("slack-webhook", "Slack", "MEDIUM", "Slack Incoming Webhook",
            List.of("hooks.slack.com"),
            "(?<secret>https://hooks\\.slack\\.com/services/T[A-Za-z0-9_]{8,12}/B[A-Za-z0-9_]{8,12}/[A-Za-z0-9_]{24})"),
        SecretRule.of("stripe-secret-key", "Stripe", "CRITICAL", "Stripe Live Secret Key",
            List.of("_live_"), "(?<secret>(?:sk|rk)_live_[0-9A-Za-z]{24,99})" + END),
        SecretRule.of("npm-access-token", "npm", "CRITICAL", "npm Access Token",
            List.of("npm_"), "(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})" + END),
        SecretRule.of("docker-config-auth", "Docker", "HIGH", "Docker Registry Credentials",
            List.of("\"auths\""), "\"auth\"\\s{0,5}:\\s{0,5}\"(?<secret>[A-Za-z0-9+/]{8,1024}={0,2})\"")
            .requiring("\"auths\"\\s{0,5}:\\s{0,5}\\{"));
  }
}
