import { loLoadTimes } from "./lo-load";
(async () => {
  const t = await loLoadTimes(["/tmp/lx/iso-full.xlsx", "/tmp/lx/iso-allValues.xlsx"], 5);
  t.forEach((x, i) => console.log(i, Math.min(...x), [...x].sort((a, b) => a - b)[2]));
})();
