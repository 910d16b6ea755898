// Helpers for the offline manifest tests: parse manifest.xml (jsdom's XML parser) and read PNG headers.
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];

export function parseXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`manifest.xml is not well-formed XML: ${err.textContent}`);
  return doc;
}

export function readManifest(): { xml: string; doc: Document } {
  const xml = fs.readFileSync(MANIFEST_PATH, "utf8");
  return { xml, doc: parseXml(xml) };
}

export function all(root: Document | Element, qname: string): Element[] {
  return Array.from(root.getElementsByTagName(qname));
}

export function one(root: Document | Element, qname: string): Element {
  const found = all(root, qname);
  if (found.length !== 1) throw new Error(`expected one <${qname}>, found ${found.length}`);
  return found[0];
}

/** Direct children with this name. */
export function children(el: Element, qname: string): Element[] {
  return Array.from(el.children).filter((c) => c.tagName === qname);
}

/** The resources: id -> element, per kind. */
export function resources(doc: Document) {
  const byId = (container: string, item: string) => {
    const map = new Map<string, Element>();
    for (const el of all(one(doc, container), item)) map.set(el.getAttribute("id") ?? "", el);
    return map;
  };
  return {
    images: byId("bt:Images", "bt:Image"),
    urls: byId("bt:Urls", "bt:Url"),
    short: byId("bt:ShortStrings", "bt:String"),
    long: byId("bt:LongStrings", "bt:String"),
  };
}

/** A resource's text for a locale: its Override for that locale, else its DefaultValue. */
export function text(el: Element, locale?: string): string {
  if (locale) {
    const o = children(el, "bt:Override").find((x) => x.getAttribute("Locale")?.toLowerCase() === locale.toLowerCase());
    if (o) return o.getAttribute("Value") ?? "";
  }
  return el.getAttribute("DefaultValue") ?? "";
}

/** Width and height from a PNG's IHDR chunk; throws when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (b.length < 24 || !b.subarray(0, 8).equals(sig) || b.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Every attribute value and text node, in document order, with a path for messages. */
export function walk(el: Element, at = el.tagName): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  for (const a of Array.from(el.attributes)) out.push({ path: `${at}@${a.name}`, value: a.value });
  let i = 0;
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 1) out.push(...walk(node as Element, `${at}/${(node as Element).tagName}[${i++}]`));
    else if (node.nodeType === 3 && node.textContent?.trim()) out.push({ path: `${at}#text`, value: node.textContent.trim() });
  }
  return out;
}
