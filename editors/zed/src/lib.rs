// Zed starts only the language servers an extension declares: this one
// declares `stylelint` and starts `stylelint lsp` from the PATH (or the
// `lsp.stylelint.binary` setting, which Zed applies itself).
use zed_extension_api as zed;

struct Stylelint;

impl zed::Extension for Stylelint {
    fn new() -> Self {
        Stylelint
    }

    fn language_server_command(
        &mut self,
        _id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> zed::Result<zed::Command> {
        let command = worktree
            .which("stylelint")
            .ok_or("stylelint is not on the PATH: pip install 'stylelint[lsp]'")?;
        Ok(zed::Command { command, args: vec!["lsp".into()], env: Default::default() })
    }

    // `lsp.stylelint.initialization_options` from settings.json (docsUrl, config, debounce).
    fn language_server_initialization_options(
        &mut self,
        id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> zed::Result<Option<zed::serde_json::Value>> {
        Ok(zed::settings::LspSettings::for_worktree(id.as_ref(), worktree)?.initialization_options)
    }
}

zed::register_extension!(Stylelint);
