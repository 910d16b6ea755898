import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import { importX, createNodeResolver } from "eslint-plugin-import-x";

// The layers of src/ (README, design notes): each folder lists the folders it may import from. Everything else
// in src/ is out of bounds for it, so an import that points up (sheet → excel) or sideways (cli → taskpane) fails
// `npm test`. Packages each layer must not use are listed too: the rules stay pure where the design says so.
const LAYERS = {
  domain: [],
  formula: [],
  sheet: ["domain", "formula"],
  excel: ["domain", "formula", "sheet"],
  xlsx: ["domain", "sheet"],
  document: ["domain", "sheet"],
  "fake-excel": ["domain", "formula", "sheet"],
  taskpane: ["domain", "sheet", "excel", "document"],
  commands: ["domain", "sheet", "excel"],
  cli: ["domain", "sheet", "xlsx", "document"],
  preview: ["domain", "formula", "sheet", "excel", "taskpane", "fake-excel"],
};
const FOLDERS = Object.keys(LAYERS);
const NO_PACKAGES = {
  domain: ["exceljs", "react", "react-dom", "@fluentui/*", "node:*", "fs", "path"],
  formula: ["exceljs", "react", "react-dom", "@fluentui/*", "node:*", "fs", "path"],
  sheet: ["exceljs", "react", "react-dom", "@fluentui/*", "node:*", "fs", "path"],
  excel: ["exceljs", "react", "react-dom", "@fluentui/*", "node:*", "fs", "path"],
  taskpane: ["exceljs", "node:*", "fs", "path"],
  commands: ["exceljs", "react", "react-dom", "@fluentui/*", "node:*", "fs", "path"],
  // The report's renderers run in the pane too: no Node, no Excel.
  document: ["exceljs", "react", "react-dom", "@fluentui/*", "node:*", "fs", "path"],
};

const zones = FOLDERS.flatMap((layer) =>
  FOLDERS.filter((other) => other !== layer && !LAYERS[layer].includes(other)).map((other) => ({
    target: `./src/${layer}`,
    from: `./src/${other}`,
    message: `src/${layer} may import only from ${[layer, ...LAYERS[layer]].map((l) => `src/${l}`).join(", ")} (layers in README).`,
  })),
);

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "dist-preview/", "build/", "coverage/", "test-output/", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts", "src/**/*.tsx", "test/**/*.ts", "test/**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Layers and cycles: resolved paths, so "../../excel/x" and "../excel" are judged by where they land.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/extensions": [".ts", ".tsx", ".js"],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  ...Object.entries(NO_PACKAGES).map(([layer, packages]) => ({
    files: [`src/${layer}/**/*.ts`, `src/${layer}/**/*.tsx`],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: packages, message: `src/${layer} does not use this package (layers in README).` }] },
      ],
    },
  })),
);
