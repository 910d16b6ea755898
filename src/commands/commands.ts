// The ribbon's ExecuteFunction commands (manifest.xml <FunctionName>). Office finds them by name, so each one is
// registered with Office.actions.associate at the top level of this script, and each always calls
// event.completed() — Office shows the command as busy until it does.
import type { FormKind } from "../domain/model";
import { checkActiveSheet, insertFromRibbon } from "../excel/actions";
import { loadInsert } from "../excel/host";
import { checkMessage, errorMessage, insertAction, type CommandMessage } from "./messages";
import { showMessage } from "./notify";

/** The 插入 menu: function name -> template kind. */
export const INSERT_COMMANDS: Readonly<Record<string, FormKind>> = {
  insertProject: "project",
  insertDepartment: "department",
  insertDepartmentGoals: "department-goals",
  insertMultiProject: "multi-project",
  insertReport: "report",
  insertTargets: "targets",
};

export const CHECK_COMMAND = "checkSheet";

interface CommandEvent {
  completed(options?: unknown): void;
}

/**
 * Runs one command: its job may return a message to show; a failure is shown as an error message.
 * event.completed() is called in every case, after the message is dismissed.
 */
export async function runCommand(
  event: CommandEvent | undefined,
  action: { zh: string; en: string },
  job: () => Promise<CommandMessage | undefined>,
  show: (m: CommandMessage) => Promise<void> = showMessage,
): Promise<void> {
  try {
    let message: CommandMessage | undefined;
    try {
      message = await job();
    } catch (err) {
      message = errorMessage(err, action.zh, action.en);
    }
    if (message) await show(message);
  } catch (err) {
    console.error("[绩效自评助手]", err);
  } finally {
    event?.completed();
  }
}

export function insertCommand(kind: FormKind) {
  // Success needs no dialog: the new sheet is in front of the user.
  return (event?: CommandEvent) =>
    runCommand(event, insertAction(kind), async () => {
      await insertFromRibbon(kind);
      return undefined;
    });
}

export function checkCommand(event?: CommandEvent) {
  return runCommand(event, { zh: "检查本表", en: "Checking the sheet" }, async () =>
    checkMessage(await checkActiveSheet()),
  );
}

/**
 * Registers a command under its manifest <FunctionName>: with Office.actions.associate where Office has it, and
 * always as a global of that name too, which is how builds without Office.actions find the function (a missing
 * Office.actions would otherwise throw here and leave every button dead).
 */
export function register(name: string, fn: (event?: CommandEvent) => Promise<void>): void {
  (globalThis as Record<string, unknown>)[name] = fn;
  const actions = typeof Office !== "undefined" ? (Office as { actions?: typeof Office.actions }).actions : undefined;
  if (actions && typeof actions.associate === "function") actions.associate(name, fn);
}

// Top level, not inside Office.onReady: Office may invoke a command as soon as this script has run.
if (typeof Office !== "undefined") {
  // The template code 插入 needs is a chunk of its own (excel/host loadInsert): fetched once Office is ready, so
  // an insert still works if the network goes away later.
  void Office.onReady()
    .then(() => loadInsert())
    .catch(() => undefined);
  for (const [name, kind] of Object.entries(INSERT_COMMANDS)) register(name, insertCommand(kind));
  register(CHECK_COMMAND, checkCommand);
}
