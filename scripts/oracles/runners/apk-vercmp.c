/* apk-tools' own apk_version_compare as the oracle, built from the apk-tools source tree
 * (APK_TOOLS_SRC): "a<TAB>b" lines in, "a<TAB>b<TAB>-1|0|1|invalid" out. */
#include <stdio.h>
#include <string.h>
#include "apk_version.h"

/* blob.c refers to it for digest blobs, which version comparison never uses. */
int apk_digest_alg_len(unsigned char alg) { (void)alg; return 0; }

int main(void) {
  char line[4096];
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\n")] = 0;
    char *b = strchr(line, '\t');
    if (!b) continue;
    *b++ = 0;
    const char *r = "invalid";
    if (apk_version_validate(APK_BLOB_STR(line)) && apk_version_validate(APK_BLOB_STR(b))) {
      int c = apk_version_compare(APK_BLOB_STR(line), APK_BLOB_STR(b));
      r = c == APK_VERSION_LESS ? "-1" : c == APK_VERSION_GREATER ? "1" : "0";
    }
    printf("%s\t%s\t%s\n", line, b, r);
  }
  return 0;
}
