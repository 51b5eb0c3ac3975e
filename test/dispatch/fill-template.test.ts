import { expect } from '@open-wc/testing';
import {
  escapeHtml,
  escapeXml,
  fillTemplate,
  jsString,
  placeholdersOf,
} from '../../src/dispatch/fill-template.js';

describe('fillTemplate', () => {
  it('escapes each value for its context', () => {
    const v = { t: `<a href="x">'&'</a>` };
    expect(fillTemplate('{{html:t}}', v)).to.equal('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(fillTemplate('{{xml:t}}', v)).to.equal('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(fillTemplate('var t = "{{js:t}}";', v)).to.equal(
      'var t = "\\u003ca href=\\"x\\"\\u003e\'\\u0026\'\\u003c/a\\u003e";',
    );
  });

  it('keeps script-breaking sequences out of JS literals, and they still mean the same string', () => {
    const s = '</script><!-- \u2028\u2029 "\\ \n';
    const literal = jsString(s);
    expect(literal).to.not.match(/[<>\u2028\u2029\n]/);
    expect(JSON.parse(literal)).to.equal(s);
    expect(new Function(`return ${literal}`)()).to.equal(s);
  });

  it('drops characters XML 1.0 cannot carry', () => {
    expect(escapeXml('a\u0000b\u0008c\td\uFFFEe')).to.equal('abc\tde');
    expect(escapeHtml('plain')).to.equal('plain');
  });

  it('refuses unknown contexts, missing values and unquoted js placeholders', () => {
    expect(() => fillTemplate('{{css:t}}', { t: 'x' })).to.throw(/Unknown placeholder context "css"/);
    expect(() => fillTemplate('{{html:nope}}', { t: 'x' })).to.throw(/needs a value for "nope"/);
    expect(() => fillTemplate('var a = {{js:t}};', { t: 'x' })).to.throw(/double quotes/);
    expect(fillTemplate('<a title="{{html:t}}">', { t: '"' })).to.equal('<a title="&quot;">');
    expect(() => fillTemplate('{{html:toString}}', {})).to.throw(/needs a value/);
  });

  it('lists the placeholders of a template', () => {
    expect(placeholdersOf('{{html:a}} "{{js:b}}" {{xml:a}}')).to.deep.equal(['a', 'b']);
  });
});
