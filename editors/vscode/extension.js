// A minimal client for `stylelint lsp`: starts it on stdio for Markdown, HTML and plain text.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("stylelint");
  const [command, ...args] = settings.get("command");
  client = new LanguageClient(
    "stylelint",
    "stylelint",
    { command, args, transport: TransportKind.stdio },
    {
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "html" },
        { scheme: "file", language: "plaintext" },
        { scheme: "untitled", language: "markdown" },
      ],
      // The same options every editor passes (see the README's Editors section).
      initializationOptions: { docsUrl: settings.get("docsUrl") },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
