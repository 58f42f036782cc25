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
 *   dist/wps/budget-form_<version>.7z  the same folder packed, for the oem.ini / jsplugins.xml route
 *   dist/wps/jsplugins.xml           a registration pointing at that archive
 *   dist/wps/authwebsite.xml         an example trust entry (see docs/wps.md)
 *
 * The jsplugins.xml route fetches a packed add-in: Kingsoft's page on it says "url 为加载项压缩包下载
 * 链接" (e.g. demo_et_3.6.7z, quoted in issue #22), and wpsjs build, Kingsoft's own tool, writes such a
 * .7z with the add-in's folder <name>_<version> as its one top-level entry (as recorded for a wpsjs
 * build by a public project's install notes: "wps-addon-build/date-picker.7z:唯一顶层目录
 * date-picker_1.0.1"). It is packed here with the 7za that the 7zip-bin package ships inside the npm
 * package (no download at build time). The archive's URL is where the unit hosts it: set
 * WPS_ADDIN_BASE_URL (e.g. http://intranet/wps/ or file:///D:/addins/) when building; without it
 * jsplugins.xml names the archive alone, to be completed by hand (docs/wps.md).
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");
const { version } = require("./package.json");

const NAME = "budget-form";
const FOLDER = `${NAME}_${version}`;
const TARGET = "es2018";

const ARCHIVE = `${FOLDER}.7z`;
const fs = require("fs");
const { execFileSync } = require("child_process");

/** p7zip's 7za from 7zip-bin; its npm tarball may lose the executable bit, which is put back here. */
function sevenZip() {
  const { path7za } = require("7zip-bin");
  try {
    fs.accessSync(path7za, fs.constants.X_OK);
  } catch {
    fs.chmodSync(path7za, 0o755);
  }
  return path7za;
}

const jsplugins = (base) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!-- For oem.ini [Server] JSPluginsServer=: url is where ${ARCHIVE} is hosted, in full (docs/wps.md). -->\n<jsplugins>\n` +
  `  <jsplugin name="${NAME}" type="et" url="${base}${ARCHIVE}" version="${version}" enable="true"/>\n</jsplugins>\n`;

/** After the folder is written: pack it into dist/wps/<folder>.7z and write jsplugins.xml next to it. */
class PackAddin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("PackAddin", () => {
      const dist = path.resolve(__dirname, "dist/wps");
      const archive = path.join(dist, ARCHIVE);
      fs.rmSync(archive, { force: true });
      // Run from dist/wps so the folder is the archive's one top-level entry; -mx=9 ultra (7-Zip's -mx switch).
      execFileSync(sevenZip(), ["a", "-t7z", "-mx=9", "-bd", "-y", archive, FOLDER], { cwd: dist, stdio: "ignore" });
      fs.writeFileSync(path.join(dist, "jsplugins.xml"), jsplugins(process.env.WPS_ADDIN_BASE_URL ?? ""));
    });
  }
}

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
      new PackAddin(),
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
