import { strict as assert } from 'node:assert';

import { reflow } from '../../src/cli/help.js';
import { runCli } from '../helpers/cli.js';

describe('help', () => {
  it('reflows source-wrapped paragraphs but keeps list items and indented lines', () => {
    const text =
      'One line\nand its rest,\n--all flag inside.\n\n- item one\n- item two\n  indented\n\nLast\nparagraph.';
    assert.equal(
      reflow(text),
      'One line and its rest, --all flag inside.\n\n- item one\n- item two\n  indented\n\nLast paragraph.',
    );
  });

  it('shows command summaries and global flags in the chosen language, without a duplicate --json description', async () => {
    const r = await runCli(['key', 'list', '--help', '--lang', 'uz']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /ERI kalitlari ro‘yxati \(parol kerak emas\)/);
    assert.match(r.stdout, /--json\s+Natijani bitta JSON hujjat/);
    assert.doesNotMatch(r.stdout, /Format output as json/);
    const topics = await runCli(['--help'], { env: { ONEID_LANG: 'ru' } });
    assert.match(topics.stdout, /key\s+Ключи ЭЦП/);
  });
});
