-- Drives the server from headless Neovim 0.7 as a user would: open a file, wait for the
-- squiggle, hover, ask for code actions, apply the preferred one, wait for the error to go.
-- Writes a JSON report to $SHAPESENSE_REPORT and exits 0, or exits non-zero with a message.
local report = {}
local function finish(code, message)
  report.message = message
  local f = io.open(os.getenv("SHAPESENSE_REPORT"), "w")
  f:write(vim.fn.json_encode(report))
  f:close()
  vim.cmd(code == 0 and "qa!" or ("cquit " .. code))
end

local file = os.getenv("SHAPESENSE_FILE")
local mode = os.getenv("SHAPESENSE_MODE")  -- "hover" or "fix"
vim.cmd("edit " .. file)
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "shapesense",
  cmd = { os.getenv("SHAPESENSE_PYTHON"), "-m", "shapesense", "serve" },
  root_dir = vim.fn.fnamemodify(file, ":h"),
  init_options = { debounceMs = 0, kerasVersion = "3" },
})
vim.lsp.buf_attach_client(buf, client_id)

local function errors()
  return vim.diagnostic.get(buf, { severity = vim.diagnostic.severity.ERROR })
end

if not vim.wait(120000, function() return #errors() > 0 end, 50) then
  return finish(2, "no error diagnostic arrived")
end
local d = errors()[1]
report.error_line = d.lnum
report.error_message = d.message

if mode == "hover" then
  local needle = os.getenv("SHAPESENSE_HOVER_AT")
  local line, col
  for i, text in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local s = text:find(needle, 1, true)
    if s then line, col = i - 1, s end
  end
  local result = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
    textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = line, character = col },
  }, 10000)
  for _, r in pairs(result or {}) do
    if r.result and r.result.contents then report.hover = r.result.contents.value end
  end
  return finish(0, "ok")
end

-- vim.diagnostic items are not LSP diagnostics: rebuild one (the server finds its fixes by range).
local lsp_diag = {
  range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
  message = d.message, severity = d.severity, source = "shapesense",
}
local actions = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
  textDocument = vim.lsp.util.make_text_document_params(buf),
  range = lsp_diag.range,
  context = { diagnostics = { lsp_diag } },
}, 10000)
local chosen
for _, r in pairs(actions or {}) do
  for _, action in ipairs(r.result or {}) do
    if chosen == nil or action.isPreferred then chosen = action end
  end
end
if chosen == nil then return finish(3, "no code action offered") end
report.action = chosen.title
vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
if not vim.wait(120000, function() return #errors() == 0 end, 50) then
  return finish(4, "the error did not go away after the fix")
end
vim.cmd("write")
report.fixed_text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
finish(0, "ok")
