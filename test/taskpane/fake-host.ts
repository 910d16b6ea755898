// A fake Host for component tests: records every call, returns states the test sets.
import type { Evaluation, Finding, Form, FormKind } from "../../src/domain/model";
import { emptyForm } from "../../src/domain/form";
import type {
  Host,
  InsertFill,
  InsertResult,
  LiveError,
  SheetState,
  TargetsTables,
  TemplateOptions,
} from "../../src/sheet/host-contract";

export function makeForm(over: Partial<Form> = {}): Form {
  return emptyForm("project", "项目自评", "人大代表履职培训项目", { unit: "某区人大常委会办公室", year: 2021, scored: true, ...over });
}

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    code: "deviation-reason-missing",
    severity: "error",
    cell: "J14",
    indicator: "培训人次",
    message: "“培训人次”未达到目标值，请在偏差原因分析及改进措施中说明原因。",
    messageEn: "Training attendance missed its target: explain why in the reason column.",
    ...over,
  };
}

export function evaluation(findings: Finding[], over: Partial<Evaluation> = {}): Evaluation {
  return {
    form: makeForm(),
    profile: "national",
    funds: { budget: 100, spent: 92.5, rate: 0.925, weight: 10, score: 9.25, enteredRate: null, enteredScore: null },
    indicators: [],
    total: { entered: null, computed: 87.25, grade: "良", enteredGrade: null, complete: true, unscored: 0, unscoredWeight: 0, weightEntered: 100 },
    findings,
    complete: true,
    ready: !findings.some((f) => f.severity === "error"),
    ...over,
  };
}

export function sheetState(evaluations: Evaluation[], over: Partial<SheetState> = {}): SheetState {
  return { sheet: "项目自评", evaluations, adoptable: false, bound: true, ...over };
}

export class FakeHost implements Host {
  profile = "national";
  state: SheetState;
  calls: { method: string; args: unknown[] }[] = [];
  listeners = new Set<(s: SheetState) => void>();
  errorListeners = new Set<(e: LiveError) => void>();
  areaEmpty: boolean | undefined = undefined;
  failInsert: string | null = null;
  summarySheet = "检查结果";
  /** The workbook's document settings. */
  settings = new Map<string, string>();
  failSettings: string | null = null;
  /** What readTargets finds; `failTargets` makes it throw. */
  targets: TargetsTables = { tables: [], skipped: [] };
  failTargets: string | null = null;
  /** The state check() gives (the comparison with the targets tables); a refresh when null. */
  checked: SheetState | null = null;
  /** Sheets the inserts made, in order. */
  inserted: string[] = [];

  constructor(state: SheetState = sheetState([])) {
    this.state = state;
  }

  private log(method: string, ...args: unknown[]) {
    this.calls.push({ method, args });
  }

  called(method: string) {
    return this.calls.filter((c) => c.method === method);
  }

  async insert(kind: FormKind, options: TemplateOptions, where: "new-sheet" | "selection", fill?: InsertFill): Promise<InsertResult> {
    if (fill) this.log("insert", kind, options, where, fill);
    else this.log("insert", kind, options, where);
    if (this.failInsert) throw new Error(this.failInsert);
    if (where === "selection" && this.areaEmpty === false)
      return { sheet: this.state.sheet, address: "B2:K31", refused: "not-empty", message: "所选位置（B2:K31）已有内容。" };
    const named = fill && !Array.isArray(fill.form) ? fill.form.name : null;
    const sheet = where === "new-sheet" ? (named ?? "项目支出绩效自评表") : this.state.sheet;
    this.inserted.push(sheet);
    return { sheet, address: "A1:J30" };
  }

  /** 检查本表: `checked` when set (the comparison with the targets tables), else a refresh (which tests may fail). */
  async check(): Promise<SheetState> {
    this.log("check");
    if (!this.checked) return this.refresh();
    this.state = this.checked;
    return this.state;
  }

  async readTargets(): Promise<TargetsTables> {
    this.log("readTargets");
    if (this.failTargets) throw new Error(this.failTargets);
    return this.targets;
  }

  async refresh(): Promise<SheetState> {
    this.log("refresh");
    return this.state;
  }

  async adopt(): Promise<SheetState> {
    this.log("adopt");
    this.state = { ...this.state, adoptable: false, bound: true };
    return this.state;
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.log("select", sheet, cell);
  }

  async writeSummarySheet(title: string, rows: string[][]): Promise<string> {
    this.log("writeSummarySheet", title, rows);
    return this.summarySheet;
  }

  subscribe(listener: (s: SheetState) => void, onError?: (e: LiveError) => void): () => void {
    this.listeners.add(listener);
    if (onError) this.errorListeners.add(onError);
    return () => {
      this.listeners.delete(listener);
      if (onError) this.errorListeners.delete(onError);
    };
  }

  /** Simulate a live recompute that failed. */
  fail(error: LiveError) {
    for (const l of this.errorListeners) l(error);
  }

  /** Simulate a live recompute (the user typed in the sheet). */
  emit(state: SheetState) {
    this.state = state;
    for (const l of this.listeners) l(state);
  }

  async setProfile(name: string): Promise<void> {
    this.log("setProfile", name);
    this.profile = name;
  }

  async readSetting(key: string): Promise<string | null> {
    this.log("readSetting", key);
    if (this.failSettings) throw new Error(this.failSettings);
    return this.settings.get(key) ?? null;
  }

  async writeSetting(key: string, value: string): Promise<void> {
    this.log("writeSetting", key, value);
    if (this.failSettings) throw new Error(this.failSettings);
    this.settings.set(key, value);
  }
}
