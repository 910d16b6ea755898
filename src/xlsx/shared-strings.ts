// The shared strings part (xl/sharedStrings.xml): the text of each `<si>` item, by index, as Excel shows it in a cell
// (rich text runs joined, phonetic runs left out, entities and `_xHHHH_` escapes decoded: xml-text.ts).

import { element, itemText } from "./xml-text";

export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (let si = element(xml, "si"); si; si = element(xml, "si", si.end)) {
    out.push(si.inner === si.innerEnd ? "" : itemText(xml.slice(si.inner, si.innerEnd)));
  }
  return out;
}
