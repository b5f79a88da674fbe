// Every package in the lock file must run on the Node versions we support: Debian 12's (18.19) and 20.
// npm only warns about an engines mismatch, so a dependency bump could silently break Debian builds.
import { readFileSync } from "node:fs";
import semver from "semver";

const SUPPORTED = ["18.19.0", "20.11.0"];
const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8"));
const refused = [];
let checked = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  const range = entry.engines?.node;
  if (!path || !range || entry.optional) continue;
  checked += 1;
  for (const version of SUPPORTED) {
    if (!semver.satisfies(version, range)) refused.push(`${path} (${entry.version}) needs node ${range}, not ${version}`);
  }
}
if (refused.length) {
  console.error(refused.join("\n"));
  process.exit(1);
}
console.log(`engines: the ${checked} locked packages that declare one accept Node ${SUPPORTED.join(" and ")}`);
