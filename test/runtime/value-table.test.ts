// The SCO's values kept per record (value-table.ts), and the state a Commit hands over: unchanged records
// are shared between states, nothing in a state changes after it was handed over, and every reader sees the
// same values whether a state has records or is of the earlier all-in-`values` shape.
import { expect } from '@open-wc/testing';
import { Scorm12Api, Scorm2004Api, type AttemptState } from '../../src/runtime/index.js';
import { storedCounts, storedRecords, storedValues } from '../../src/runtime/attempt-data.js';
import { ValueTable } from '../../src/runtime/value-table.js';

describe('ValueTable', () => {
  const collections = ['cmi.interactions', 'cmi.interactions.n.objectives', 'cmi.objectives'];

  it('keeps values outside records apart, and records per collection with the rest of their names', () => {
    const table = new ValueTable(collections);
    table.set('cmi.location', 'p1');
    table.set('cmi.interactions.0.id', 'q0');
    table.set('cmi.interactions.0.objectives.0.id', 'o');
    table.set('cmi.interactions.1.id', 'q1');
    table.set('cmi.objectives.0.id', 'obj');
    expect(table.get('cmi.interactions.0.objectives.0.id')).to.equal('o');
    expect(table.snapshot()).to.deep.equal({
      values: { 'cmi.location': 'p1' },
      records: {
        'cmi.interactions': [{ id: 'q0', 'objectives.0.id': 'o' }, { id: 'q1' }],
        'cmi.objectives': [{ id: 'obj' }],
      },
    });
  });

  it('shares unchanged records between snapshots and never changes one already taken', () => {
    const table = new ValueTable(collections);
    table.set('cmi.interactions.0.id', 'q0');
    table.set('cmi.interactions.1.id', 'q1');
    const first = table.snapshot();
    table.set('cmi.interactions.1.result', 'correct');
    table.set('cmi.location', 'p2');
    table.delete('cmi.interactions.0.id');
    const second = table.snapshot();
    expect(first.records['cmi.interactions']![1]).to.deep.equal({ id: 'q1' });
    expect(first.records['cmi.interactions']![0]).to.deep.equal({ id: 'q0' });
    expect(first.values).to.deep.equal({});
    expect(second.records['cmi.interactions']).to.deep.equal([{}, { id: 'q1', result: 'correct' }]);
    expect(table.get('cmi.interactions.0.id')).to.equal(undefined);

    table.set('cmi.interactions.2.id', 'q2');
    const third = table.snapshot();
    expect(third.records['cmi.interactions']![1]).to.equal(second.records['cmi.interactions']![1]);
  });
});

describe('the attempt state with records', () => {
  it('hands over the same values as it keeps, and a resumed session reads them all back (2004)', () => {
    const api = new Scorm2004Api({ learnerId: 'u1', learnerName: 'Doe, Jane' });
    api.Initialize('');
    api.SetValue('cmi.location', 'page 3');
    api.SetValue('cmi.interactions.0.id', 'q0');
    api.SetValue('cmi.interactions.0.type', 'choice');
    api.SetValue('cmi.interactions.0.correct_responses.0.pattern', 'a');
    api.SetValue('cmi.objectives.0.id', 'obj-1');
    api.SetValue('cmi.objectives.0.score.raw', '7');
    api.SetValue('cmi.exit', 'suspend');
    const before = api.state();
    api.SetValue('cmi.interactions.0.result', 'correct');
    expect(storedValues(before)['cmi.interactions.0.result']).to.equal(undefined);
    api.Terminate('');
    const state = api.state();
    const values = storedValues(state);
    expect(values).to.include({
      'cmi.location': 'page 3',
      'cmi.interactions.0.id': 'q0',
      'cmi.interactions.0.correct_responses.0.pattern': 'a',
      'cmi.interactions.0.result': 'correct',
      'cmi.objectives.0.score.raw': '7',
    });
    expect(storedCounts(state)).to.include({ 'cmi.interactions': 1, 'cmi.objectives': 1 });

    const again = new Scorm2004Api({ learnerId: 'u1', resume: JSON.parse(JSON.stringify(state)) });
    again.Initialize('');
    expect(again.GetValue('cmi.interactions.0.result')).to.equal('correct');
    expect(again.GetValue('cmi.objectives.0.score.raw')).to.equal('7');
    expect(again.GetValue('cmi.interactions.0.correct_responses._count')).to.equal('1');
  });

  it('resumes a state of the earlier shape, every value in data.values (1.2)', () => {
    const api = new Scorm12Api({ learnerId: 'u1' });
    api.LMSInitialize('');
    api.LMSSetValue('cmi.core.exit', 'suspend');
    api.LMSFinish('');
    const state: AttemptState = api.state();
    state.data = {
      values: {
        'cmi.core.lesson_location': 'p9',
        'cmi.objectives.0.id': 'o1',
        'cmi.objectives.0.status': 'passed',
      },
      counts: { 'cmi.objectives': 1 },
    };
    expect(storedRecords(state, 'cmi.objectives')).to.deep.equal([{ id: 'o1', status: 'passed' }]);
    const again = new Scorm12Api({ learnerId: 'u1', resume: state });
    again.LMSInitialize('');
    expect(again.LMSGetValue('cmi.core.lesson_location')).to.equal('p9');
    expect(again.LMSGetValue('cmi.objectives.0.status')).to.equal('passed');
    const data = again.state().data as Record<string, unknown>;
    expect(data['cmi.objectives']).to.deep.equal([{ id: 'o1', status: 'passed' }]);
    expect(storedRecords(again.state(), 'cmi.objectives')).to.deep.equal([{ id: 'o1', status: 'passed' }]);
    expect(storedRecords(again.state(), 'cmi.interactions')).to.deep.equal([]);
    expect((data.values as Record<string, string>)['cmi.objectives.0.id']).to.equal(undefined);
  });
});
