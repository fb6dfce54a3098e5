// npm's node-semver as the oracle: reads "a<TAB>b" lines, prints "a<TAB>b<TAB>-1|0|1|invalid".
// semver.clean() first, as npm does for user input: it drops surrounding spaces and a leading "=" or "v".
const semver = require(process.argv[2]);
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(l => l.includes('\t'));
const out = lines.map(line => {
  const [a, b] = line.split('\t');
  const ca = semver.clean(a);
  const cb = semver.clean(b);
  return `${a}\t${b}\t${ca === null || cb === null ? 'invalid' : semver.compare(ca, cb)}`;
});
process.stdout.write(out.join('\n') + '\n');
