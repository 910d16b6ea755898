// Small pieces of XML reading shared by the package reader (ooxml.ts, sheet-xml.ts, shared-strings.ts, styles.ts):
// text and attribute values with their entities decoded, Excel's `_xHHHH_` escapes, attributes of one start tag,
// and elements found by index. Everything here is linear in the text it is given: no nested repetition.

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g;

function entity(_: string, e: string): string {
  switch (e) {
    case "amp":
      return "&";
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "quot":
      return '"';
    case "apos":
      return "'";
  }
  const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
  return code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

/** Text or an attribute value with XML's five entities and numeric character references decoded. */
export function decodeXml(s: string): string {
  return s.indexOf("&") < 0 ? s : s.replace(ENTITY, entity);
}

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Excel's escapes in cell text: a character XML cannot carry (a control character, a lone surrogate) is written
 * `_xHHHH_`, and a literal "_x0041_" is written "_x005F_x0041_". Decoded left to right, one pass.
 */
export function unescapeText(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of a string element: entities, then Excel's escapes. */
export function cellText(raw: string): string {
  return unescapeText(decodeXml(raw));
}

const ATTRS = new Map<string, RegExp>();

/** The value of attribute `name` (no namespace prefix) in the attributes of one start tag, decoded; undefined when absent. */
export function attr(attrs: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRS.set(name, re);
  }
  const m = re.exec(attrs);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2]);
}

/** The first start tag `<tag …>` or `<tag …/>` (no prefix) at or after `from`, within `to`. */
export function startTag(xml: string, tag: string, from = 0, to = xml.length): { at: number; attrs: string; end: number; empty: boolean } | null {
  const open = `<${tag}`;
  for (let i = xml.indexOf(open, from); i >= 0 && i < to; i = xml.indexOf(open, i + 1)) {
    const next = xml.charCodeAt(i + open.length);
    // the tag's name must end here: a space, ">" or "/"
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) continue;
    const close = xml.indexOf(">", i);
    if (close < 0 || close >= to) return null;
    const empty = xml.charCodeAt(close - 1) === 47;
    return { at: i, attrs: xml.slice(i + open.length, empty ? close - 1 : close), end: close + 1, empty };
  }
  return null;
}

/** The element `<tag …>…</tag>` (or `<tag/>`) from `from`: where it starts, where its content starts and ends, where it ends. */
export function element(
  xml: string,
  tag: string,
  from = 0,
  to = xml.length,
): { at: number; attrs: string; inner: number; innerEnd: number; end: number } | null {
  const s = startTag(xml, tag, from, to);
  if (!s) return null;
  if (s.empty) return { at: s.at, attrs: s.attrs, inner: s.end, innerEnd: s.end, end: s.end };
  const close = xml.indexOf(`</${tag}>`, s.end);
  if (close < 0 || close >= to) return null;
  return { at: s.at, attrs: s.attrs, inner: s.end, innerEnd: close, end: close + tag.length + 3 };
}

/**
 * The text of a string item (the inside of a shared string `<si>` or an inline `<is>`): its `<t>` elements joined —
 * the plain one, or the runs of rich text (`<r><t>`) — leaving out the phonetic runs (`<rPh><t>`), which Excel shows
 * only as a reading guide above the text, never in the cell. `item` is the item alone (a slice), so that no search
 * runs past it.
 */
export function itemText(item: string): string {
  let out = "";
  let i = 0;
  let ph = item.indexOf("<rPh");
  for (;;) {
    const t = startTag(item, "t", i);
    if (!t) break;
    if (ph >= 0 && ph < t.at) {
      // a phonetic run before this <t>: skip past its end
      const phEnd = item.indexOf("</rPh>", ph);
      if (phEnd < 0) break;
      i = phEnd + 6;
      ph = item.indexOf("<rPh", i);
      continue;
    }
    if (t.empty) {
      i = t.end;
      continue;
    }
    const close = item.indexOf("</t>", t.end);
    if (close < 0) break;
    out += item.slice(t.end, close);
    i = close + 4;
  }
  return cellText(out);
}
