-- Headless Neovim (0.7.2 or later) as the language server's client. Started by
-- test/e2e/neovim.e2e.mjs as:
--   nvim --headless --clean -c 'luafile test/e2e/neovim/client.lua' FILE
-- with VOIPNOW_SERVER (path of dist/server.js), VOIPNOW_ROOT (the workspace folder),
-- VOIPNOW_AT ("line:character", 0-based, where to ask for a hover and code actions) and
-- VOIPNOW_OUT (where to write what Neovim received, as JSON). Every wait is bounded.
local common = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/common.lua')
local result = { events = {} }

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype
  local client_id = common.start(buf, result)

  result.got_diagnostics = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, source = d.source, code = d.code, message = d.message,
    })
  end

  local client = vim.lsp.get_client_by_id(client_id)
  local caps = client.server_capabilities or client.resolved_capabilities or {}
  result.capabilities = {
    hover = caps.hoverProvider and true or false,
    code_action = caps.codeActionProvider and true or false,
  }

  local line, character = os.getenv('VOIPNOW_AT'):match('(%d+):(%d+)')
  local position = { line = tonumber(line), character = tonumber(character) }
  local text_document = { uri = vim.uri_from_bufnr(buf) }

  -- Asked only of a server that advertises them (Neovim refuses the request otherwise).
  if result.capabilities.hover then
    local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = text_document, position = position }, 10000)
    result.hover = hover and hover[client_id] or vim.NIL
  end

  -- The line's diagnostics in LSP form, as vim.lsp.buf.code_action() sends them: Neovim 0.7
  -- rebuilds them with get_line_diagnostics; later versions keep the whole LSP diagnostic.
  local lsp_diagnostics
  if vim.lsp.diagnostic.get_line_diagnostics then
    lsp_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, position.line)
  else
    lsp_diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(buf, { lnum = position.line })) do
      table.insert(lsp_diagnostics, d.user_data.lsp)
    end
  end
  if result.capabilities.code_action then
    local actions = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
      textDocument = text_document,
      range = { start = position, ['end'] = position },
      context = { diagnostics = lsp_diagnostics },
    }, 10000)
    result.code_actions = actions and actions[client_id] or vim.NIL
  end

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)
if not ok then result.error = tostring(err) end
common.finish(result)
