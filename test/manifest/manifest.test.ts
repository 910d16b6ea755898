/** @jest-environment jsdom */
// Offline checks of manifest.xml: what `office-addin-manifest validate` would reject, and what this add-in needs.
import * as fs from "node:fs";
import * as path from "node:path";
import { ICON_SIZES, ROOT, all, children, one, pngSize, readManifest, resources, text } from "./manifest-xml";
import { KIND_NAMES } from "../../src/domain/names";
import { FORM_KINDS } from "../../src/domain/model";
import { startAt } from "../../src/taskpane/bootstrap";

const { doc } = readManifest();
const res = resources(doc);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe("manifest.xml: the add-in", () => {
  test("is a task-pane add-in for Excel with a GUID id and read/write access", () => {
    expect(doc.documentElement.tagName).toBe("OfficeApp");
    expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(one(doc, "Id").textContent).toMatch(GUID);
    expect(one(doc, "Permissions").textContent).toBe("ReadWriteDocument");
    const hosts = children(one(doc, "OfficeApp").querySelector("Hosts") as Element, "Host");
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    expect(one(doc, "Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("requires ExcelApi 1.14", () => {
    const sets = all(one(doc, "Requirements"), "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    expect(sets).toContainEqual(["ExcelApi", "1.14"]);
  });

  test("speaks zh-CN by default with en-US overrides for every string", () => {
    expect(one(doc, "DefaultLocale").textContent).toBe("zh-CN");
    for (const name of ["DisplayName", "Description"]) {
      const el = children(doc.documentElement, name)[0];
      expect(el.getAttribute("DefaultValue")).toMatch(/[\u4e00-\u9fff]/);
      expect(children(el, "Override").map((o) => o.getAttribute("Locale"))).toEqual(["en-US"]);
    }
    for (const [id, el] of [...res.short, ...res.long]) {
      expect({ id, zh: /[\u4e00-\u9fff]/.test(text(el)) }).toEqual({ id, zh: true });
      expect({ id, en: text(el, "en-US") !== text(el) && /^[\x20-\x7e]+$/.test(text(el, "en-US")) }).toEqual({ id, en: true });
    }
  });
});

describe("manifest.xml: resources", () => {
  test("every resid resolves to a resource of the right kind", () => {
    const kindOf = (el: Element): keyof typeof res => {
      if (el.tagName === "bt:Image") return "images";
      if (["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(el.tagName)) return "urls";
      if (el.tagName === "Description") return "long";
      return "short"; // Label, Title
    };
    const refs = all(doc, "*").filter((el) => el.hasAttribute("resid"));
    expect(refs.length).toBeGreaterThan(40);
    for (const el of refs) {
      const id = el.getAttribute("resid") as string;
      expect({ id, tag: el.tagName, found: res[kindOf(el)].has(id) }).toEqual({ id, tag: el.tagName, found: true });
    }
  });

  test("every resource is used, and ids are unique and at most 32 characters", () => {
    const used = new Set(all(doc, "*").map((el) => el.getAttribute("resid")));
    const ids: string[] = [];
    for (const kind of Object.values(res)) for (const id of kind.keys()) ids.push(id);
    for (const el of all(doc, "*")) if (el.hasAttribute("id") && !el.tagName.startsWith("bt:")) ids.push(el.getAttribute("id") as string);
    for (const id of [...ids, ...used].filter(Boolean) as string[]) expect({ id, len: id.length <= 32 }).toEqual({ id, len: true });
    expect(new Set(ids).size).toBe(ids.length);
    for (const kind of Object.values(res)) for (const id of kind.keys()) expect({ id, used: used.has(id) }).toEqual({ id, used: true });
  });

  test("ShortStrings are at most 125 characters and LongStrings at most 250, in every locale", () => {
    const values = (el: Element) => [text(el), ...children(el, "bt:Override").map((o) => o.getAttribute("Value") ?? "")];
    for (const [id, el] of res.short) for (const v of values(el)) expect({ id, ok: v.length > 0 && v.length <= 125 }).toEqual({ id, ok: true });
    for (const [id, el] of res.long) for (const v of values(el)) expect({ id, ok: v.length > 0 && v.length <= 250 }).toEqual({ id, ok: true });
  });

  test("every URL is https", () => {
    const urls = all(doc, "*").flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => !a.name.startsWith("xmlns") && /^[a-z][a-z0-9+.-]*:/i.test(a.value))
        .map((a) => a.value),
    );
    expect(urls.length).toBeGreaterThan(20);
    for (const u of urls) expect(u).toMatch(/^https:\/\/[^/\s]+\//);
  });
});

describe("manifest.xml: icons", () => {
  const fileFor = (url: string) => {
    const m = /^https:\/\/localhost:3000\/(assets\/[\w.-]+\.png)$/.exec(url);
    if (!m) throw new Error(`icon URL outside assets/: ${url}`);
    return path.join(ROOT, m[1]);
  };

  test("every icon list has all sizes 16 to 80, each a PNG file of exactly that size", () => {
    const lists = all(doc, "Icon");
    expect(lists.length).toBeGreaterThanOrEqual(4);
    for (const list of lists) {
      const images = children(list, "bt:Image");
      expect(images.map((i) => Number(i.getAttribute("size")))).toEqual(ICON_SIZES);
      for (const img of images) {
        const size = Number(img.getAttribute("size"));
        const file = fileFor(text(res.images.get(img.getAttribute("resid") as string) as Element));
        expect({ file: path.basename(file), ...pngSize(file) }).toEqual({ file: path.basename(file), width: size, height: size });
      }
    }
  });

  test("the catalog icons are 32 and 64 px PNGs", () => {
    expect(pngSize(fileFor(one(doc, "IconUrl").getAttribute("DefaultValue") as string))).toEqual({ width: 32, height: 32 });
    expect(pngSize(fileFor(one(doc, "HighResolutionIconUrl").getAttribute("DefaultValue") as string))).toEqual({
      width: 64,
      height: 64,
    });
  });

  test("assets/ holds every icon in every size", () => {
    for (const family of ["icon", "insert", "pane"]) {
      for (const size of ICON_SIZES) {
        expect(pngSize(path.join(ROOT, "assets", `${family}-${size}.png`))).toEqual({ width: size, height: size });
      }
    }
  });

  test("a file that is not a PNG is caught", () => {
    expect(() => pngSize(path.join(ROOT, "assets", "help.html"))).toThrow(/not a PNG/);
  });
});

describe("manifest.xml: the ribbon", () => {
  const tab = one(doc, "CustomTab");
  const label = (el: Element, locale?: string) =>
    text(res.short.get(children(el, "Label")[0]?.getAttribute("resid") ?? "") as Element, locale);
  const controls = all(tab, "Control");

  test("a custom tab 绩效自评 (Self-Evaluation)", () => {
    expect(one(doc, "ExtensionPoint").getAttribute("xsi:type")).toBe("PrimaryCommandSurface");
    expect(label(tab)).toBe("绩效自评");
    expect(label(tab, "en-US")).toBe("Self-Evaluation");
    // The tab's Label comes after its groups (schema order).
    expect(Array.from(tab.children).map((c) => c.tagName)).toEqual(["Group", "Label"]);
  });

  test("a menu 插入: 从绩效目标表生成 first, then one ExecuteFunction item per template kind", () => {
    const menu = controls.find((c) => c.getAttribute("xsi:type") === "Menu") as Element;
    expect(label(menu)).toBe("插入");
    const [fromTargets, ...kinds] = all(menu, "Item");
    expect(label(fromTargets)).toBe("从绩效目标表生成");
    expect(one(fromTargets, "Action").getAttribute("xsi:type")).toBe("ShowTaskpane");
    const items = kinds.map((item) => [
      label(item),
      one(item, "Action").getAttribute("xsi:type"),
      one(item, "FunctionName").textContent,
    ]);
    // The menu names the kinds exactly as the pane, the dialogs and the CLI do (domain/names).
    expect(items).toEqual([
      [KIND_NAMES.project.zh, "ExecuteFunction", "insertProject"],
      [KIND_NAMES.department.zh, "ExecuteFunction", "insertDepartment"],
      [KIND_NAMES["department-goals"].zh, "ExecuteFunction", "insertDepartmentGoals"],
      [KIND_NAMES["multi-project"].zh, "ExecuteFunction", "insertMultiProject"],
      [KIND_NAMES.report.zh, "ExecuteFunction", "insertReport"],
      [KIND_NAMES.targets.zh, "ExecuteFunction", "insertTargets"],
    ]);
  });

  test("the menu's English labels are the kinds' English names (after 从绩效目标表生成)", () => {
    const menu = controls.find((c) => c.getAttribute("xsi:type") === "Menu") as Element;
    const ids = all(menu, "Item")
      .slice(1)
      .map((item) => one(item, "Label").getAttribute("resid") as string);
    const english = ids.map((id) => text(res.short.get(id) as Element, "en-US"));
    expect(english).toEqual(FORM_KINDS.map((k) => KIND_NAMES[k].en));
  });

  test("从绩效目标表生成 opens the one task pane (the 任务窗格 button's) at that step", () => {
    const menu = controls.find((c) => c.getAttribute("xsi:type") === "Menu") as Element;
    const action = one(all(menu, "Item")[0], "Action");
    const paneButton = controls.find((c) => c.getAttribute("xsi:type") === "Button" && label(c) === "任务窗格") as Element;
    const paneAction = one(paneButton, "Action");
    // The same TaskpaneId: Office reuses the open pane instead of opening a second one beside it.
    expect(one(action, "TaskpaneId").textContent).toBe("JX.Taskpane");
    expect(one(paneAction, "TaskpaneId").textContent).toBe("JX.Taskpane");
    // Schema order: TaskpaneId, SourceLocation, Title.
    expect(Array.from(action.children).map((c) => c.tagName)).toEqual(["TaskpaneId", "SourceLocation", "Title"]);
    const url = text(res.urls.get(one(action, "SourceLocation").getAttribute("resid") as string) as Element);
    const paneUrl = text(res.urls.get(one(paneAction, "SourceLocation").getAttribute("resid") as string) as Element);
    expect(url).toBe(`${paneUrl}?start=from-targets`);
    // The page understands the flag (src/taskpane/bootstrap.tsx), and only that one.
    expect(startAt(new URL(url).search)).toBe("from-targets");
    expect(startAt(new URL(paneUrl).search)).toBe("overview");
    expect(label(all(menu, "Item")[0], "en-US")).toBe("From an approved targets table");
  });

  test("a 检查本表 button (checkSheet) and a 任务窗格 button (ShowTaskpane)", () => {
    const buttons = controls.filter((c) => c.getAttribute("xsi:type") === "Button");
    const check = buttons.find((b) => label(b) === "检查本表") as Element;
    expect(one(check, "Action").getAttribute("xsi:type")).toBe("ExecuteFunction");
    expect(one(check, "FunctionName").textContent).toBe("checkSheet");
    const pane = buttons.find((b) => label(b) === "任务窗格") as Element;
    const action = one(pane, "Action");
    expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
    const url = res.urls.get(one(action, "SourceLocation").getAttribute("resid") as string) as Element;
    expect(text(url)).toBe("https://localhost:3000/taskpane.html");
    expect(one(doc, "DefaultSettings").querySelector("SourceLocation")?.getAttribute("DefaultValue")).toBe(text(url));
  });

  test("the function file is commands.html, and every page and asset the manifest names exists in the source", () => {
    const fnFile = res.urls.get(one(doc, "FunctionFile").getAttribute("resid") as string) as Element;
    expect(text(fnFile)).toBe("https://localhost:3000/commands.html");
    const pages: Record<string, string> = {
      "taskpane.html": "src/taskpane/taskpane.html",
      "commands.html": "src/commands/commands.html",
    };
    const urls = all(doc, "*").flatMap((el) => ["DefaultValue", "Value"].map((a) => el.getAttribute(a) ?? ""));
    for (const u of urls.filter((x) => x.startsWith("https://localhost:3000/"))) {
      const rel = u.slice("https://localhost:3000/".length).replace(/\?.*$/, ""); // a page's query: ?start=…
      const source = rel.startsWith("assets/") ? rel : pages[rel];
      expect({ url: u, exists: Boolean(source) && fs.existsSync(path.join(ROOT, source)) }).toEqual({ url: u, exists: true });
    }
  });
});
