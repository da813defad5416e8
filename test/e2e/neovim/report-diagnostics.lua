-- Used with a user configuration (the README's Neovim 0.7 block): waits for the current buffer's
-- diagnostics (15 s at most), writes them as JSON to $VOIPNOW_OUT, stops the clients and quits.
local buf = vim.api.nvim_get_current_buf()
local result = { filetype = vim.bo[buf].filetype }
result.got_diagnostics = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
result.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, { source = d.source, code = d.code, message = d.message, lnum = d.lnum, col = d.col })
end
result.clients = #vim.lsp.get_active_clients()
vim.lsp.stop_client(vim.lsp.get_active_clients())
vim.wait(3000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
local f = assert(io.open(os.getenv('VOIPNOW_OUT'), 'w'))
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qa!')
