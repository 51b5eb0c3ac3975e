import { expect } from '@open-wc/testing';
import { parseRoute, routeHref, type Route } from '../../src/app/routes.js';

const at = (path: string) => parseRoute(new URL(path, 'https://cdn.example.com/app/'));

describe('routes', () => {
  it('defaults to the library', () => {
    expect(at('')).to.deep.equal({ view: 'library' });
    expect(at('?view=library')).to.deep.equal({ view: 'library' });
  });

  it('plays a URL course with the learner and the first item', () => {
    expect(at('?course=demo/imsmanifest.xml&learner=ann&item=sco-quiz')).to.deep.equal({
      view: 'play',
      source: { kind: 'url', url: 'demo/imsmanifest.xml' },
      learner: 'ann',
      item: 'sco-quiz',
    });
  });

  it('plays an imported package', () => {
    expect(at('?package=p1')).to.deep.equal({ view: 'play', source: { kind: 'package', id: 'p1' } });
  });

  it('shows results, optionally for one course', () => {
    expect(at('?view=results')).to.deep.equal({ view: 'results' });
    expect(at('?view=results&course=pkg%3Aorg.x&learner=u1')).to.deep.equal({
      view: 'results',
      course: 'pkg:org.x',
      learner: 'u1',
    });
  });

  it('hands both dispatch forms to the dispatch view', () => {
    expect(at('?dispatch=k7Qw2mZp9xLr&user_id=u9')).to.deep.equal({
      view: 'dispatch',
      token: 'k7Qw2mZp9xLr',
      userId: 'u9',
    });
    expect(at('/app/player/dispatch/k7Qw2mZp9xLr?user_id=u9')).to.deep.equal({
      view: 'dispatch',
      token: 'k7Qw2mZp9xLr',
      userId: 'u9',
    });
    expect(at('/player/dispatch/abc/')).to.deep.equal({ view: 'dispatch', token: 'abc' });
  });

  it('knows the dispatch maker and names unknown views', () => {
    expect(at('?view=dispatch-maker')).to.deep.equal({ view: 'dispatch-maker' });
    expect(at('?view=nope')).to.deep.equal({ view: 'unknown', name: 'nope' });
  });

  it('writes every route as a query string that reads back the same', () => {
    const routes: Route[] = [
      { view: 'library' },
      { view: 'play', source: { kind: 'url', url: 'https://x.test/c/a b.zip' }, learner: 'a&b', item: 'i1' },
      { view: 'play', source: { kind: 'package', id: 'p-1' } },
      { view: 'results', course: 'url:https://x.test/c/imsmanifest.xml' },
      { view: 'dispatch', token: 't', userId: 'u' },
      { view: 'dispatch-maker' },
    ];
    for (const route of routes) {
      const href = routeHref(route);
      expect(href.startsWith('?')).to.equal(true);
      expect(at(href), href).to.deep.equal(route);
    }
  });
});
