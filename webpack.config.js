// Build of the add-in (dist/): the task pane, the ribbon command file and its dialog, the icons and the manifest.
// `npm run build`      production bundle; manifest URLs rewritten to the production URL
// `npm run dev-server` https://localhost:3000 with office-addin-dev-certs certificates (see devServerTransport)
// Settings (environment variables):
//   ADDIN_PROD_URL  where dist/ is served in production (default: package.json config.prod_url)
//   OFFICE_JS_URL   Office.js script URL (default: Microsoft's CDN; the 21Vianet cloud in China has its own)
//   DEV_SERVER_HTTP=1  serve plain http (Office will not load it; for a browser on a machine without certificates)
// The preview (src/preview) has its own config, webpack.preview.config.js, and never enters dist/.
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const pkg = require("./package.json");

const DEV_URL = "https://localhost:3000/";
const DEFAULT_OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The production URL, always ending in "/"; https only (Office refuses anything else). */
function prodUrl(env = process.env) {
  let url = env.ADDIN_PROD_URL || (pkg.config && pkg.config.prod_url);
  if (!url) throw new Error("No production URL: set ADDIN_PROD_URL or package.json config.prod_url");
  if (!url.endsWith("/")) url += "/";
  if (!/^https:\/\/[^/]+\//.test(url)) throw new Error(`ADDIN_PROD_URL must be an https URL, got ${url}`);
  return url;
}

/** The manifest for production: every dev-server URL becomes the production URL. Tests call this too. */
function rewriteManifest(xml, url = prodUrl()) {
  return String(xml).split(DEV_URL).join(url);
}

function officeJsUrl(env = process.env) {
  return env.OFFICE_JS_URL || DEFAULT_OFFICE_JS_URL;
}

/**
 * How the dev server talks: https with the office-addin-dev-certs certificates when they can be made and trusted;
 * when the CA cannot be installed (e.g. root without sudo on Linux), https with the certificate files anyway
 * (the browser or Office must be told to trust them), else webpack-dev-server's own self-signed certificate.
 */
async function devServerTransport() {
  if (process.env.DEV_SERVER_HTTP === "1") {
    console.warn("[dev-server] DEV_SERVER_HTTP=1: 使用 http（Office 只加载 https，仅供浏览器预览）/ plain http: Office will not load it");
    return "http";
  }
  const devCerts = require("office-addin-dev-certs");
  try {
    const o = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: o.ca, cert: o.cert, key: o.key } };
  } catch (err) {
    const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
    const reason = String((err && err.message) || err).split("\n")[0];
    if (Object.values(paths).every((p) => fs.existsSync(p))) {
      console.warn(
        `[dev-server] 开发证书已生成但无法安装为受信任的根证书（${reason}）。仍以 https 提供服务；` +
          `请手动信任 ${paths.ca}。\n` +
          `[dev-server] The dev CA could not be trusted (${reason}). Serving https anyway; trust ${paths.ca} by hand.`,
      );
      const read = (p) => fs.readFileSync(p);
      return { type: "https", options: { ca: read(paths.ca), cert: read(paths.cert), key: read(paths.key) } };
    }
    console.warn(
      `[dev-server] 无法生成开发证书（${reason}），改用自签名证书。\n` +
        `[dev-server] Could not make the dev certificates (${reason}); using a self-signed certificate.`,
    );
    return "https";
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const html = (name, template, chunks) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      templateParameters: { officeJsUrl: officeJsUrl() },
    });
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // Parts of the pane loaded on demand (src/taskpane/parts.ts): never in taskpane.html's initial scripts.
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Types are checked by `npm run typecheck`; the bundle only needs JavaScript.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: true } },
          },
        },
      ],
    },
    plugins: [
      html("taskpane", "./src/taskpane/taskpane.html", ["taskpane"]),
      html("commands", "./src/commands/commands.html", ["commands"]),
      html("dialog", "./src/commands/dialog.html", ["dialog"]),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifest(content.toString("utf8"))),
          },
        ],
      }),
    ],
    performance: { maxAssetSize: 3_000_000, maxEntrypointSize: 3_000_000 },
    devServer: {
      port: Number(process.env.DEV_SERVER_PORT || (pkg.config && pkg.config.dev_server_port) || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? await devServerTransport() : "https",
      hot: true,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.prodUrl = prodUrl;
module.exports.rewriteManifest = rewriteManifest;
module.exports.officeJsUrl = officeJsUrl;
