// The preview (src/preview): the real pane beside an in-browser workbook over the fake Excel, for machines
// where Excel cannot sideload the add-in. Dev only: it builds into dist-preview/, never into dist/ (the add-in).
//   npx webpack --config webpack.preview.config.js                 build dist-preview/
//   npx webpack serve --config webpack.preview.config.js           serve http://localhost:3001/
// Env: PREVIEW_PORT (default 3001), PREVIEW_MODE=production for a minified build.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.PREVIEW_MODE || "development";
  return {
    mode,
    devtool: mode === "development" ? "cheap-module-source-map" : false,
    // office-stub.js stands in for Microsoft's office.js when tests and the bench open the built dist/taskpane.html.
    entry: { preview: "./src/preview/index.tsx", "office-stub": "./src/preview/office-stub.ts" },
    output: {
      path: path.resolve(__dirname, "dist-preview"),
      filename: "[name].js",
      clean: true,
    },
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
    plugins: [new HtmlWebpackPlugin({ filename: "index.html", template: "./src/preview/preview.html", chunks: ["preview"] })],
    performance: { hints: false },
    devServer: {
      port: Number(process.env.PREVIEW_PORT || 3001),
      static: false,
      open: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
