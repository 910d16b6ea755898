/** @jest-environment jsdom */
// The production manifest is made by the same function webpack uses (webpack.config.js rewriteManifest):
// it must differ from the dev manifest only in its URLs.
import { all, parseXml, readManifest, walk } from "./manifest-xml";

interface WebpackConfigModule {
  DEV_URL: string;
  prodUrl(env?: Record<string, string | undefined>): string;
  rewriteManifest(xml: string, url?: string): string;
  officeJsUrl(env?: Record<string, string | undefined>): string;
}
const wp = jest.requireActual<WebpackConfigModule>("../../webpack.config.js");
const { xml, doc } = readManifest();

function diff(devXml: string, prodXml: string, prod: string) {
  const dev = walk(parseXml(devXml).documentElement);
  const out = walk(parseXml(prodXml).documentElement);
  expect(out.map((x) => x.path)).toEqual(dev.map((x) => x.path));
  const changed = dev.filter((d, i) => d.value !== out[i].value);
  for (const d of changed) {
    const p = out[dev.indexOf(d)].value;
    expect(d.value.startsWith(wp.DEV_URL)).toBe(true);
    expect(p).toBe(prod + d.value.slice(wp.DEV_URL.length));
  }
  return changed.length;
}

describe("production manifest", () => {
  test("differs from the dev manifest only in URLs, all of them rewritten", () => {
    const prod = wp.prodUrl({});
    const out = wp.rewriteManifest(xml, prod);
    const devUrls = walk(doc.documentElement).filter((x) => x.value.startsWith(wp.DEV_URL)).length;
    expect(devUrls).toBeGreaterThan(20);
    expect(diff(xml, out, prod)).toBe(devUrls);
    expect(out).not.toMatch(/localhost/);
  });

  test("the production URL is a setting: ADDIN_PROD_URL overrides package.json", () => {
    const pkg = jest.requireActual<{ config: { prod_url: string } }>("../../package.json");
    expect(wp.prodUrl({})).toBe(pkg.config.prod_url);
    expect(pkg.config.prod_url).toMatch(/^https:\/\/[^/]+\/$/);
    const custom = wp.prodUrl({ ADDIN_PROD_URL: "https://jx.czj.example.cn/addin" });
    expect(custom).toBe("https://jx.czj.example.cn/addin/");
    const out = wp.rewriteManifest(xml, custom);
    expect(diff(xml, out, custom)).toBeGreaterThan(20);
    const urls = all(parseXml(out), "*").flatMap((el) => ["DefaultValue", "Value"].map((a) => el.getAttribute(a) ?? ""));
    expect(urls.filter((u) => u.startsWith("https://jx.czj.example.cn/addin/assets/icon-")).length).toBeGreaterThan(8);
  });

  test("a production URL that is not https is refused", () => {
    expect(() => wp.prodUrl({ ADDIN_PROD_URL: "http://intranet.example.cn/" })).toThrow(/https/);
    expect(() => wp.prodUrl({ ADDIN_PROD_URL: "localhost:3000" })).toThrow(/https/);
  });

  test("the diff check itself notices a change outside URLs", () => {
    const tampered = wp.rewriteManifest(xml, wp.prodUrl({})).replace("ReadWriteDocument", "ReadDocument");
    expect(() => diff(xml, tampered, wp.prodUrl({}))).toThrow();
  });

  test("Office.js comes from Microsoft's CDN unless OFFICE_JS_URL says otherwise", () => {
    expect(wp.officeJsUrl({})).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(wp.officeJsUrl({ OFFICE_JS_URL: "https://example.cn/office.js" })).toBe("https://example.cn/office.js");
  });
});
