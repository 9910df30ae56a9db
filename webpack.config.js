// Builds the task pane (taskpane.html and its bundle) into dist/. `npm run build` for production,
// `npm run dev-server` serves https://localhost:3000 with office-addin-dev-certs certificates when they can
// be made (falls back to http on machines where they cannot be installed).
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";
import { manifestForPublicUrl, normalisePublicUrl } from "./scripts/manifest-url.mjs";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch {
    return null;
  }
}

export default async (env, argv) => {
  const dev = argv.mode !== "production";
  // `--env publicUrl=https://…/`: the address where dist/ will be served; dist/manifest.xml points there.
  const publicUrl = env?.publicUrl ? normalisePublicUrl(env.publicUrl) : null;
  if (publicUrl instanceof Error) throw publicUrl;
  const https = argv.$0 && process.argv.includes("serve") ? await httpsOptions() : null;
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: { path: path.join(here, "dist"), filename: "[name].[contenthash:8].js", chunkFilename: "[name].[contenthash:8].js", clean: true },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      // The file host runs in the browser too: Node built-ins it never uses there resolve to nothing.
      fallback: { fs: false, path: false, os: false, stream: false, crypto: false, zlib: false },
    },
    module: {
      rules: [
        { test: /\.tsx?$/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, allowImportingTsExtensions: false, rewriteRelativeImportExtensions: true } } }, exclude: /node_modules/ },
        { test: /\.css$/, use: ["style-loader", "css-loader"] },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], scriptLoading: "defer" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: publicUrl ? (content) => manifestForPublicUrl(content.toString("utf8"), publicUrl) : undefined,
          },
          { from: "src/taskpane/commands.html", to: "commands.html" },
          { from: "src/taskpane/aide.html", to: "aide.html" },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : "http",
      static: { directory: path.join(here, "dist") },
    },
  };
};
