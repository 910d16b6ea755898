// Shared setup for DOM tests: jest-dom matchers, jest-axe, and the bits of the browser jsdom lacks.
import "@testing-library/jest-dom";
import { toHaveNoViolations } from "jest-axe";
import { TextEncoder } from "node:util";

expect.extend(toHaveNoViolations);

// jsdom has no TextEncoder; the fake workbook measures payloads with it (tests that run the real host in the pane).
if (typeof globalThis.TextEncoder === "undefined") {
  (globalThis as unknown as { TextEncoder: unknown }).TextEncoder = TextEncoder;
}

if (typeof window !== "undefined") {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!("ResizeObserver" in window)) {
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
}
