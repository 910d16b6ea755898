#!/usr/bin/env node
// `npm stop`: stops what `npm start` started (recorded in .tmp/start.json), and nothing else.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const STATE = path.join(root, ".tmp", "start.json");

/** Still running, and (where /proc tells) still the process we started, not a reused pid. */
function ours(pid, marker) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(marker);
  } catch {
    return true; // no /proc (Mac, Windows): trust the pid file
  }
}

function main() {
  if (!fs.existsSync(STATE)) {
    console.log("没有正在运行的 npm start / nothing started by npm start is running");
    return 0;
  }
  const state = JSON.parse(fs.readFileSync(STATE, "utf8"));
  if (state.mode === "office-addin-debugging") {
    const r = spawnSync("npx", ["--yes", "office-addin-debugging", "stop", "manifest.xml"], {
      cwd: root,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    fs.rmSync(STATE, { force: true });
    return r.status ?? 1;
  }
  let stopped = 0;
  for (const pid of state.pids || []) {
    if (!ours(pid, "webpack")) continue;
    try {
      if (process.platform === "win32") spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"]);
      else process.kill(-pid, "SIGTERM"); // the server's process group (start.js spawned it detached)
      stopped++;
    } catch (err) {
      console.warn(`无法停止进程 ${pid} / could not stop process ${pid}: ${err.message}`);
    }
  }
  if (state.runner && ours(state.runner, "start.js")) {
    try {
      process.kill(state.runner, "SIGTERM");
    } catch {
      /* it exits by itself when its servers stop */
    }
  }
  fs.rmSync(STATE, { force: true });
  console.log(`已停止 ${stopped} 个服务 / stopped ${stopped} server(s)`);
  return 0;
}

process.exit(main());
