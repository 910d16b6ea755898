#!/usr/bin/env node
// `npm start`: run the add-in for development.
// - Windows / Mac (Excel can sideload): `npx office-addin-debugging start manifest.xml`. That tool is NOT in
//   package.json: it fails to install from this project's registry (one of its dependencies is missing) and it
//   cannot sideload on Linux. npx fetches it on demand; when that fails we fall back to the servers below.
// - Otherwise (Linux, no Office): the dev server (https://localhost:3000, the add-in) and the preview
//   (webpack.preview.config.js: the pane over a fake workbook in any browser), until Ctrl+C or `npm stop`.
// Settings: JX_NO_SIDELOAD=1 skips the sideload attempt; DEV_SERVER_PORT, PREVIEW_PORT change the ports.
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const net = require("node:net");
const tls = require("node:tls");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const pkg = require(path.join(root, "package.json"));
const STATE = path.join(root, ".tmp", "start.json");
const DEV_PORT = Number(process.env.DEV_SERVER_PORT || pkg.config.dev_server_port || 3000);
const PREVIEW_PORT = Number(process.env.PREVIEW_PORT || pkg.config.preview_port || 3001);
const PREVIEW_CONFIG = path.join(root, "webpack.preview.config.js");
const webpackCli = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");

function saveState(state) {
  fs.mkdirSync(path.dirname(STATE), { recursive: true });
  fs.writeFileSync(STATE, JSON.stringify(state, null, 2));
}

function trySideload() {
  if (!["win32", "darwin"].includes(process.platform) || process.env.JX_NO_SIDELOAD === "1") return false;
  console.log(
    "正在旁加载到 Excel（npx office-addin-debugging，首次运行需下载）…\n" +
      "Sideloading into Excel with npx office-addin-debugging (downloaded on first use; not a dependency) …",
  );
  const r = spawnSync("npx", ["--yes", "office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (r.status === 0) {
    saveState({ mode: "office-addin-debugging", started: new Date().toISOString() });
    console.log("已启动。停止：npm stop / Started. Stop with: npm stop");
    return true;
  }
  console.warn(
    "旁加载失败：改为只启动开发服务器，请按 README 手动加载 manifest.xml。\n" +
      "Sideloading failed: starting the dev server only; load manifest.xml by hand as the README says.",
  );
  return false;
}

function waitForPort(port, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      const s = net.connect({ port, host: "127.0.0.1" });
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => {
        s.destroy();
        if (Date.now() > until) resolve(false);
        else setTimeout(attempt, 500);
      });
    };
    attempt();
  });
}

/** https or http: whether the server on that port completes a TLS handshake (certificate not checked). */
function protocolOf(port) {
  return new Promise((resolve) => {
    const s = tls.connect({ host: "localhost", port, rejectUnauthorized: false, servername: "localhost" });
    s.setTimeout(5000, () => s.destroy(new Error("timeout")));
    s.once("secureConnect", () => {
      s.destroy();
      resolve("https");
    });
    s.once("error", () => resolve("http"));
  });
}

function serve(label, args) {
  const child = spawn(process.execPath, [webpackCli, ...args], {
    cwd: root,
    stdio: "inherit",
    detached: process.platform !== "win32", // its own process group, so `npm stop` can end it with its children
  });
  child.label = label;
  return child;
}

async function main() {
  if (trySideload()) return;
  if (process.platform === "linux") {
    console.log(
      "Linux 上没有 Excel，无法旁加载：启动开发服务器和预览。\n" +
        "No Excel on Linux, so nothing to sideload: starting the dev server and the preview.",
    );
  }
  const children = [serve("dev-server", ["serve", "--mode", "development", "--port", String(DEV_PORT)])];
  const hasPreview = fs.existsSync(PREVIEW_CONFIG);
  if (hasPreview) {
    children.push(
      serve("preview", ["serve", "--config", PREVIEW_CONFIG, "--mode", "development", "--port", String(PREVIEW_PORT)]),
    );
  }
  saveState({ mode: "serve", pids: children.map((c) => c.pid), runner: process.pid, started: new Date().toISOString() });

  let stopping = false;
  const stopAll = (code) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) {
      try {
        if (process.platform === "win32") spawnSync("taskkill", ["/pid", String(c.pid), "/T", "/F"]);
        else process.kill(-c.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    fs.rmSync(STATE, { force: true });
    process.exit(code);
  };
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));
  for (const c of children) {
    c.on("exit", (code) => {
      if (!stopping) console.error(`${c.label} 已退出 / exited (${code ?? "signal"})`);
      stopAll(code ?? 0);
    });
  }

  const lines = [];
  if (await waitForPort(DEV_PORT)) {
    const p = await protocolOf(DEV_PORT);
    const base = `${p}://localhost:${DEV_PORT}/`;
    lines.push(`  任务窗格 / Task pane:        ${base}taskpane.html`);
    lines.push(`  功能区命令 / Ribbon commands: ${base}commands.html`);
    lines.push(`  清单 / Manifest:             ${path.join(root, "manifest.xml")}`);
    if (p !== "https") lines.push("  注意：不是 https，Office 不会加载 / Note: not https, Office will not load it");
  } else {
    lines.push(`  开发服务器未能在端口 ${DEV_PORT} 启动 / the dev server did not come up on port ${DEV_PORT}`);
  }
  if (hasPreview) {
    if (await waitForPort(PREVIEW_PORT)) {
      const p = await protocolOf(PREVIEW_PORT);
      lines.push(`  预览（浏览器 + 模拟工作簿）/ Preview (browser + fake workbook): ${p}://localhost:${PREVIEW_PORT}/`);
    } else {
      lines.push(`  预览未能在端口 ${PREVIEW_PORT} 启动 / the preview did not come up on port ${PREVIEW_PORT}`);
    }
  } else {
    lines.push("  （没有 webpack.preview.config.js，未启动预览 / no preview config, preview not started）");
  }
  console.log(
    [
      "",
      "绩效自评助手 开发环境已启动 / development servers are up",
      ...lines,
      "  在 Excel 中加载：见 README“在 Excel 中加载” / To load it in Excel: README, 'Load the add-in in Excel'",
      "  停止 / Stop: Ctrl+C，或另开终端运行 / or in another terminal: npm stop",
      "",
    ].join("\n"),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
