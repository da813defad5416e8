// Values taken from a file render as text: through code() and escapeMarkdown(), and through the
// hovers that show them (a record's name and fields, a recorded response's code), a hostile value
// renders to the same HTML elements as a harmless one, with its own text inside. The renderer is
// markdown-it with HTML and linkify on (GFM's autolinks: `http://`, `www.`, e-mail addresses).
// plainText() gives that text back without any Markdown syntax.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { hover, parseRecords } from '../../../server/src/core';
import { code, escapeMarkdown, plainText } from '../../../server/src/core/codes/markdown';
import { atCursor } from './cursor';

// markdown-it ships without types; it comes with @vscode/vsce (a development dependency).
const MarkdownIt = require('markdown-it');
const md = new MarkdownIt({ html: true, linkify: true });
// GFM links no bare domain (`example.com`), only `http://`, `www.` and e-mail addresses.
md.linkify.set({ fuzzyLink: false });

const HOSTILE = [
  'a``![x](http://127.0.0.1/a.png)``b',
  '``',
  '`',
  ' `x` ',
  '![x](http://127.0.0.1/a.png)',
  '<img src="http://127.0.0.1/a.png">',
  '<https://127.0.0.1/a.png>',
  '[link](http://127.0.0.1/)',
  '[link]: http://127.0.0.1/',
  'see http://127.0.0.1/a.png now',
  'www.example.com',
  'mail a@example.com',
  'a\n\n![x](http://127.0.0.1/a.png)',
  'x\n# heading\n- item\n> quote\n```\ncode',
  'x\r\n<div>\rhi</div>',
  '**bold** _em_ ~~gone~~ | a | b |',
  '&lt;script&gt; &amp; &#x41;',
  '- item',
  '1. one',
  '+ plus',
  '# title',
  '> quote',
  'trailing\\',
  'x  \ny',
];
const flat = (text: string) => text.replace(/\r\n|\r|\n/g, ' ');

/** The tag names of rendered HTML, in order. */
const tags = (html: string) => [...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[0]);
/** The text of rendered HTML. */
const textOf = (html: string) =>
  html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('Markdown helpers with values from a file', () => {
  for (const value of HOSTILE) {
    it(`renders ${JSON.stringify(value)} as text`, () => {
      const inCode = md.render(`before ${code(value)} after`);
      assert.deepEqual(tags(inCode), ['<p', '<code', '</code', '</p'], inCode);
      assert.equal(/<code>([\s\S]*)<\/code>/.exec(inCode)![1], md.utils.escapeHtml(flat(value)));

      for (const line of [`before ${escapeMarkdown(value)} after`, escapeMarkdown(value)]) {
        const html = md.render(line);
        assert.deepEqual(tags(html), ['<p', '</p'], html);
        assert.equal(textOf(html).trim(), line.startsWith('before') ? `before ${flat(value)} after` : flat(value).trim());
      }
      const item = md.render(`- ${escapeMarkdown(value)}: ${code(value)}`);
      assert.deepEqual(tags(item), ['<ul', '<li', '<code', '</code', '</li', '</ul'], item);
    });
  }

  it('fences a value with a run of backticks one longer than its longest, padded where it starts or ends with one', () => {
    assert.equal(code('in'), '`in`');
    assert.equal(code('a``b'), '```a``b```');
    assert.equal(code('`x'), '`` `x ``');
    assert.equal(code(' x '), '`  x  `');
    assert.equal(code('a\nb'), '`a b`');
    assert.equal(code(''), '` `');
  });

  it('gives the same text back as plain text', () => {
    for (const value of HOSTILE) {
      assert.equal(plainText(code(value)), flat(value), JSON.stringify(value));
      assert.equal(plainText(escapeMarkdown(value)), flat(value), JSON.stringify(value));
    }
  });
});

describe('hovers that show values from a file', () => {
  const recordsWith = (name: string, field: string) =>
    parseRecords(JSON.stringify({ channels: [{ ID: 2, name, note: field }] }), { location: 'file:///w/.voipnow/records.json' }).records!;
  const recordHover = (name: string, field: string) => {
    const { analysis, offset } = atCursor('{ "method": "EditChannel", "params": { "ID": |2 } }', { included: true, records: recordsWith(name, field) });
    return hover(analysis, offset)!.markdown;
  };
  const responseHover = (written: string) => {
    const { analysis, offset } = atCursor(`{ "method": "GetCodecs", "response": { "faultcode": |${JSON.stringify(written)} } }`, { included: true });
    return hover(analysis, offset)!.markdown;
  };

  for (const value of HOSTILE) {
    it(`renders a record's name and field, and a response's code, holding ${JSON.stringify(value)} as text`, () => {
      const harmless = md.render(recordHover('Carrier A', 'plain'));
      // Inside the name: a name that starts or ends with a space shows its bold markers as text.
      const hostile = md.render(recordHover(`Carrier ${value} B`, value));
      assert.deepEqual(tags(hostile), tags(harmless), hostile);
      assert.ok(textOf(hostile).includes(`Carrier ${flat(value)} B`), hostile);
      assert.ok(textOf(hostile).includes(`note: ${flat(value)}`), hostile);

      const code = `x${value}x`;
      const response = md.render(responseHover(code));
      assert.deepEqual(tags(response), tags(md.render(responseHover('999'))), response);
      assert.ok(textOf(response).includes(`\n${flat(code)} is not documented for GetCodecs.`), response);
    });
  }
});
