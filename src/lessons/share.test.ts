import { describe, expect, it } from "vitest";
import {
  hasScenarioHash,
  parseScenarioFile,
  parseScenarioHash,
  scenarioFile,
  scenarioHash,
  type Scenario,
} from "./share.ts";

const scenario: Scenario = {
  v: 1,
  base: "default",
  seed: 0x5eed,
  commands: [
    "dmsetup create top --table '0 8192 linear /dev/mapper/stripes 0'",
    "dd if=/dev/zero of=/dev/mapper/top bs=64k count=4 oflag=direct",
    "cat > /tmp/x <<'EOF'\nünïcödé ✓\nEOF",
  ],
  targets: [{ name: "dm-proxy.ts", source: "export default 1;\n".repeat(200) }],
  view: { tab: "outcomes", device: "top", speed: 1 },
};

describe("scenario links and files", () => {
  it("round-trips through the URL hash, compressed", async () => {
    const hash = await scenarioHash(scenario);
    expect(hash.startsWith("#scenario=")).toBe(true);
    expect(hasScenarioHash(hash)).toBe(true);
    expect(hash).toMatch(/^#scenario=[A-Za-z0-9_-]+$/);
    // deflate: 200 repeated lines cost far less than their 3,600 characters.
    expect(hash.length).toBeLessThan(JSON.stringify(scenario).length / 2);
    expect(await parseScenarioHash(hash)).toEqual(scenario);
  });
  it("refuses damaged or foreign hashes", async () => {
    const hash = await scenarioHash(scenario);
    expect(await parseScenarioHash(hash.slice(0, -8))).toBeNull();
    expect(await parseScenarioHash("#target=abc")).toBeNull();
    expect(await parseScenarioHash("#scenario=!!!")).toBeNull();
  });
  it("round-trips through a file, and refuses what is not a scenario", () => {
    expect(parseScenarioFile(scenarioFile(scenario))).toEqual(scenario);
    expect(parseScenarioFile('{"v":1,"base":"default","seed":1,"commands":[1]}')).toBeNull();
    expect(
      parseScenarioFile(
        JSON.stringify({ ...scenario, targets: [{ name: "../../etc/passwd", source: "" }] }),
      ),
    ).toBeNull();
    expect(parseScenarioFile("not json")).toBeNull();
  });
});
