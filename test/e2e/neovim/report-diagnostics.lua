-- Used with a user configuration (the README's Neovim 0.7 block and its :VoipnowProblems command):
-- waits for the current buffer's diagnostics (15 s at most), then does what the README says a user
-- does: presses K on the value at VOIPNOW_AT ("line:column", 1-based line, 0-based column) and
-- reads the hover's floating window, runs :VoipnowProblems and reads the quickfix list. Writes it
-- all as JSON to $VOIPNOW_OUT, stops the clients and quits. Every wait is bounded.
local buf = vim.api.nvim_get_current_buf()
local result = { filetype = vim.bo[buf].filetype }
local ok, err = pcall(function()
  result.got_diagnostics = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, { source = d.source, code = d.code, message = d.message, lnum = d.lnum, col = d.col })
  end
  result.clients = #vim.lsp.get_active_clients()

  -- K, as typed in normal mode, on the value; the hover opens in a floating window.
  local line, column = os.getenv('VOIPNOW_AT'):match('(%d+):(%d+)')
  vim.api.nvim_win_set_cursor(0, { tonumber(line), tonumber(column) })
  local main = vim.api.nvim_get_current_win()
  vim.api.nvim_feedkeys('K', 'x', false)
  local float
  vim.wait(10000, function()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if win ~= main and vim.api.nvim_win_get_config(win).relative ~= '' then float = win return true end
    end
    return false
  end, 20)
  result.hover = float and vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false) or vim.NIL

  vim.cmd('VoipnowProblems')
  result.quickfix = {}
  for _, item in ipairs(vim.fn.getqflist()) do
    local file = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(item.bufnr), ':t')
    table.insert(result.quickfix, { file = file, lnum = item.lnum, col = item.col, type = item.type, text = item.text })
  end
  result.quickfix_title = vim.fn.getqflist({ title = 0 }).title
end)
if not ok then result.error = tostring(err) end
vim.lsp.stop_client(vim.lsp.get_active_clients())
vim.wait(3000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
local f = assert(io.open(os.getenv('VOIPNOW_OUT'), 'w'))
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qa!')
