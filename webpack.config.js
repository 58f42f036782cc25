/**
 * Builds the add-in into dist/:
 *   taskpane.html  the pane Excel loads (office.js from the CDN; falls back to the preview outside Office)
 *   preview.html   the browser preview without office.js (no network request at all)
 *   launch.js      the runtime page's first script: registers the ribbon command (ES5, not bundled)
 *   legacy.html    what the ribbon command shows where Excel runs add-ins in IE11 / legacy Edge
 *   manifest.xml   with https://localhost:3000/ rewritten to $ADDIN_URL when set
 *   assets/, seed-form.xlsx (the bundled example)
 *   bundle-report.json  which files each page loads first and whether exceljs is among them (bench/)
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const MinimizerPlugin = require("minimizer-webpack-plugin");

// Terser (webpack's default, two passes) gives the smallest files but took ~50 s of CPU per build, most
// of it on exceljs and the preview. Only what Excel's pane downloads is size-critical (bench: ≤ 200 KB
// gzip), so that keeps Terser; the preview page and the exceljs chunk it loads go through esbuild,
// which is ~20× faster at a few per cent larger output.
const FAST_MINIFY = /^(?:preview|exceljs)\./;

const DEV_URL = "https://localhost:3000/";

function addinUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) return null;
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * Records, per entry, the JavaScript files its page loads before any dynamic import, and what its
 * whole chunk graph (every chunk a dynamic import could still load) holds: the Excel pane must never be
 * able to reach exceljs, the file host or the preview (test/build/entries.test.ts reads this).
 */
class BundleReportPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BundleReportPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "BundleReportPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const report = {};
          const modulesOf = (chunks) => {
            const ids = new Set();
            for (const chunk of chunks)
              for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
                const id = m.nameForCondition?.() ?? "";
                if (id) ids.add(path.relative(__dirname, id).split(path.sep).join("/"));
              }
            return ids;
          };
          const isExceljs = (id) => id.startsWith("node_modules/exceljs/");
          for (const [name, entry] of compilation.entrypoints) {
            const files = new Set();
            for (const chunk of entry.chunks) for (const f of chunk.files) if (f.endsWith(".js")) files.add(f);
            // Every chunk group reachable through dynamic imports, breadth first.
            const groups = new Set([entry]);
            for (const g of groups) for (const child of g.childrenIterable) groups.add(child);
            const reachable = new Set();
            for (const g of groups) for (const chunk of g.chunks) reachable.add(chunk);
            const all = modulesOf(reachable);
            const dirsOf = (ids) =>
              [...new Set([...ids].filter((id) => id.startsWith("src/")).map((id) => id.split("/").slice(0, 3).join("/")))].sort();
            const sourceDirs = dirsOf(all);
            report[name] = {
              initialFiles: [...files],
              containsExceljs: [...modulesOf(entry.chunks)].some(isExceljs),
              // What the page parses before it can paint (bench: ≤ 200 KB gzip for the pane).
              initialSources: dirsOf(modulesOf(entry.chunks)),
              reachableFiles: [...new Set([...reachable].flatMap((c) => [...c.files].filter((f) => f.endsWith(".js"))))].sort(),
              reachesExceljs: [...all].some(isExceljs),
              reachableSources: sourceDirs,
            };
          }
          const json = JSON.stringify(report, null, 2);
          compilation.emitAsset("bundle-report.json", new compiler.webpack.sources.RawSource(json));
        },
      );
    });
  }
}

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  const url = addinUrl();
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      preview: "./src/taskpane/preview/main.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`; here we only transpile (and keep ES modules for tree shaking).
            options: { transpileOnly: true, compilerOptions: { noEmit: false, module: "ES2020", sourceMap: !production } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        title: "绩效表助手",
        office: true,
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["preview"],
        title: "绩效表助手 · 浏览器预览",
        office: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", noErrorOnMissing: true },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            noErrorOnMissing: true,
            transform: url ? (content) => content.toString().split(DEV_URL).join(url) : undefined,
          },
          { from: "examples/seed-form.xlsx", to: "seed-form.xlsx", noErrorOnMissing: true },
          // The runtime page's first script (ES5, unbundled: it must parse in IE11 and run before the
          // deferred bundle) and the page it opens where the bundle cannot run.
          { from: "src/commands/launch.js", to: "launch.js" },
          { from: "src/commands/legacy.html", to: "legacy.html" },
        ],
      }),
      new BundleReportPlugin(),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", priority: 10 },
        },
      },
      minimizer: [
        new MinimizerPlugin({ exclude: FAST_MINIFY, minify: MinimizerPlugin.terserMinify, minimizerOptions: { compress: { passes: 2 } } }),
        new MinimizerPlugin({ include: FAST_MINIFY, minify: MinimizerPlugin.esbuildMinify, minimizerOptions: { target: "es2020" } }),
      ],
    },
    performance: {
      // exceljs (~1 MB) is a lazy chunk of the preview only; the pane's own entry is measured by bench/.
      hints: false,
    },
    stats: production ? "errors-warnings" : "minimal",
  };
};
