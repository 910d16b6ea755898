// The preview (src/preview): the real pane beside an in-browser workbook over the fake Excel, for machines
// where Excel cannot sideload the add-in. Dev only: it builds into dist-preview/, never into dist/ (the add-in).
//   npx webpack --config webpack.preview.config.js                 build dist-preview/
//   npx webpack serve --config webpack.preview.config.js           serve http://localhost:3001/
// Env: PREVIEW_PORT (default 3001), PREVIEW_MODE=production for a minified build.
// Two builds into the one folder: the preview page, and office-stub.js, which stands in for Microsoft's office.js
// when tests and the bench open the built dist/taskpane.html. The stub is served under office.js's URL, where a
// chunk loaded on demand could not be found, so it is built as one file (its import()s bundled in).
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const OUT = path.resolve(__dirname, "dist-preview");
const STUB = "office-stub";

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.PREVIEW_MODE || "development";
  const common = {
    mode,
    devtool: mode === "development" ? "cheap-module-source-map" : false,
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
  };
  return [
    {
      ...common,
      name: "preview",
      entry: { preview: "./src/preview/index.tsx" },
      output: { path: OUT, filename: "[name].js", clean: { keep: (file) => file.startsWith(STUB) } },
      plugins: [new HtmlWebpackPlugin({ filename: "index.html", template: "./src/preview/preview.html", chunks: ["preview"] })],
      devServer: {
        port: Number(process.env.PREVIEW_PORT || 3001),
        static: false,
        open: false,
        client: { overlay: { warnings: false, errors: true } },
      },
    },
    {
      ...common,
      name: STUB,
      entry: { [STUB]: "./src/preview/office-stub.ts" },
      output: { path: OUT, filename: "[name].js", asyncChunks: false },
    },
  ];
};
