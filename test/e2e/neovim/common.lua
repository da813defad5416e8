-- What the Neovim test clients share: starting the server for a buffer and writing the result.
-- Loaded with dofile() by client.lua and records.lua (Neovim 0.7 has no require path for them).
local M = {}

-- Starts dist/server.js (VOIPNOW_SERVER) for the workspace folder VOIPNOW_ROOT and attaches it to `buf`.
function M.start(buf, result)
  local client_id = vim.lsp.start_client({
    name = 'voipnow',
    cmd = { 'node', os.getenv('VOIPNOW_SERVER'), '--stdio' },
    root_dir = os.getenv('VOIPNOW_ROOT'),
    on_exit = function(code) table.insert(result.events, 'server exited ' .. tostring(code)) end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  vim.lsp.buf_attach_client(buf, client_id)
  return client_id
end

-- Writes `result` as JSON to VOIPNOW_OUT and quits.
function M.finish(result)
  local f = assert(io.open(os.getenv('VOIPNOW_OUT'), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

return M
