import { describe, expect, it } from "vitest";
import { bucketMedian } from "./report-facts";

const bucketOf = (seconds: number) => Math.floor(4 * Math.log2(Math.max(seconds, 1)));

describe("the median read from time buckets", () => {
  it("lands within half a bucket (±10 %) of the exact median, whatever the spread", () => {
    for (const spread of [
      Array.from({ length: 101 }, (_, i) => 3600 * (1 + i)), // 1 h … 101 h, evenly
      Array.from({ length: 500 }, (_, i) => 60 * 1.03 ** i), // minutes to months, skewed
      [86_400, 86_400, 86_400, 2 * 86_400, 30 * 86_400],
    ]) {
      const counts = new Map<number, number>();
      for (const s of spread) counts.set(bucketOf(s), (counts.get(bucketOf(s)) ?? 0) + 1);
      const exact = [...spread].sort((a, b) => a - b)[Math.floor(spread.length / 2)];
      const estimate = bucketMedian([...counts].map(([dwell_bucket, n]) => ({ dwell_bucket, n })))!;
      expect(Math.abs(estimate / exact - 1)).toBeLessThan(0.1);
    }
  });

  it("has no median without moves", () => {
    expect(bucketMedian([])).toBeNull();
  });
});
