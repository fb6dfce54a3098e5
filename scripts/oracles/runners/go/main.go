// golang.org/x/mod/semver as the Go oracle: "a<TAB>b" lines in, "a<TAB>b<TAB>-1|0|1|invalid" out.
// OSV writes Go versions without the "v" (1.20.10); the Go tooling always has it, so it is added.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/semver"
)

func withV(v string) string {
	if strings.HasPrefix(v, "v") {
		return v
	}
	return "v" + v
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		parts := strings.SplitN(in.Text(), "\t", 2)
		a, b := withV(parts[0]), withV(parts[1])
		if !semver.IsValid(a) || !semver.IsValid(b) {
			fmt.Fprintf(out, "%s\t%s\tinvalid\n", parts[0], parts[1])
			continue
		}
		fmt.Fprintf(out, "%s\t%s\t%d\n", parts[0], parts[1], semver.Compare(a, b))
	}
}
