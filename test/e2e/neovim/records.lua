-- Headless Neovim (0.7.2 or later) with a workspace folder that holds .voipnow/records.json.
-- Neovim 0.7 does not watch files for a language server: the server must watch the records file
-- itself. Started by test/e2e/neovim-records.e2e.mjs as:
--   nvim --headless --clean -c 'luafile test/e2e/neovim/records.lua' FILE
-- with VOIPNOW_SERVER, VOIPNOW_ROOT (the folder), VOIPNOW_RECORDS (its records file),
-- VOIPNOW_NEW_RECORDS (text to write there once the first diagnostics came), VOIPNOW_AT
-- ("line:character", 0-based: where to ask for a definition) and VOIPNOW_OUT. Every wait is bounded.
local common = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/common.lua')
local result = { events = {} }

local function codes(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(list, { code = d.code, lnum = d.lnum, col = d.col, message = d.message }) end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return list
end

local function has(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do if d.code == code then return true end end
  return false
end

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  local client_id = common.start(buf, result)
  local client = vim.lsp.get_client_by_id(client_id)
  local watched = ((client.config.capabilities or {}).workspace or {}).didChangeWatchedFiles
  result.client_watches_files = watched ~= nil and watched.dynamicRegistration == true

  result.got_first = vim.wait(15000, function() return has(buf, '620') end, 20)
  result.first = codes(buf)

  -- Another snapshot on disk, written as a tool would (no editor involved).
  local f = assert(io.open(os.getenv('VOIPNOW_RECORDS'), 'w'))
  f:write(os.getenv('VOIPNOW_NEW_RECORDS'))
  f:close()
  result.got_second = vim.wait(15000, function() return not has(buf, '620') end, 20)
  result.second = codes(buf)

  local line, character = os.getenv('VOIPNOW_AT'):match('(%d+):(%d+)')
  local definition = vim.lsp.buf_request_sync(buf, 'textDocument/definition', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = tonumber(line), character = tonumber(character) },
  }, 10000)
  result.definition = definition and definition[client_id] or vim.NIL

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)
if not ok then result.error = tostring(err) end
common.finish(result)
