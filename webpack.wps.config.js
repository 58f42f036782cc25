/**
 * Builds the WPS 表格 add-in (issue #14) into dist/wps/ — run after webpack.config.js, whose clean
 * empties dist/. WPS 加载项 run in WPS's own Chromium (reported around version 103), so everything
 * here is ES2018: TypeScript is compiled to it and every script, our code and node_modules alike,
 * goes through esbuild with target es2018, which lowers ?. ?? and the like. Layout:
 *   dist/wps/budget-form_<version>/   the add-in folder, as WPS loads it from jsaddons/ (offline mode)
 *     ribbon.xml, manifest.xml       the ribbon (一键校验, 打开窗格) and the add-in's description
 *     index.html + main.*.js         the background page with the ribbon's callbacks
 *     taskpane.html + pane.*.js      the pane: the same React App on the WPS host
 *     images/                        the ribbon's icons
 *   dist/wps/publish.xml             an example registration of that folder (jsaddons/publish.xml)
 *   dist/wps/jsplugins.xml           the same for the oem.ini / jsplugins.xml route
 *   dist/wps/authwebsite.xml         an example trust entry (see README "WPS 表格")
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const { version } = require("./package.json");

const NAME = "budget-form";
const FOLDER = `${NAME}_${version}`;
const TARGET = "es2018";

const registration = (tag) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!-- Example: merge this entry into jsaddons/${tag} (see README, WPS 表格). -->\n<jsplugins>\n` +
  `  <jsplugin name="${NAME}" type="et" url="${FOLDER}" version="${version}" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n`;

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  return {
    name: "wps",
    mode: production ? "production" : "development",
    devtool: false,
    target: ["web", TARGET],
    entry: {
      // The background page is one script: code shared with the pane may import parts lazily (the
      // Excel pane's engine chunk), but a page WPS runs without a document to load chunks into must not.
      main: { import: "./src/wps/main.ts", asyncChunks: false },
      pane: "./src/wps/pane.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist/wps", FOLDER),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
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
            options: { transpileOnly: true, compilerOptions: { noEmit: false, module: "ES2020", target: "ES2018", sourceMap: false } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/wps/index.html",
        chunks: ["main"],
        inject: "head",
        scriptLoading: "blocking",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["pane"],
        title: "绩效表助手",
        office: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "src/wps/manifest.xml", to: "manifest.xml" },
          { from: "assets/icon-32.png", to: "images/check.png" },
          { from: "assets/icon-32.png", to: "images/pane.png" },
          { from: "src/wps/ribbon.xml", to: "../publish.xml", transform: () => registration("publish.xml") },
          { from: "src/wps/ribbon.xml", to: "../jsplugins.xml", transform: () => registration("jsplugins.xml") },
          {
            from: "src/wps/ribbon.xml",
            to: "../authwebsite.xml",
            transform: () =>
              `<?xml version="1.0" encoding="UTF-8"?>\n<websites>\n  <website origin="null" name="${NAME}" status="enable"/>\n</websites>\n`,
          },
        ],
      }),
    ],
    optimization: {
      // esbuild for every script: it both minifies and lowers the syntax to ES2018.
      minimize: true,
      minimizer: [new MinimizerPlugin({ minify: MinimizerPlugin.esbuildMinify, minimizerOptions: { target: TARGET, minify: production } })],
    },
    performance: { hints: false },
    stats: production ? "errors-warnings" : "minimal",
  };
};
