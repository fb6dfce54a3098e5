-- rpm's own rpm.vercmp (rpmverCmp: epoch, version, release) as the oracle, run inside
-- `rpm --eval '%{lua: ...}'`. Reads "a<TAB>b" lines from the file named by the global `pairs_file`.
for line in io.lines(pairs_file) do
  local a, b = line:match("^(.-)\t(.*)$")
  io.write(a, "\t", b, "\t", rpm.vercmp(a, b), "\n")
end
